package io.github.junitmailassert.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.report.SummaryRows.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** The run report as the extension writes it: real mail, the summary, the JSON, the parts of forks, attachments. */
class RunReportExtensionTest {

  static final String SHOP = "RunReportExtensionTest.ShopFixture";

  /** The summary's rows of the shop fixture's run: the failing nested test first, under its outer class. */
  static final List<String> SHOP_ROWS = List.of(
      "failed ReportFixtures > ShopFixture > Legacy leaky(SmtpEndpoint) mails=1 ENVELOPE_DOMAIN=failed"
          + " LOCAL_NAMES=failed SPF=failed REVERSE_DNS=failed",
      "passed ReportFixtures > ShopFixture clean(SmtpEndpoint) mails=1 ENVELOPE_DOMAIN=passed LOCAL_NAMES=passed"
          + " SPF=passed REVERSE_DNS=passed",
      "passed ReportFixtures > ShopFixture noMail() mails=0 ENVELOPE_DOMAIN= LOCAL_NAMES= SPF= REVERSE_DNS=");

  static Path runShop(Path dir) {
    Path page = dir.resolve("reports/mail.html");
    EngineTestKit.engine("junit-jupiter")
        .configurationParameter(MailReport.HTML_REPORT_PARAMETER, page.toString())
        .selectors(selectClass(ReportFixtures.ShopFixture.class))
        .execute().testEvents().assertStatistics(s -> s.started(3).succeeded(2).failed(1));
    return page;
  }

  @Test
  void should_open_the_page_with_a_summary_of_every_test_and_write_the_json_and_a_part_beside_it(@TempDir Path dir)
      throws IOException {
    Path page = runShop(dir);

    String html = Files.readString(page);
    assertThat(SummaryRows.of(html)).extracting(Row::line).containsExactlyElementsOf(SHOP_ROWS);
    assertThat(SummaryRows.of(html)).extracting(Row::className).containsExactly(
        ReportFixtures.ShopFixture.Legacy.class.getName(), ReportFixtures.ShopFixture.class.getName(),
        ReportFixtures.ShopFixture.class.getName());
    assertThat(SummaryRows.of(html).get(0).links()).containsExactly("#t1-m1");
    assertThat(html).contains("<details id=\"t1-m1\" open><summary>mail #1 from &lt;apache@localhost.localdomain&gt;"
        + " to [user@example.com] &quot;Reset your password &lt;b&gt;now&lt;/b&gt;&quot; &mdash; <span class=\"bad\">"
        + "fails the declared checks: 4 finding(s)</span> <span class=\"info\">(2 more for information)</span></summary>");

    JsonNode json = new ObjectMapper().readTree(page.resolveSibling("mail.json").toFile());
    assertThat(json.get("parts").asInt()).isEqualTo(1);
    assertThat(json.get("tests")).hasSize(3);
    JsonNode leaky = find(json, "leaky(SmtpEndpoint)");
    assertThat(leaky.get("classPath").toString()).isEqualTo("[\"RunReportExtensionTest\",\"ShopFixture\",\"Legacy\"]"
        .replace("RunReportExtensionTest", "ReportFixtures"));
    assertThat(leaky.at("/mails/0/verdict").asText()).isEqualTo("fails");
    assertThat(leaky.at("/mails/0/checks/SPF").asText()).isEqualTo("failed");
    assertThat(leaky.at("/mails/0/checks/DKIM").asText()).isEqualTo("failed");
    assertThat(leaky.at("/mails/0/failures/0/text").asText()).isEqualTo(
        "MAIL FROM <apache@localhost.localdomain>: localhost.localdomain is the name every machine gives itself");
    assertThat(leaky.at("/mails/0/report").asText()).startsWith(
        "mail #1 from <apache@localhost.localdomain> to [user@example.com] \"Reset your password <b>now</b>\"");
    List<String> transcript = new ArrayList<>();
    leaky.at("/mails/0/transcript").forEach(l -> transcript.add(l.get("direction").asText() + " " + l.get("text").asText()));
    assertThat(transcript).startsWith("server 220 " + Receiver.DEFAULT_RECEIVING_HOST
        + " ESMTP junit-mail-assert capture server ready", "client EHLO localhost.localdomain")
        .contains("client MAIL FROM:<apache@localhost.localdomain>", "client RCPT TO:<user@example.com>")
        .endsWith("client .", "server 250 2.0.0 OK: captured");
    assertThat(leaky.at("/mails/0/transcript/1/at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z");
    assertThat(leaky.at("/mails/0/transcript/1/sinceConnectMillis").isIntegralNumber()).isTrue();
    assertThat(html).contains("<details class=\"transcript\"><summary>SMTP transcript ("
        + transcript.size() + " line(s))</summary><pre>")
        .containsPattern("\n *\\+\\d+ ms C: MAIL FROM:&lt;apache@localhost.localdomain&gt;\n");
    try (Stream<Path> parts = Files.list(dir.resolve("reports/mail-parts"))) {
      assertThat(parts.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("part-")))
          .singleElement().satisfies(n -> assertThat(n).matches("part-\\d+-[0-9a-f-]{36}\\.json"));
    }
  }

  @Test
  void should_headline_a_run_whose_mails_pass_the_gate_as_passing(@TempDir Path dir) throws IOException {
    Path page = dir.resolve("mail.html");
    EngineTestKit.engine("junit-jupiter")
        .configurationParameter(MailReport.HTML_REPORT_PARAMETER, page.toString())
        .selectors(selectClass(ReportFixtures.PassingFixture.class))
        .execute().testEvents().assertStatistics(s -> s.started(1).succeeded(1));

    String html = Files.readString(page);
    assertThat(html).contains("<p id=\"headline\">1 test(s), 0 failed, captured 1 mail(s); <span class=\"ok\">every"
            + " mail passes the checks its test declared</span>.")
        .contains("<p class=\"info\">Declared checks: ENVELOPE_DOMAIN, LOCAL_NAMES, SPF, REVERSE_DNS.</p>")
        .contains("<span class=\"ok\">passes the declared checks</span>")
        .doesNotContain("class=\"bad\"");
  }

  /** Where JUnit puts a test's published files: one directory per test, as the launcher's default does. */
  static OutputDirectoryCreator outputsIn(Path root) {
    return new OutputDirectoryCreator() {
      @Override
      public Path getRootDirectory() {
        return root;
      }

      @Override
      public Path createOutputDirectory(TestDescriptor descriptor) throws IOException {
        return Files.createDirectories(root.resolve(Integer.toHexString(descriptor.getUniqueId().toString().hashCode())));
      }
    };
  }

  private static JsonNode find(JsonNode report, String test) {
    for (JsonNode t : report.get("tests")) {
      if (t.get("test").asText().equals(test)) {
        return t;
      }
    }
    throw new AssertionError("no test " + test + " in " + report);
  }

  @Test
  void should_attach_each_mail_as_eml_and_the_test_report_with_junit_file_publishing(@TempDir Path dir)
      throws IOException {
    List<Event> published = EngineTestKit.engine("junit-jupiter")
        .configurationParameter(MailReport.ATTACHMENTS_PARAMETER, "true")
        .outputDirectoryCreator(outputsIn(dir))
        .selectors(selectClass(ReportFixtures.NewsletterFixture.class))
        .execute().allEvents().fileEntryPublished().list();

    List<String> names = new ArrayList<>();
    for (Event e : published) {
      FileEntry file = e.getPayload(FileEntry.class).orElseThrow();
      names.add(e.getTestDescriptor().getDisplayName() + ": " + file.getPath().getFileName() + " "
          + file.getMediaType().orElse(""));
    }
    assertThat(names).containsExactly("twoMails(SmtpEndpoint): mail-1.eml message/rfc822",
        "twoMails(SmtpEndpoint): mail-2.eml message/rfc822",
        "twoMails(SmtpEndpoint): mail-report.txt text/plain; charset=UTF-8");
    FileEntry first = published.get(0).getPayload(FileEntry.class).orElseThrow();
    String eml = Files.readString(first.getPath(), StandardCharsets.UTF_8);
    assertThat(eml).contains("\r\nSubject: News 1\r\n").contains("\r\nTo: a@example.com\r\n").endsWith("Hello\r\n");
    String report = Files.readString(published.get(2).getPayload(FileEntry.class).orElseThrow().getPath());
    assertThat(report.lines().filter(l -> l.startsWith("mail #"))).containsExactly(
        "mail #1 from <news@sample.co.jp> to [a@example.com] \"News 1\"",
        "mail #2 from <news@sample.co.jp> to [b@example.com] \"News 2\"");
    assertThat(report).contains("  verdict      no checks declared by the test (verifyEachTest is off): what follows"
        + " is information");
    assertThat(report.lines().filter(l -> l.equals("  SMTP transcript"))).hasSize(2);
    assertThat(report).containsPattern("\n  SMTP transcript\n    +\\+\\d+ ms S: 220 ")
        .containsPattern("\n    +\\+\\d+ ms C: RCPT TO:<b@example.com>\n")
        .containsPattern(" ms S: 250 2.0.0 OK: captured\n$");
  }

  @Test
  void should_publish_nothing_without_the_switch(@TempDir Path dir) {
    EngineTestKit.engine("junit-jupiter")
        .outputDirectoryCreator(outputsIn(dir))
        .selectors(selectClass(ReportFixtures.NewsletterFixture.class))
        .execute().allEvents().fileEntryPublished().assertThatEvents().isEmpty();
  }

  @Test
  void should_never_fail_a_passing_test_when_the_report_cannot_be_written(@TempDir Path dir) throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    EngineTestKit.engine("junit-jupiter")
        .configurationParameter(MailReport.HTML_REPORT_PARAMETER, notADirectory.resolve("mail.html").toString())
        .configurationParameter(MailReport.ATTACHMENTS_PARAMETER, "true")
        .outputDirectoryCreator(outputsIn(notADirectory.resolve("out")))
        .selectors(selectClass(ReportFixtures.NewsletterFixture.class))
        .execute().testEvents().assertStatistics(s -> s.started(1).succeeded(1));
  }

  // ------------------------------------------------------------------ forks and shards

  @Test
  void should_merge_the_parts_of_two_jvms_into_one_report_and_say_where_it_is(@TempDir Path dir) throws Exception {
    Path page = dir.resolve("mail.html");
    // Two JVMs at once, as two surefire forks: each writes its part, then merges every part under the lock.
    Process shop = fork(ForkRun.class, dir.resolve("shop.out"), ReportFixtures.ShopFixture.class.getName(),
        page.toString());
    Process news = fork(ForkRun.class, dir.resolve("news.out"), ReportFixtures.NewsletterFixture.class.getName(),
        page.toString());
    assertThat(exit(shop)).isZero();
    assertThat(exit(news)).isZero();

    String html = Files.readString(page);
    List<String> rows = new ArrayList<>(SHOP_ROWS);
    rows.add(1, "passed ReportFixtures > NewsletterFixture twoMails(SmtpEndpoint) mails=2");
    assertThat(SummaryRows.of(html)).extracting(Row::line).containsExactlyElementsOf(rows);
    assertThat(html).contains("Merged from 2 part(s)");
    // The console: one line at the end of each JVM's run; the JVM that finished last names every test.
    List<String> last = new ArrayList<>();
    for (String out : List.of("shop.out", "news.out")) {
      List<String> lines = Files.readAllLines(dir.resolve(out));
      last.add(lines.get(lines.size() - 1));
    }
    String where = " written to " + page + " and " + dir.resolve("mail.json");
    assertThat(last).containsAnyOf("junit-mail-assert: mail report of 4 test(s) from 2 part(s)" + where)
        .allSatisfy(line -> assertThat(line).matches("junit-mail-assert: mail report of [134] test\\(s\\) from [12]"
            + " part\\(s\\)" + java.util.regex.Pattern.quote(where)));
  }

  @Test
  void should_merge_the_parts_of_several_machines_with_the_command_and_only_the_library_on_the_class_path(
      @TempDir Path dir) throws Exception {
    Path shardOne = dir.resolve("shard-1");
    Path shardTwo = dir.resolve("shard-2");
    runShop(shardOne);
    EngineTestKit.engine("junit-jupiter")
        .configurationParameter(MailReport.HTML_REPORT_PARAMETER, shardTwo.resolve("reports/mail.html").toString())
        .selectors(selectClass(ReportFixtures.NewsletterFixture.class)).execute();
    // The CI job copies every machine's parts into one directory.
    Path all = Files.createDirectories(dir.resolve("all-parts"));
    for (Path shard : List.of(shardOne, shardTwo)) {
      try (Stream<Path> parts = Files.list(shard.resolve("reports/mail-parts"))) {
        for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
          Files.copy(part, all.resolve(part.getFileName()));
        }
      }
    }
    Path merged = dir.resolve("merged/report.html");
    Path library = Path.of(MergeReports.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Process command = new ProcessBuilder(java(), "-cp", library.toString(), MergeReports.class.getName(),
        merged.toString(), all.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("merge.out").toFile())
        .start();

    assertThat(exit(command)).isZero();
    assertThat(Files.readAllLines(dir.resolve("merge.out"))).containsExactly("junit-mail-assert: mail report of 4"
        + " test(s) from 2 part(s) written to " + merged + " and " + dir.resolve("merged/report.json"));
    List<String> rows = new ArrayList<>(SHOP_ROWS);
    rows.add(1, "passed ReportFixtures > NewsletterFixture twoMails(SmtpEndpoint) mails=2");
    assertThat(SummaryRows.of(Files.readString(merged))).extracting(Row::line).containsExactlyElementsOf(rows);
    assertThat(RunReport.fromJson(Files.readString(dir.resolve("merged/report.json"))).tests()).hasSize(4);
  }

  @Test
  void should_say_how_the_command_is_used_and_what_it_could_not_read(@TempDir Path dir) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream o = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
    java.io.PrintStream e = new java.io.PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(MergeReports.run(new String[] {"x.html"}, o, e)).isEqualTo(2);
    assertThat(MergeReports.run(new String[] {"x.html", dir.toString()}, o, e)).isEqualTo(2);
    Files.writeString(dir.resolve("part-broken.json"), "{\"format\": ");
    Files.writeString(dir.resolve("part-good.json"), RunReportTest.sample().toJson());
    assertThat(MergeReports.run(new String[] {dir.resolve("r.html").toString(), dir.toString()}, o, e)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "usage: java -cp junit-mail-assert.jar io.github.junitmailassert.report.MergeReports <report.html>"
            + " <parts-dir>...   (merges every part-*.json of the directories)",
        "junit-mail-assert: no part-*.json in " + dir,
        "junit-mail-assert: part skipped, " + dir.resolve("part-broken.json")
            + ": not JSON at offset 11: the text ends where a value should be");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("junit-mail-assert: mail report of 3 test(s) from 1"
        + " part(s) written to " + dir.resolve("r.html") + " and " + dir.resolve("r.json") + System.lineSeparator());
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Process fork(Class<?> main, Path output, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
        main.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
  }

  private static int exit(Process process) throws InterruptedException {
    if (!process.waitFor(Duration.ofSeconds(120).toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the JVM did not finish within 120 s");
    }
    return process.exitValue();
  }
}
