package io.github.junitmailassert.dmarc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.junitmailassert.authresults.AuthenticationResults;
import io.github.junitmailassert.authresults.MethodResult;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.testing.Conformance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * The authheaders (ValiMail) DMARC and Authentication-Results cases, {@code dmarc/authheaders}.
 *
 * <p>This library does not verify DKIM or SPF for DMARC: as the set's own "prev" cases do, the DKIM
 * and SPF results a case needs are taken from its expected Authentication-Results (the per-method
 * results), and DMARC is evaluated from them with a zone built from {@code dns.json}, under RFC 9989.
 * The DMARC result and the {@code header.from} and {@code policy.dmarc} properties are compared;
 * the comment wording ("Used Org Domain Record") is authheaders' own and is not compared. Cases
 * without DMARC check that our Authentication-Results builder writes the expected field exactly.
 */
class AuthheadersConformanceTest {

  private static final String SET = "dmarc/authheaders";

  /** test_get_domain_part has no data file in the set; its four inputs are those of upstream's test (commit 9c62915). */
  private static final List<List<String>> GET_DOMAIN_PART = List.of(
      List.of("test@example.com", "example.com"),
      List.of("\"Test, User\" <test@example.com>", "example.com"),
      List.of("Test User <test@sub2.example.biz>", "sub2.example.biz"),
      List.of("=?UTF-8?B?QmVkIEJhdGggJiBCZXlvbmQ=?=<BdBth&Byond@example.com>", "example.com"));

  private record Row(String name, String messageFile, String args, String expected) {}

  @TestFactory
  List<DynamicTest> authheaders() throws IOException {
    Path folder = Conformance.resolve(SET);
    Map<String, Object> dns = new Yaml().load(Files.readString(folder.resolve("dns.json"), StandardCharsets.UTF_8));
    List<DynamicTest> tests = new ArrayList<>();
    for (Row row : rows(folder.resolve("expected.tsv"))) {
      if (row.name().equals("test_get_domain_part")) {
        tests.add(dynamicTest(row.name() + " (From domain extraction, inputs from upstream's test)", () -> {
          for (List<String> c : GET_DOMAIN_PART) {
            assertThat(AuthorDomain.fromFieldValue(c.get(0)).domain()).as(c.get(0)).contains(c.get(1));
          }
        }));
      } else if (row.name().equals("test_arc_sign")) {
        tests.add(dynamicTest(row.name() + " [out of scope: ARC signing, a sender operation]", () ->
            Assumptions.abort("ARC signing (RFC 8617) is done by a sender or forwarder; this library checks mail as"
                + " a receiver and has no ARC signer")));
      } else if (row.expected().contains("dmarc=")) {
        boolean adjusted = row.name().equals("test_authenticate_dmarc_bad");
        String display = row.name() + " (" + row.messageFile() + ")"
            + (adjusted ? " [RFC 9989 section 4.8: syntax errors in a record are ignored; source expects permerror]" : "");
        tests.add(dynamicTest(display, () -> dmarcCase(folder, dns, row, adjusted)));
      } else {
        tests.add(dynamicTest(row.name() + " (Authentication-Results as written)", () -> writtenCase(row)));
      }
    }
    assertThat(tests).hasSize(17);
    return tests;
  }

  private static void dmarcCase(Path folder, Map<String, Object> dns, Row row, boolean adjusted) throws IOException {
    // GIVEN the message's From, the DKIM/SPF results the set expects, and the set's DNS
    AuthenticationResults expected = AuthenticationResults.parse(row.expected()).orElseThrow();
    AuthorDomain author = AuthorDomain.fromMessage(Files.readAllBytes(folder.resolve(row.messageFile())));
    DmarcInput.Builder input = DmarcInput.builder(author);
    for (MethodResult spf : expected.resultsOf("spf")) {
      input.spf(spf.property("smtp.mailfrom").orElse(""), spf.result().equals("pass"));
    }
    for (MethodResult dkim : expected.resultsOf("dkim")) {
      input.dkim(dkim.property("header.d").orElse(""), dkim.property("header.s").orElse(""), dkim.result().equals("pass"));
    }
    // WHEN
    DmarcResult result = DmarcVerifier.builder(zone(dns).resolver()).build().evaluate(input.build());
    AuthenticationResults ours = AuthenticationResults.builder(expected.authservId())
        .add(String.join("; ", expected.results().stream().filter(r -> !r.isMethod("dmarc")).map(MethodResult::toString)
            .toList()))
        .add(result.authenticationResultsPart())
        .build();
    // THEN
    MethodResult want = expected.resultsOf("dmarc").get(0);
    MethodResult got = ours.resultsOf("dmarc").get(0);
    assertThat(ours.results()).hasSameSizeAs(expected.results());
    assertThat(ours.results().subList(0, ours.results().size() - 1))
        .isEqualTo(expected.results().subList(0, expected.results().size() - 1));
    if (adjusted) {
      // "v=DMARC1; p=none; reject": the stray "reject" is a syntax error, which RFC 9989 section 4.8 says to
      // ignore, so the record is p=none and, with nothing authenticated, DMARC fails under that policy.
      assertThat(got.result()).isEqualTo("fail");
      assertThat(result.notes()).contains("_dmarc.bad.example.com: \"reject\" is not a tag=value pair and was ignored");
    } else {
      assertThat(got.result()).as(result.reason()).isEqualTo(want.result());
    }
    Optional<String> from = want.property("header.from");
    if (from.isPresent()) {
      // authheaders writes the word "none" where there is no From domain; we leave the property out.
      assertThat(got.property("header.from")).isEqualTo(from.get().equals("none") ? Optional.empty() : from);
    }
    want.property("policy.dmarc").ifPresent(p -> assertThat(result.policy().keyword()).isEqualTo(p));
  }

  private static void writtenCase(Row row) {
    // GIVEN each method's result from the set (DKIM, SPF and ARC are not verified here)
    AuthenticationResults expected = AuthenticationResults.parse(row.expected()).orElseThrow();
    AuthenticationResults.Builder builder = AuthenticationResults.builder(expected.authservId());
    expected.results().forEach(r -> builder.add(r.toString()));
    // WHEN
    AuthenticationResults written = builder.build();
    // THEN
    assertThat(written).hasToString(row.expected());
  }

  /** One zone per case from dns.json: "" or a host name marks a name that exists, null one that does not. */
  private static DnsZone zone(Map<String, Object> dns) {
    DnsZone zone = DnsZone.create();
    dns.forEach((key, value) -> {
      String name = key.endsWith(".") ? key.substring(0, key.length() - 1) : key;
      if (value == null || (value.equals("") && name.startsWith("_dmarc."))) {
        return; // no record there (whether NXDOMAIN or NODATA does not matter to a _dmarc query)
      }
      String text = value.toString();
      if (text.isEmpty() || !text.contains("=")) {
        zone.a(name, "192.0.2.1"); // the set only says the name exists; an A record makes it so
      } else {
        zone.txt(name, text.strip());
      }
    });
    return zone;
  }

  private static List<Row> rows(Path tsv) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      rows.add(new Row(f[0], f[1], f[2], f[3]));
    }
    return rows;
  }
}
