package io.github.junitmailassert.internal.extension;

import io.github.junitmailassert.CapturedMail;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.check.ReceiverChecks;
import io.github.junitmailassert.internal.check.EachTestVerification;
import io.github.junitmailassert.report.MailReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one-page HTML report of a whole test run: every test that captured mail, and each mail's
 * report with what a receiver would hold against it. Lives in the root store, so JUnit closes it,
 * and it writes the page, once the run is over. Internal.
 */
@SuppressWarnings("deprecation") // CloseableResource: JUnit before 5.13 closes only those
public final class HtmlRunReport implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  private record Entry(String test, boolean failed, List<String> reports,
      List<List<EachTestVerification.Problem>> problems, String domain) {}

  private final Path file;
  private final List<Entry> entries = new ArrayList<>();
  private boolean written;

  public HtmlRunReport(Path file) {
    this.file = file;
  }

  /** Adds the mails of one finished test; {@code checksOf} gives each mail's receiver checks (or null). */
  public void add(String test, boolean failed, List<CapturedMail> mails, String domain,
      Function<CapturedMail, ReceiverChecks> checksOf) {
    List<String> reports = new ArrayList<>();
    List<List<EachTestVerification.Problem>> problems = new ArrayList<>();
    for (CapturedMail mail : mails) {
      ReceiverChecks receiver = checksOf.apply(mail);
      reports.add(receiver == null ? MailReport.of(mail) : MailReport.of(receiver));
      EnumSet<MailCheck> checks = mail.receiverView().isPresent() ? EnumSet.allOf(MailCheck.class)
          : EnumSet.of(MailCheck.ENVELOPE_DOMAIN, MailCheck.LOCAL_NAMES);
      problems.add(EachTestVerification.problems(mail, domain, checks, checksOf));
    }
    synchronized (entries) {
      entries.add(new Entry(test, failed, reports, problems, domain));
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
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the mail report " + file, e);
      }
    }
  }

  private String html() {
    int mails = 0;
    int withProblems = 0;
    for (Entry e : entries) {
      mails += e.reports().size();
      for (List<EachTestVerification.Problem> p : e.problems()) {
        withProblems += p.isEmpty() ? 0 : 1;
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>junit-mail-assert: mail report</title><style>"
        + "body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}"
        + "pre{background:#f6f6f6;padding:.8em;overflow-x:auto;white-space:pre-wrap}"
        + ".bad{color:#a00}.ok{color:#070}li{margin:.4em 0}.fix{color:#055}"
        + "details{border:1px solid #ddd;margin:.6em 0;padding:.4em .8em}</style></head><body>\n");
    sb.append("<h1>Captured mail, checked as a receiver would</h1>\n");
    sb.append("<p>").append(entries.size()).append(" test(s) captured ").append(mails).append(" mail(s); ")
        .append(withProblems).append(" mail(s) have something a receiver would hold against them. Written ")
        .append(Instant.now()).append(".</p>\n");
    sb.append("<p>Each mail is checked for the envelope, local names, SPF, reverse DNS, DKIM and DMARC,"
        + " whatever the test asserted; a test passes or fails on its own assertions.</p>\n");
    for (Entry e : entries) {
      sb.append("<h2>").append(escape(e.test())).append(e.failed() ? " <span class=\"bad\">(test failed)</span>" : "")
          .append("</h2>\n");
      for (int i = 0; i < e.reports().size(); i++) {
        List<EachTestVerification.Problem> problems = e.problems().get(i);
        String summary = e.reports().get(i).lines().findFirst().orElse("");
        sb.append("<details").append(problems.isEmpty() ? "" : " open").append("><summary>")
            .append(escape(summary)).append(" &mdash; ")
            .append(problems.isEmpty() ? "<span class=\"ok\">no findings</span>"
                : "<span class=\"bad\">" + problems.size() + " finding(s)</span>")
            .append("</summary>\n");
        if (!problems.isEmpty()) {
          sb.append("<ul>\n");
          for (EachTestVerification.Problem p : problems) {
            sb.append("<li>").append(escape(p.text()));
            if (!p.fix().isEmpty()) {
              sb.append("<br><span class=\"fix\">Fix: ").append(escape(p.fix())).append("</span>");
            }
            sb.append("</li>\n");
          }
          sb.append("</ul>\n");
        }
        sb.append("<pre>").append(escape(e.reports().get(i))).append("</pre></details>\n");
      }
    }
    sb.append("</body></html>\n");
    return sb.toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
