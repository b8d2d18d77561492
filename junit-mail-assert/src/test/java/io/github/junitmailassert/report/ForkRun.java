package io.github.junitmailassert.report;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A JVM that runs one fixture class with the run report on, as a surefire fork does:
 * {@code ForkRun <class> <report.html>}.
 */
public final class ForkRun {

  private ForkRun() {}

  public static void main(String[] args) {
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(args[0]))
        .configurationParameter(MailReport.HTML_REPORT_PARAMETER, args[1])
        .build());
  }
}
