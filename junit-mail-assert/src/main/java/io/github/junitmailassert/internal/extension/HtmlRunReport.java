package io.github.junitmailassert.internal.extension;

import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.receiver.ReceiverResult;
import io.github.junitmailassert.report.MergeReports;
import io.github.junitmailassert.report.RunReport;
import io.github.junitmailassert.report.RunReport.FindingEntry;
import io.github.junitmailassert.report.RunReport.MailEntry;
import io.github.junitmailassert.report.RunReport.TestEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The run report of this JVM's tests: each test that ran with the extension, and each mail's
 * receiver result rendered under the checks its test declared. Lives in the root store, so JUnit
 * closes it once the run is over; then it writes this JVM's part beside the page and merges every
 * part there into the HTML page and the JSON file ({@link MergeReports}), and prints where. Internal.
 */
@SuppressWarnings("deprecation") // CloseableResource: JUnit before 5.13 closes only those
@API(status = API.Status.INTERNAL)
public final class HtmlRunReport implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  private final Path file;
  private final List<TestEntry> entries = new ArrayList<>();
  private boolean written;

  /** The report whose page is {@code file}; nothing is written before {@link #close()}. */
  public HtmlRunReport(Path file) {
    this.file = file;
  }

  /**
   * Adds one finished test and its mails, rendered from their results under the checks the test
   * declared; {@code reports} are their printed reports, made once for the console and this report.
   */
  public void add(ExtensionContext context, boolean failed, List<ReceiverResult> results, List<String> reports,
      Set<MailCheck> declared) {
    TestEntry entry = entry(context, failed, results, reports, declared);
    synchronized (entries) {
      entries.add(entry);
    }
  }

  /** The test as the run report holds it; its statuses are the receiver's, none judged here. */
  static TestEntry entry(ExtensionContext context, boolean failed, List<ReceiverResult> results, List<String> reports,
      Set<MailCheck> declared) {
    List<MailEntry> mails = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      ReceiverResult result = results.get(i);
      List<Finding> failures = result.failures(declared);
      List<Finding> information = new ArrayList<>(result.findings());
      information.removeAll(failures);
      Map<String, String> checks = new LinkedHashMap<>();
      for (MailCheck check : MailCheck.values()) {
        checks.put(check.name(), result.outcome(check).status().label());
      }
      String report = reports.get(i);
      String verdict = declared.isEmpty() ? RunReport.VERDICT_INFORMATION
          : result.passes(declared) ? RunReport.VERDICT_PASSES : RunReport.VERDICT_FAILS;
      mails.add(new MailEntry(report.lines().findFirst().orElse(""), verdict, checks, findings(failures),
          findings(information), report, RunReport.TranscriptLine.of(result.mail().transcript())));
    }
    Class<?> testClass = context.getRequiredTestClass();
    List<String> classPath = new ArrayList<>();
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      classPath.add(0, c.getSimpleName());
    }
    List<String> declaredNames = new ArrayList<>();
    for (MailCheck check : MailCheck.values()) {
      if (declared.contains(check)) {
        declaredNames.add(check.name());
      }
    }
    return new TestEntry(context.getUniqueId(), testClass.getName(), classPath, context.getDisplayName(),
        failed ? RunReport.FAILED : RunReport.PASSED, declaredNames, mails);
  }

  private static List<FindingEntry> findings(List<Finding> findings) {
    return findings.stream()
        .map(f -> new FindingEntry(f.check().name(), f.severity().name(), f.text(), f.fix(), f.source())).toList();
  }

  @Override
  public void close() {
    synchronized (entries) {
      if (written) {
        return;
      }
      written = true;
      try {
        MergeReports.Merged merged = MergeReports.addPart(file, new RunReport(Instant.now(), 1, entries));
        merged.unreadable().forEach(u -> System.err.println("junit-mail-assert: report part skipped, " + u));
        System.out.println(merged.line());
      } catch (Exception | StackOverflowError e) {
        // A report never fails a run whose tests passed: say so and carry on.
        System.err.printf("junit-mail-assert: cannot write the mail report %s: %s%n", file, e);
      }
    }
  }
}
