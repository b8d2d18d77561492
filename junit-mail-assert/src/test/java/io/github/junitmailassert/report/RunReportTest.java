package io.github.junitmailassert.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.junitmailassert.report.RunReport.FindingEntry;
import io.github.junitmailassert.report.RunReport.MailEntry;
import io.github.junitmailassert.report.RunReport.TestEntry;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run report's JSON and HTML, exactly; the JSON read back by a parser that is not ours. */
class RunReportTest {

  static final Instant WRITTEN = Instant.parse("2026-12-02T00:00:00Z");
  static final String HOSTILE_SUMMARY = "mail #2 from <apache@localhost.localdomain> to [user@example.com]"
      + " \"<script>alert('x')</script>\u001b[2J\"";

  static Map<String, String> checks(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String c : List.of("ENVELOPE_DOMAIN", "LOCAL_NAMES", "SPF", "REVERSE_DNS", "DKIM", "DMARC", "FORMAT",
        "BLOCK_LISTS")) {
      m.put(c, "passed");
    }
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  /** A passing test, a failing nested one whose mail is hostile, and one that captured no mail. */
  static RunReport sample() {
    FindingEntry info = new FindingEntry("DKIM", "ERROR", "the mail is not signed", "sign it", "RFC 6376");
    FindingEntry bad = new FindingEntry("ENVELOPE_DOMAIN", "ERROR",
        "MAIL FROM <apache@localhost.localdomain>: not in sample.co.jp", "set mail.smtp.from", "RFC 5321");
    TestEntry clean = new TestEntry("[engine:junit-jupiter]/[class:shop.SignupTest]/[method:clean()]",
        "shop.SignupTest", List.of("SignupTest"), "clean()", "passed", List.of("SPF"),
        List.of(new MailEntry("mail #1 from <no-reply@sample.co.jp> to [user@example.com] \"Welcome\"", "passes",
            checks("DKIM", "failed"), List.of(), List.of(info), "mail #1 from <no-reply@sample.co.jp>\n  verdict      passes")));
    TestEntry leaky = new TestEntry(
        "[engine:junit-jupiter]/[class:shop.SignupTest]/[nested-class:Legacy]/[method:leaky()]",
        "shop.SignupTest$Legacy", List.of("SignupTest", "Legacy"), "leaky()", "failed",
        List.of("ENVELOPE_DOMAIN", "SPF"),
        List.of(new MailEntry(HOSTILE_SUMMARY, "fails", checks("ENVELOPE_DOMAIN", "failed", "SPF", "not checked", "DKIM",
            "failed"), List.of(bad), List.of(info), "mail #2\r\n  \u202everdict & more")));
    TestEntry none = new TestEntry("[engine:junit-jupiter]/[class:shop.AboutTest]/[method:noMail()]", "shop.AboutTest",
        List.of("AboutTest"), "noMail()", "passed", List.of(), List.of());
    return new RunReport(WRITTEN, 1, List.of(clean, leaky, none));
  }

  @Test
  void should_write_the_json_of_every_test_and_mail_with_safe_strings() {
    assertThat(sample().toJson()).isEqualTo(String.join("\n",
        "{",
        "  \"format\": \"junit-mail-assert-run-report\",",
        "  \"version\": 1,",
        "  \"written\": \"2026-12-02T00:00:00Z\",",
        "  \"parts\": 1,",
        "  \"tests\": [",
        "    {",
        "      \"id\": \"[engine:junit-jupiter]/[class:shop.SignupTest]/[method:clean()]\",",
        "      \"className\": \"shop.SignupTest\",",
        "      \"classPath\": [\"SignupTest\"],",
        "      \"test\": \"clean()\",",
        "      \"outcome\": \"passed\",",
        "      \"declaredChecks\": [\"SPF\"],",
        "      \"mails\": [",
        "        {",
        "          \"summary\": \"mail #1 from <no-reply@sample.co.jp> to [user@example.com] \\\"Welcome\\\"\",",
        "          \"verdict\": \"passes\",",
        "          \"checks\": {",
        "            \"ENVELOPE_DOMAIN\": \"passed\",",
        "            \"LOCAL_NAMES\": \"passed\",",
        "            \"SPF\": \"passed\",",
        "            \"REVERSE_DNS\": \"passed\",",
        "            \"DKIM\": \"failed\",",
        "            \"DMARC\": \"passed\",",
        "            \"FORMAT\": \"passed\",",
        "            \"BLOCK_LISTS\": \"passed\"",
        "          },",
        "          \"failures\": [],",
        "          \"information\": [",
        "            {",
        "              \"check\": \"DKIM\",",
        "              \"severity\": \"ERROR\",",
        "              \"text\": \"the mail is not signed\",",
        "              \"fix\": \"sign it\",",
        "              \"source\": \"RFC 6376\"",
        "            }",
        "          ],",
        "          \"report\": \"mail #1 from <no-reply@sample.co.jp>\\n  verdict      passes\"",
        "        }",
        "      ]",
        "    },",
        "    {",
        "      \"id\": \"[engine:junit-jupiter]/[class:shop.SignupTest]/[nested-class:Legacy]/[method:leaky()]\",",
        "      \"className\": \"shop.SignupTest$Legacy\",",
        "      \"classPath\": [\"SignupTest\", \"Legacy\"],",
        "      \"test\": \"leaky()\",",
        "      \"outcome\": \"failed\",",
        "      \"declaredChecks\": [\"ENVELOPE_DOMAIN\", \"SPF\"],",
        "      \"mails\": [",
        "        {",
        "          \"summary\": \"mail #2 from <apache@localhost.localdomain> to [user@example.com]"
            + " \\\"<script>alert('x')</script>\\u001b[2J\\\"\",",
        "          \"verdict\": \"fails\",",
        "          \"checks\": {",
        "            \"ENVELOPE_DOMAIN\": \"failed\",",
        "            \"LOCAL_NAMES\": \"passed\",",
        "            \"SPF\": \"not checked\",",
        "            \"REVERSE_DNS\": \"passed\",",
        "            \"DKIM\": \"failed\",",
        "            \"DMARC\": \"passed\",",
        "            \"FORMAT\": \"passed\",",
        "            \"BLOCK_LISTS\": \"passed\"",
        "          },",
        "          \"failures\": [",
        "            {",
        "              \"check\": \"ENVELOPE_DOMAIN\",",
        "              \"severity\": \"ERROR\",",
        "              \"text\": \"MAIL FROM <apache@localhost.localdomain>: not in sample.co.jp\",",
        "              \"fix\": \"set mail.smtp.from\",",
        "              \"source\": \"RFC 5321\"",
        "            }",
        "          ],",
        "          \"information\": [",
        "            {",
        "              \"check\": \"DKIM\",",
        "              \"severity\": \"ERROR\",",
        "              \"text\": \"the mail is not signed\",",
        "              \"fix\": \"sign it\",",
        "              \"source\": \"RFC 6376\"",
        "            }",
        "          ],",
        "          \"report\": \"mail #2\\r\\n  \\u202everdict & more\"",
        "        }",
        "      ]",
        "    },",
        "    {",
        "      \"id\": \"[engine:junit-jupiter]/[class:shop.AboutTest]/[method:noMail()]\",",
        "      \"className\": \"shop.AboutTest\",",
        "      \"classPath\": [\"AboutTest\"],",
        "      \"test\": \"noMail()\",",
        "      \"outcome\": \"passed\",",
        "      \"declaredChecks\": [],",
        "      \"mails\": []",
        "    }",
        "  ]",
        "}",
        ""));
  }

  @Test
  void should_be_read_back_the_same_by_jackson_and_by_the_merge() throws Exception {
    RunReport report = sample();
    JsonNode json = new ObjectMapper().readTree(report.toJson());
    assertThat(json.at("/tests/1/mails/0/summary").asText()).isEqualTo(HOSTILE_SUMMARY);
    assertThat(json.at("/tests/1/mails/0/report").asText()).isEqualTo("mail #2\r\n  \u202everdict & more");
    assertThat(json.at("/tests/1/classPath/0").asText()).isEqualTo("SignupTest");
    assertThat(RunReport.fromJson(report.toJson())).isEqualTo(report);
  }

  @Test
  void should_write_only_what_the_schema_requires_and_allows() throws Exception {
    JsonNode schema;
    try (InputStream in = RunReport.class.getResourceAsStream(RunReport.SCHEMA_RESOURCE)) {
      schema = new ObjectMapper().readTree(in);
    }
    JsonNode report = new ObjectMapper().readTree(sample().toJson());
    List<String> wrong = new ArrayList<>();
    conforms(report, schema, schema, "$", wrong);
    assertThat(wrong).isEmpty();
  }

  /** The parts of JSON Schema that the run report's schema uses: type, required, properties, enum, const, $ref. */
  private static void conforms(JsonNode value, JsonNode schema, JsonNode root, String at, List<String> wrong) {
    if (schema.has("$ref")) {
      conforms(value, root.at(schema.get("$ref").asText().substring(1)), root, at, wrong);
      return;
    }
    if (schema.has("const") && !schema.get("const").equals(value)) {
      wrong.add(at + " is not " + schema.get("const"));
    }
    if (schema.has("enum") && !schema.get("enum").toString().contains(value.toString())) {
      wrong.add(at + " = " + value + " is none of " + schema.get("enum"));
    }
    String type = schema.path("type").asText("");
    if (type.equals("object")) {
      schema.path("required").forEach(r -> {
        if (!value.has(r.asText())) {
          wrong.add(at + " has no " + r.asText());
        }
      });
      for (Iterator<String> names = value.fieldNames(); names.hasNext();) {
        String name = names.next();
        JsonNode property = schema.path("properties").get(name);
        if (property == null && schema.has("additionalProperties") && schema.get("additionalProperties").isObject()) {
          property = schema.get("additionalProperties");
        }
        if (property == null) {
          wrong.add(at + "." + name + " is not in the schema");
        } else {
          conforms(value.get(name), property, root, at + "." + name, wrong);
        }
      }
    } else if (type.equals("array")) {
      for (int i = 0; i < value.size(); i++) {
        conforms(value.get(i), schema.path("items"), root, at + "[" + i + "]", wrong);
      }
    } else if (type.equals("string") && !value.isTextual() || type.equals("integer") && !value.isIntegralNumber()) {
      wrong.add(at + " is not a " + type);
    }
  }

  @Test
  void should_open_with_a_summary_row_per_test_failing_first_nested_under_the_outer_name_and_escaped() {
    String html = sample().toHtml();
    String dash = "<td data-check=\"%s\" data-status=\"not declared\" class=\"not-declared\">&ndash;</td>";
    assertThat(html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"))).isEqualTo(String.join("\n",
        "<tbody>",
        "<tr class=\"failed\" data-outcome=\"failed\"><td class=\"class\" title=\"shop.SignupTest$Legacy\">SignupTest"
            + " &gt; Legacy</td><td class=\"test\">leaky()</td><td class=\"outcome bad\">failed</td>"
            + "<td class=\"mails\">1</td>"
            + "<td data-check=\"ENVELOPE_DOMAIN\" data-status=\"failed\" class=\"failed\">failed</td>"
            + String.format(dash, "LOCAL_NAMES")
            + "<td data-check=\"SPF\" data-status=\"not checked\" class=\"not-checked\">not checked</td>"
            + String.format(dash, "REVERSE_DNS") + String.format(dash, "DKIM") + String.format(dash, "DMARC")
            + String.format(dash, "FORMAT") + String.format(dash, "BLOCK_LISTS") + String.format(dash, "SPAM_SCORE")
            + "<td class=\"links\"><a href=\"#t1-m1\" title=\"mail #2 from &lt;apache@localhost.localdomain&gt; to"
            + " [user@example.com] &quot;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;?[2J&quot;\">mail 1</a></td>"
            + "</tr>",
        "<tr class=\"passed\" data-outcome=\"passed\"><td class=\"class\" title=\"shop.AboutTest\">AboutTest</td>"
            + "<td class=\"test\">noMail()</td><td class=\"outcome ok\">passed</td><td class=\"mails\">0</td>"
            + String.format(dash, "ENVELOPE_DOMAIN") + String.format(dash, "LOCAL_NAMES") + String.format(dash, "SPF")
            + String.format(dash, "REVERSE_DNS") + String.format(dash, "DKIM") + String.format(dash, "DMARC")
            + String.format(dash, "FORMAT") + String.format(dash, "BLOCK_LISTS") + String.format(dash, "SPAM_SCORE")
            + "<td class=\"links\"></td></tr>",
        "<tr class=\"passed\" data-outcome=\"passed\"><td class=\"class\" title=\"shop.SignupTest\">SignupTest</td>"
            + "<td class=\"test\">clean()</td><td class=\"outcome ok\">passed</td><td class=\"mails\">1</td>"
            + String.format(dash, "ENVELOPE_DOMAIN") + String.format(dash, "LOCAL_NAMES")
            + "<td data-check=\"SPF\" data-status=\"passed\" class=\"passed\">passed</td>"
            + String.format(dash, "REVERSE_DNS") + String.format(dash, "DKIM") + String.format(dash, "DMARC")
            + String.format(dash, "FORMAT") + String.format(dash, "BLOCK_LISTS") + String.format(dash, "SPAM_SCORE")
            + "<td class=\"links\"><a href=\"#t3-m1\" title=\"mail #1 from &lt;no-reply@sample.co.jp&gt; to"
            + " [user@example.com] &quot;Welcome&quot;\">mail 1</a></td></tr>",
        ""));
    assertThat(html).contains("<p id=\"headline\">3 test(s), 1 failed, captured 2 mail(s); <span class=\"bad\">1"
        + " mail(s) fail the checks their test declared</span>. Merged from 1 part(s), written 2026-12-02T00:00:00Z.</p>");
  }

  @Test
  void should_show_each_mail_in_details_that_the_summary_links_to() {
    String html = sample().toHtml();
    assertThat(html.substring(html.indexOf("<h3 id=\"t1\">"), html.indexOf("<h3 id=\"t2\">"))).isEqualTo(String.join("\n",
        "<h3 id=\"t1\">SignupTest &gt; Legacy &gt; leaky() <span class=\"bad\">(test failed)</span></h3>",
        "<p class=\"info\">Declared checks: ENVELOPE_DOMAIN, SPF.</p>",
        "<details id=\"t1-m1\" open><summary>mail #2 from &lt;apache@localhost.localdomain&gt; to [user@example.com]"
            + " &quot;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;?[2J&quot; &mdash; <span class=\"bad\">fails the"
            + " declared checks: 1 finding(s)</span> <span class=\"info\">(1 more for information)</span></summary>",
        "<p class=\"bad\">Fails the declared checks:</p>",
        "<ul>",
        "<li>MAIL FROM &lt;apache@localhost.localdomain&gt;: not in sample.co.jp<br><span class=\"fix\">Fix: set"
            + " mail.smtp.from</span></li>",
        "</ul>",
        "<p class=\"info\">Also found (information):</p>",
        "<ul>",
        "<li>the mail is not signed<br><span class=\"fix\">Fix: sign it</span></li>",
        "</ul>",
        "<pre>mail #2\n  ?verdict &amp; more</pre></details>",
        ""));
    assertThat(html).contains("<h3 id=\"t2\">AboutTest &gt; noMail()</h3>\n<p class=\"info\">No checks declared."
        + " No mail captured.</p>\n");
  }

  @Test
  void should_stay_one_file_without_outside_resources_or_control_characters() {
    String html = sample().toHtml();
    assertThat(html).doesNotContain("<script>alert").doesNotContain("src=").doesNotContain("<link")
        .doesNotContain("@import").doesNotContain("url(").doesNotContain("http:").doesNotContain("https:");
    assertThat(html.chars().filter(c -> c < 0x20 && c != '\n' || c == 0x7f || c == 0x202e)).isEmpty();
    assertThat(html).containsOnlyOnce("<script>").endsWith("</script>\n</body></html>\n");
  }

  @Test
  void should_merge_parts_keeping_every_test_and_the_newest_entry_of_a_rerun() {
    RunReport first = sample();
    TestEntry rerun = new TestEntry(first.tests().get(1).id(), "shop.SignupTest$Legacy", List.of("SignupTest", "Legacy"),
        "leaky()", "passed", List.of(), List.of());
    TestEntry other = new TestEntry("[engine:junit-jupiter]/[class:shop.ShardTwoTest]/[method:a()]",
        "shop.ShardTwoTest", List.of("ShardTwoTest"), "a()", "passed", List.of(), List.of());
    RunReport second = new RunReport(WRITTEN.plusSeconds(5), 1, List.of(rerun, other));

    RunReport merged = RunReport.merge(List.of(second, first), WRITTEN.plusSeconds(9));

    assertThat(merged.parts()).isEqualTo(2);
    assertThat(merged.written()).isEqualTo(WRITTEN.plusSeconds(9));
    assertThat(merged.tests()).extracting(TestEntry::test, TestEntry::outcome).containsExactly(
        org.assertj.core.groups.Tuple.tuple("clean()", "passed"), org.assertj.core.groups.Tuple.tuple("noMail()", "passed"),
        org.assertj.core.groups.Tuple.tuple("leaky()", "passed"), org.assertj.core.groups.Tuple.tuple("a()", "passed"));
  }

  @Test
  void should_quote_every_control_character_lone_surrogate_and_line_separator() throws Exception {
    String hostile = "a\"b\\c\n\r\t\b\f\u0000\u001f\u007f\u0085\u2028\u2029\ud800x\udc00\ud83d\ude00\u202e\u2066/";
    String quoted = Json.quote(hostile);
    assertThat(quoted).isEqualTo("\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0000\\u001f\\u007f\\u0085\\u2028\\u2029\\ud800x"
        + "\\udc00\ud83d\ude00\\u202e\\u2066/\"");
    assertThat(new ObjectMapper().readValue(quoted, String.class)).isEqualTo(hostile);
    assertThat(Json.parse(quoted)).isEqualTo(hostile);
  }

  @Test
  void should_refuse_what_is_not_a_run_report_with_where() {
    assertThatIllegalArgumentException().isThrownBy(() -> RunReport.fromJson("{\"format\": \"junit-mail-assert-run-report\","
        + " \"version\": 1, \"written\": \"2026-12-02T00:00:00Z\", \"parts\": 1, \"tests\": [{\"id\": 3, \"mails\": []}]}"))
        .withMessage("tests[0].id is not a string");
    assertThatIllegalArgumentException().isThrownBy(() -> RunReport.fromJson("{\"format\": \"x\"}"))
        .withMessage("not a junit-mail-assert run report: its \"format\" is not \"junit-mail-assert-run-report\"");
    assertThatIllegalArgumentException().isThrownBy(() -> RunReport.fromJson(
        "{\"format\": \"junit-mail-assert-run-report\", \"version\": 2}"))
        .withMessage("a run report of version 2: this library reads version 1");
    assertThatIllegalArgumentException().isThrownBy(() -> RunReport.fromJson("{\"tests\": [1, 2"))
        .withMessage("not JSON at offset 15: ']' expected");
    assertThatIllegalArgumentException().isThrownBy(() -> Json.parse("[".repeat(100)))
        .withMessage("not JSON at offset 65: nested deeper than 64");
    assertThatIllegalArgumentException().isThrownBy(() -> Json.parse("\"a\u0001\""))
        .withMessage("not JSON at offset 3: a control character inside a string");
  }
}
