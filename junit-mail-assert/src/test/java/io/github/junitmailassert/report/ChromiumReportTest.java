package io.github.junitmailassert.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.report.SummaryRows.Row;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The run report in a real browser: Debian's headless Chromium renders the page, takes a
 * screenshot, and gives back the DOM after the page's script ran, whose summary is read back.
 * Without Chromium the tests are skipped with how to install it; {@code -Dit.requireTools=true}
 * (CI) makes that a failure.
 */
class ChromiumReportTest {

  /** Set by CI after the examples ran: their report, rendered and checked against surefire's own record. */
  static final String EXAMPLES_REPORT = "junit.mail.assert.examplesReport";

  private Path chromium;

  @BeforeEach
  void findChromium() {
    Optional<Path> found = chromium();
    if (found.isEmpty()) {
      String toolPath = System.getProperty("it.toolPath", "");
      String where = toolPath.isBlank() ? "/usr/bin/chromium or on the PATH" : "in " + toolPath;
      String reason = "chromium not found (" + where + "): install Debian's package, as root:"
          + " apt-get install chromium (or: bash .ci/install-browser)";
      if (Boolean.getBoolean("it.requireTools")) {
        throw new IllegalStateException(reason + "; -Dit.requireTools=true makes this a failure");
      }
      Assumptions.abort(reason);
    }
    chromium = found.get();
  }

  /** Chromium from {@code it.toolPath} when set (so a run can show the skip), else from the PATH or /usr/bin. */
  static Optional<Path> chromium() {
    String toolPath = System.getProperty("it.toolPath", "");
    List<Path> candidates = new ArrayList<>();
    if (toolPath.isBlank()) {
      candidates.add(Path.of("/usr/bin/chromium"));
      toolPath = System.getenv().getOrDefault("PATH", "");
    }
    for (String dir : toolPath.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "chromium"));
      }
    }
    return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
  }

  @Test
  void should_render_the_report_and_give_its_summary_back_from_the_dom(@TempDir Path dir) throws Exception {
    Path page = RunReportExtensionTest.runShop(dir);
    Path png = dir.resolve("report.png");

    browser(dir, "--window-size=1280,900", "--screenshot=" + png, page.toUri().toString());
    String dom = browser(dir, "--dump-dom", page.toUri().toString());

    byte[] image = Files.readAllBytes(png);
    assertThat(image).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    ByteBuffer header = ByteBuffer.wrap(image, 16, 8); // IHDR: width, height
    assertThat(new int[] {header.getInt(), header.getInt()}).containsExactly(1280, 900);
    assertThat(SummaryRows.of(dom)).extracting(Row::line).containsExactlyElementsOf(RunReportExtensionTest.SHOP_ROWS);
    assertThat(SummaryRows.of(dom)).noneMatch(Row::hidden);
    assertThat(dom).contains("<output id=\"filter-count\">3 of 3 test(s) shown</output>");
  }

  @Test
  void should_filter_the_summary_by_outcome_and_by_check_in_the_browser(@TempDir Path dir) throws Exception {
    Path page = RunReportExtensionTest.runShop(dir);
    String url = page.toUri().toString();

    assertThat(visible(browser(dir, "--dump-dom", url + "?outcome=failed"))).containsExactly("leaky(SmtpEndpoint)");
    assertThat(visible(browser(dir, "--dump-dom", url + "?check=SPF&status=passed"))).containsExactly(
        "clean(SmtpEndpoint)");
    String notDeclared = browser(dir, "--dump-dom", url + "?outcome=passed&check=DKIM&status=not%20declared");
    assertThat(visible(notDeclared)).containsExactly("clean(SmtpEndpoint)", "noMail()");
    assertThat(notDeclared).contains("<output id=\"filter-count\">2 of 3 test(s) shown</output>");
    // A link to a mail opens its details; its SMTP transcript stays collapsed.
    String linked = browser(dir, "--dump-dom", url + "#t2-m1");
    assertThat(linked).contains("<details id=\"t2-m1\" open=\"\">");
    String mail = linked.substring(linked.indexOf("<details id=\"t2-m1\""));
    assertThat(mail.substring(0, mail.indexOf("</details></details>"))).contains(
        "<details class=\"transcript\"><summary>SMTP transcript (").doesNotContain("<details class=\"transcript\" open");
  }

  @Test
  void should_render_the_examples_report_with_every_test_that_surefire_ran(@TempDir Path dir) throws Exception {
    String report = System.getProperty(EXAMPLES_REPORT, "");
    Assumptions.assumeFalse(report.isBlank(), "-D" + EXAMPLES_REPORT + "=<examples/target/junit-mail-assert-report.html>"
        + " not set: CI sets it after the examples ran (.ci/run)");
    Path page = Path.of(report);
    Path png = page.resolveSibling("junit-mail-assert-report.png");

    browser(dir, "--window-size=1280,1600", "--screenshot=" + png, page.toUri().toString());
    List<Row> rows = SummaryRows.of(browser(dir, "--dump-dom", page.toUri().toString()));

    assertThat(Files.size(png)).isPositive();
    Map<String, Integer> shown = new TreeMap<>();
    rows.forEach(r -> shown.merge(r.className(), 1, Integer::sum));
    assertThat(shown).isEqualTo(ranBySurefire(page.resolveSibling("surefire-reports")));
    assertThat(rows).extracting(Row::outcome).containsOnly("passed");
  }

  /** Each test class's count of tests that ran (not skipped), from surefire's XML reports. */
  private static Map<String, Integer> ranBySurefire(Path reports) throws Exception {
    Map<String, Integer> ran = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(reports)) {
      files = list.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).toList();
    }
    assertThat(files).as("surefire reports in " + reports).isNotEmpty();
    for (Path file : files) {
      NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
          .getElementsByTagName("testcase");
      for (int i = 0; i < cases.getLength(); i++) {
        Element c = (Element) cases.item(i);
        if (c.getElementsByTagName("skipped").getLength() == 0) {
          ran.merge(c.getAttribute("classname"), 1, Integer::sum);
        }
      }
    }
    return ran;
  }

  private static List<String> visible(String dom) {
    return SummaryRows.of(dom).stream().filter(r -> !r.hidden()).map(Row::test).toList();
  }

  /** Runs headless Chromium on its own fresh profile, with nothing that reaches out; gives its standard output. */
  private String browser(Path dir, String... args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(dir, "chromium-profile");
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "chromium", ".out");
    Path err = Files.createTempFile(dir, "chromium", ".err");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish within 120 s: " + command);
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue() + ":\n"
          + Files.readString(err, StandardCharsets.UTF_8));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
