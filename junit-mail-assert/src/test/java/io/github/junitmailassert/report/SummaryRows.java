package io.github.junitmailassert.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the summary table back from a run report page: as written, or as a browser serialized
 * its DOM (which adds {@code hidden=""} to rows a filter hides and writes entities as characters).
 */
final class SummaryRows {

  private static final Pattern ROW = Pattern.compile("<tr\\b([^>]*)>(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern CELL = Pattern.compile("<td\\b([^>]*)>(.*?)</td>", Pattern.DOTALL);
  private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)(?:=\"([^\"]*)\")?");
  private static final Pattern LINK = Pattern.compile("href=\"([^\"]*)\"");

  /**
   * One row of the summary.
   *
   * @param outcome the test's outcome
   * @param className the test class's binary name (the class cell's title)
   * @param classPath the class cell's text
   * @param test the test's display name
   * @param mails the mails cell
   * @param checks each check column's status ("not declared" for one the test did not declare)
   * @param links the details each mail link points to
   * @param hidden whether a filter hides the row
   */
  record Row(String outcome, String className, String classPath, String test, int mails, Map<String, String> checks,
      List<String> links, boolean hidden) {

    /** The row in one line: outcome, class path, test, mails, and the declared checks' statuses. */
    String line() {
      StringBuilder sb = new StringBuilder(outcome + " " + classPath + " " + test + " mails=" + mails);
      checks.forEach((check, status) -> sb.append(status.equals("not declared") ? "" : " " + check + "=" + status));
      return sb.toString();
    }
  }

  private SummaryRows() {}

  static List<Row> of(String html) {
    int start = html.indexOf("<tbody>");
    int end = html.indexOf("</tbody>", start);
    if (start < 0 || end < 0) {
      throw new AssertionError("no summary table body in the page");
    }
    List<Row> rows = new ArrayList<>();
    Matcher row = ROW.matcher(html.substring(start, end));
    while (row.find()) {
      Map<String, String> rowAttributes = attributes(row.group(1));
      List<String[]> cells = new ArrayList<>();
      Matcher cell = CELL.matcher(row.group(2));
      while (cell.find()) {
        cells.add(new String[] {cell.group(1), cell.group(2)});
      }
      Map<String, String> checks = new LinkedHashMap<>();
      List<String> links = new ArrayList<>();
      for (String[] c : cells) {
        Map<String, String> a = attributes(c[0]);
        if (a.containsKey("data-check")) {
          checks.put(a.get("data-check"), a.get("data-status"));
        }
        Matcher link = LINK.matcher(c[1]);
        while (link.find()) {
          links.add(link.group(1));
        }
      }
      rows.add(new Row(rowAttributes.get("data-outcome"), text(attributes(cells.get(0)[0]).get("title")),
          text(cells.get(0)[1]), text(cells.get(1)[1]), Integer.parseInt(text(cells.get(3)[1])), checks, links,
          rowAttributes.containsKey("hidden")));
    }
    return rows;
  }

  private static Map<String, String> attributes(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = ATTRIBUTE.matcher(text);
    while (m.find()) {
      out.put(m.group(1), m.group(2) == null ? "" : m.group(2));
    }
    return out;
  }

  private static String text(String html) {
    return html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&ndash;", "\u2013").replace("&nbsp;", " ").replace("&amp;", "&");
  }
}
