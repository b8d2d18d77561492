package io.github.junitmailassert.report;

import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.report.RunReport.FindingEntry;
import io.github.junitmailassert.report.RunReport.MailEntry;
import io.github.junitmailassert.report.RunReport.TestEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The run report as one HTML page with no outside scripts, styles or fonts: a summary table (one
 * row per test, failing tests first, nested classes after their outer class), filters for it,
 * then every mail's details. Everything that comes from a mail is escaped, and control characters
 * are shown as {@code ?}.
 */
final class RunReportHtml {

  static final String NOT_DECLARED = "not declared";

  private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;max-width:90em}"
      + "pre{background:#f6f6f6;padding:.8em;overflow-x:auto;white-space:pre-wrap}"
      + ".bad,td.failed{color:#a00}.ok,td.passed{color:#070}.info,td.not-checked,td.not-declared{color:#555}"
      + "li{margin:.4em 0}.fix{color:#055}"
      + "details{border:1px solid #ddd;margin:.6em 0;padding:.4em .8em}"
      + "table{border-collapse:collapse;font-size:.9em}th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;"
      + "vertical-align:top}th{background:#f0f0f0}td.test{overflow-wrap:anywhere;min-width:16em}td.links{white-space:nowrap}"
      + "tr.failed{background:#fff4f4}tr.failed td.outcome{font-weight:bold}"
      + "#filters{margin:.8em 0}#filters label{margin-right:1em}";

  // Filters read their first values from the page's query (?outcome=failed&check=SPF&status=failed).
  private static final String SCRIPT = "(function(){"
      + "var q=new URLSearchParams(location.search),o=document.getElementById('filter-outcome'),"
      + "c=document.getElementById('filter-check'),s=document.getElementById('filter-status'),"
      + "n=document.getElementById('filter-count');"
      + "if(q.has('outcome'))o.value=q.get('outcome');if(q.has('check'))c.value=q.get('check');"
      + "if(q.has('status'))s.value=q.get('status');"
      + "function apply(){var rows=document.querySelectorAll('#summary-table tbody tr'),shown=0;s.disabled=!c.value;"
      + "rows.forEach(function(r){var ok=!o.value||r.getAttribute('data-outcome')===o.value;"
      + "if(ok&&c.value){var d=r.querySelector('td[data-check=\"'+c.value+'\"]');"
      + "ok=!!d&&d.getAttribute('data-status')===s.value;}r.hidden=!ok;if(ok)shown++;});"
      + "n.textContent=shown+' of '+rows.length+' test(s) shown';}"
      + "function openTarget(){var id=decodeURIComponent(location.hash.slice(1)),d=id&&document.getElementById(id);"
      + "if(d&&d.tagName==='DETAILS')d.open=true;}"
      + "[o,c,s].forEach(function(e){e.addEventListener('change',apply);});"
      + "window.addEventListener('hashchange',openTarget);openTarget();apply();})();";

  private RunReportHtml() {}

  static String render(RunReport report) {
    List<TestEntry> tests = ordered(report.tests());
    List<String> checks = checkColumns(tests);
    int mails = 0;
    int failing = 0;
    int gated = 0;
    for (TestEntry t : tests) {
      mails += t.mails().size();
      for (MailEntry m : t.mails()) {
        gated += t.declaredChecks().isEmpty() ? 0 : 1;
        failing += RunReport.VERDICT_FAILS.equals(m.verdict()) ? 1 : 0;
      }
    }
    long failedTests = tests.stream().filter(TestEntry::failed).count();
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width\">"
        + "<title>junit-mail-assert: mail report</title><style>").append(STYLE).append("</style></head><body>\n");
    sb.append("<h1>Captured mail, checked as a receiver would</h1>\n");
    sb.append("<p id=\"headline\">").append(tests.size()).append(" test(s), ").append(failedTests)
        .append(" failed, captured ").append(mails).append(" mail(s); ");
    if (failing > 0) {
      sb.append("<span class=\"bad\">").append(failing).append(" mail(s) fail the checks their test declared</span>.");
    } else if (gated > 0) {
      sb.append("<span class=\"ok\">every mail passes the checks its test declared</span>.");
    } else {
      sb.append("no test declared checks (verifyEachTest), so every finding is information.");
    }
    sb.append(" Merged from ").append(report.parts()).append(" part(s), written ")
        .append(report.written().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
        .append(".</p>\n");
    sb.append("<p>A test fails on its own assertions and on the checks it declared with verifyEachTest; what else a"
        + " receiver would notice is listed as information, not as failure.</p>\n");
    summary(sb, tests, checks);
    sb.append("<section id=\"details\"><h2>Mails</h2>\n");
    for (int i = 0; i < tests.size(); i++) {
      details(sb, tests.get(i), i + 1);
    }
    sb.append("</section>\n<script>").append(SCRIPT).append("</script>\n</body></html>\n");
    return sb.toString();
  }

  /** Failed tests first; within each, by class (outer before nested), then by test name. */
  static List<TestEntry> ordered(List<TestEntry> tests) {
    List<TestEntry> sorted = new ArrayList<>(tests);
    sorted.sort(Comparator.comparing((TestEntry t) -> !t.failed())
        .thenComparing(t -> String.join("\0", t.classPath())).thenComparing(TestEntry::test));
    return sorted;
  }

  /** Every check in {@link MailCheck}'s order, then names unknown to this library (a part from a newer one). */
  private static List<String> checkColumns(List<TestEntry> tests) {
    Set<String> names = new LinkedHashSet<>();
    for (MailCheck c : MailCheck.values()) {
      names.add(c.name());
    }
    for (TestEntry t : tests) {
      names.addAll(t.declaredChecks());
      t.mails().forEach(m -> names.addAll(m.checks().keySet()));
    }
    return List.copyOf(names);
  }

  private static void summary(StringBuilder sb, List<TestEntry> tests, List<String> checks) {
    sb.append("<section id=\"summary\"><h2>Summary</h2>\n<form id=\"filters\">"
        + "<label>Test <select id=\"filter-outcome\"><option value=\"\">all</option>"
        + "<option value=\"failed\">failed</option><option value=\"passed\">passed</option></select></label>"
        + "<label>Check <select id=\"filter-check\"><option value=\"\">any</option>");
    for (String c : checks) {
      sb.append("<option value=\"").append(escape(c)).append("\">").append(escape(c)).append("</option>");
    }
    sb.append("</select></label><label>is <select id=\"filter-status\">");
    for (String s : List.of("failed", "passed", "not checked", NOT_DECLARED)) {
      sb.append("<option value=\"").append(s).append("\">").append(s).append("</option>");
    }
    sb.append("</select></label><output id=\"filter-count\"></output></form>\n");
    sb.append("<table id=\"summary-table\"><thead><tr><th>Class</th><th>Test</th><th>Outcome</th><th>Mails</th>");
    for (String c : checks) {
      // Long check names may wrap after an underscore, and only there.
      sb.append("<th>").append(escape(c).replace("_", "_<wbr>")).append("</th>");
    }
    sb.append("<th>Details</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < tests.size(); i++) {
      TestEntry t = tests.get(i);
      sb.append("<tr class=\"").append(t.failed() ? "failed" : "passed").append("\" data-outcome=\"")
          .append(escape(t.outcome())).append("\"><td class=\"class\" title=\"").append(escape(t.className()))
          .append("\">").append(escape(String.join(" > ", t.classPath()))).append("</td><td class=\"test\">")
          .append(escape(t.test())).append("</td><td class=\"outcome ").append(t.failed() ? "bad" : "ok").append("\">")
          .append(escape(t.outcome())).append("</td><td class=\"mails\">").append(t.mails().size()).append("</td>");
      for (String c : checks) {
        String status = t.declaredChecks().contains(c) ? t.checkStatus(c) : NOT_DECLARED;
        sb.append("<td data-check=\"").append(escape(c)).append("\" data-status=\"").append(escape(status))
            .append("\" class=\"").append(escape(status.replace(' ', '-'))).append("\">")
            .append(status.equals(NOT_DECLARED) ? "&ndash;" : status.isEmpty() ? "no mail" : escape(status))
            .append("</td>");
      }
      sb.append("<td class=\"links\">");
      for (int j = 0; j < t.mails().size(); j++) {
        sb.append(j == 0 ? "" : " ").append("<a href=\"#t").append(i + 1).append("-m").append(j + 1)
            .append("\" title=\"").append(escape(t.mails().get(j).summary())).append("\">mail ").append(j + 1)
            .append("</a>");
      }
      sb.append("</td></tr>\n");
    }
    sb.append("</tbody></table></section>\n");
  }

  private static void details(StringBuilder sb, TestEntry t, int index) {
    boolean declared = !t.declaredChecks().isEmpty();
    sb.append("<h3 id=\"t").append(index).append("\">").append(escape(String.join(" > ", t.classPath())))
        .append(" &gt; ").append(escape(t.test())).append(t.failed() ? " <span class=\"bad\">(test failed)</span>" : "")
        .append("</h3>\n<p class=\"info\">")
        .append(declared ? "Declared checks: " + escape(String.join(", ", t.declaredChecks())) + "."
            : "No checks declared.")
        .append(t.mails().isEmpty() ? " No mail captured." : "").append("</p>\n");
    for (int j = 0; j < t.mails().size(); j++) {
      MailEntry m = t.mails().get(j);
      boolean fails = RunReport.VERDICT_FAILS.equals(m.verdict());
      sb.append("<details id=\"t").append(index).append("-m").append(j + 1).append("\"").append(fails ? " open" : "")
          .append("><summary>").append(escape(m.summary())).append(" &mdash; ");
      if (fails) {
        sb.append("<span class=\"bad\">fails the declared checks: ").append(m.failures().size())
            .append(" finding(s)</span>");
      } else if (RunReport.VERDICT_PASSES.equals(m.verdict())) {
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
      sb.append("<pre>").append(escape(m.report())).append("</pre>");
      if (!m.transcript().isEmpty()) {
        sb.append("\n<details class=\"transcript\"><summary>SMTP transcript (").append(m.transcript().size())
            .append(" line(s))</summary><pre>").append(escape(RunReport.TranscriptLine.print(m.transcript())))
            .append("</pre></details>");
      }
      sb.append("</details>\n");
    }
  }

  private static void list(StringBuilder sb, List<FindingEntry> findings, String title, String css) {
    if (findings.isEmpty()) {
      return;
    }
    sb.append("<p class=\"").append(css).append("\">").append(title).append("</p>\n<ul>\n");
    for (FindingEntry f : findings) {
      sb.append("<li>").append(escape(f.text()));
      if (!f.fix().isEmpty()) {
        sb.append("<br><span class=\"fix\">Fix: ").append(escape(f.fix())).append("</span>");
      }
      sb.append("</li>\n");
    }
    sb.append("</ul>\n");
  }

  /**
   * {@code text} safe in HTML text and in a quoted attribute: markup characters escaped, and
   * control characters (line ends aside: LF, or CRLF as LF) and bidirectional overrides shown as {@code ?}.
   */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        case '\n' -> sb.append('\n');
        case '\r' -> sb.append(i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "" : "?"); // CRLF: one line end
        default -> sb.append(Json.unsafe(c) ? '?' : c);
      }
    }
    return sb.toString();
  }
}
