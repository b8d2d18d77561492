package io.github.junitmailassert.internal.extension;

import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.receiver.ReceiverResult;
import io.github.junitmailassert.report.GateReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one-page HTML report of a whole test run: every test that captured mail, and each mail's
 * receiver result rendered under the checks its test declared: what fails them, and what else was
 * found as information. Lives in the root store, so JUnit closes it, and it writes the page, once
 * the run is over. Internal.
 */
@SuppressWarnings("deprecation") // CloseableResource: JUnit before 5.13 closes only those
@API(status = API.Status.INTERNAL)
public final class HtmlRunReport implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  private record Mail(String summary, String report, boolean passes, List<Finding> failures, List<Finding> information) {}

  private record Entry(String test, boolean failed, Set<MailCheck> declared, List<Mail> mails) {}

  private final Path file;
  private final List<Entry> entries = new ArrayList<>();
  private boolean written;

  public HtmlRunReport(Path file) {
    this.file = file;
  }

  /**
   * Adds the mails of one finished test, rendered from their results under the checks the test
   * declared; {@code reports} are their printed reports, made once for the console and this page.
   */
  public void add(String test, boolean failed, List<ReceiverResult> results, List<String> reports,
      Set<MailCheck> declared) {
    List<Mail> mails = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      ReceiverResult result = results.get(i);
      List<Finding> failures = result.failures(declared);
      List<Finding> information = new ArrayList<>(result.findings());
      information.removeAll(failures);
      String report = reports.get(i);
      mails.add(new Mail(report.lines().findFirst().orElse(""), report, result.passes(declared), failures, information));
    }
    synchronized (entries) {
      entries.add(new Entry(test, failed, Set.copyOf(declared), mails));
    }
  }

  @Override
  public void close() {
    synchronized (entries) {
      if (written) {
        return;
      }
      written = true;
      try {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(file, html(), StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        // A report never fails a run whose tests passed: say so and carry on.
        System.err.printf("junit-mail-assert: cannot write the mail report %s: %s%n", file, e);
      }
    }
  }

  private String html() {
    int mails = 0;
    int failing = 0;
    int gated = 0;
    for (Entry e : entries) {
      mails += e.mails().size();
      if (!e.declared().isEmpty()) {
        gated += e.mails().size();
      }
      for (Mail m : e.mails()) {
        failing += e.declared().isEmpty() || m.passes() ? 0 : 1;
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>junit-mail-assert: mail report</title><style>"
        + "body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}"
        + "pre{background:#f6f6f6;padding:.8em;overflow-x:auto;white-space:pre-wrap}"
        + ".bad{color:#a00}.ok{color:#070}.info{color:#555}li{margin:.4em 0}.fix{color:#055}"
        + "details{border:1px solid #ddd;margin:.6em 0;padding:.4em .8em}</style></head><body>\n");
    sb.append("<h1>Captured mail, checked as a receiver would</h1>\n");
    sb.append("<p>").append(entries.size()).append(" test(s) captured ").append(mails).append(" mail(s); ");
    if (failing > 0) {
      sb.append("<span class=\"bad\">").append(failing).append(" mail(s) fail the checks their test declared</span>.");
    } else if (gated > 0) {
      sb.append("<span class=\"ok\">every mail passes the checks its test declared</span>.");
    } else {
      sb.append("no test declared checks (verifyEachTest), so everything below is information.");
    }
    sb.append(" Written ").append(Instant.now()).append(".</p>\n");
    sb.append("<p>A test fails on its own assertions and on the checks it declared with verifyEachTest; what else a"
        + " receiver would notice is listed as information, not as failure.</p>\n");
    for (Entry e : entries) {
      sb.append("<h2>").append(escape(e.test())).append(e.failed() ? " <span class=\"bad\">(test failed)</span>" : "")
          .append("</h2>\n<p class=\"info\">").append(e.declared().isEmpty() ? "No checks declared."
              : "Declared checks: " + escape(GateReport.names(e.declared())) + ".").append("</p>\n");
      for (Mail m : e.mails()) {
        boolean fails = !e.declared().isEmpty() && !m.passes();
        sb.append("<details").append(fails ? " open" : "").append("><summary>")
            .append(escape(m.summary())).append(" &mdash; ");
        if (fails) {
          sb.append("<span class=\"bad\">fails the declared checks: ").append(m.failures().size())
              .append(" finding(s)</span>");
        } else if (!e.declared().isEmpty()) {
          sb.append("<span class=\"ok\">passes the declared checks</span>");
        } else {
          sb.append("<span class=\"info\">").append(m.information().size()).append(" finding(s) for information</span>");
        }
        if (!m.failures().isEmpty() && !m.information().isEmpty()) {
          sb.append(" <span class=\"info\">(").append(m.information().size()).append(" more for information)</span>");
        }
        sb.append("</summary>\n");
        list(sb, m.failures(), "Fails the declared checks:", "bad");
        list(sb, m.information(), "Also found (information):", "info");
        sb.append("<pre>").append(escape(m.report())).append("</pre></details>\n");
      }
    }
    sb.append("</body></html>\n");
    return sb.toString();
  }

  private static void list(StringBuilder sb, List<Finding> findings, String title, String css) {
    if (findings.isEmpty()) {
      return;
    }
    sb.append("<p class=\"").append(css).append("\">").append(title).append("</p>\n<ul>\n");
    for (Finding f : findings) {
      sb.append("<li>").append(escape(f.text()));
      if (!f.fix().isEmpty()) {
        sb.append("<br><span class=\"fix\">Fix: ").append(escape(f.fix())).append("</span>");
      }
      sb.append("</li>\n");
    }
    sb.append("</ul>\n");
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
