package io.github.junitmailassert.dmarc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.internal.dmarc.PublicSuffixList;
import io.github.junitmailassert.testing.Conformance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Mail::DMARC cases, {@code dmarc/mail-dmarc-derived}: transcribed from its last RFC 7489
 * version, so the DMARC cases run in {@link DmarcMode#RFC7489_PSL}, as the conformance policy says
 * for cases that belong to the other mode (the display name says so). The set has no DNS data; where
 * a case needs a policy to apply, its zone publishes {@code v=DMARC1; p=reject} for the organizational
 * domain of the From domain, which alignment does not depend on. SPF and DKIM results are the case's
 * inputs, not verified here.
 */
class MailDmarcConformanceTest {

  private static final String MODE = "[RFC 7489 + PSL mode] ";
  private static final Pattern HEADER_FROM = Pattern.compile("header_from=([^;]+)");
  private static final Pattern SPF = Pattern.compile("spf mfrom domain=(\\S+) pass");
  private static final Pattern DKIM = Pattern.compile("d=(\\S+?),? (pass|fail)");

  private record Row(String kind, String input, String expected, String note) {
    String name() {
      return kind + ": " + input + " -> " + expected;
    }
  }

  @TestFactory
  List<DynamicTest> mailDmarc() throws IOException {
    Path cases = Conformance.resolve("dmarc/mail-dmarc-derived/cases.tsv");
    List<DynamicTest> tests = new ArrayList<>();
    String lastDkimSignatures = "";
    for (Row row : rows(cases)) {
      switch (row.kind()) {
        case "org_domain" -> tests.add(dynamicTest(MODE + row.name(), () ->
            assertThat(PublicSuffixList.organizationalDomain(row.input())).contains(row.expected())));
        case "spf_align", "dkim_align" -> {
          String signatures = row.input().contains("same signatures") ? lastDkimSignatures : row.input();
          if (row.kind().equals("dkim_align") && !row.input().contains("same signatures")) {
            lastDkimSignatures = row.input();
          }
          tests.add(dynamicTest(MODE + row.name(), () -> alignment(row, signatures)));
        }
        case "dmarc_pass" -> tests.add(dynamicTest(MODE + row.name(), () -> dmarcPass(row)));
        case "dmarc_record_lookup" -> tests.add(dynamicTest(MODE + row.name(), MailDmarcConformanceTest::tldNotLookedUp));
        case "from_domain" -> {
          boolean several = row.input().contains(",");
          String display = row.name() + (several
              ? " [RFC 9989 section 11.5: every From domain is evaluated; Mail::DMARC takes the last]" : "");
          tests.add(dynamicTest(display, () -> fromDomain(row, several)));
        }
        default -> throw new IllegalStateException("a kind of case this test does not know: " + row.kind());
      }
    }
    assertThat(tests).hasSize(24);
    return tests;
  }

  private static void alignment(Row row, String signatures) {
    // GIVEN
    String from = match(HEADER_FROM, row.input()).trim();
    DmarcInput.Builder input = DmarcInput.builder(from);
    Matcher spf = SPF.matcher(row.input());
    if (spf.find()) {
      input.spf(spf.group(1), true);
    }
    if (row.kind().equals("dkim_align") && !signatures.contains("no signatures")) {
      Matcher dkim = DKIM.matcher(signatures);
      while (dkim.find()) {
        input.dkim(dkim.group(1), "", dkim.group(2).equals("pass"));
      }
    }
    // WHEN
    DmarcResult result = rfc7489(from).evaluate(input.build());
    // THEN the best level any authenticated identifier reaches
    IdentifierAlignment.Level best = IdentifierAlignment.Level.NONE;
    for (IdentifierAlignment a : result.alignments()) {
      if (a.aligned() && a.level().ordinal() < best.ordinal()) {
        best = a.level();
      }
    }
    String expected = row.expected();
    if (expected.startsWith("not aligned")) {
      assertThat(best).as(result.reason()).isEqualTo(IdentifierAlignment.Level.NONE);
    } else if (expected.contains("strict")) {
      assertThat(best).as(result.reason()).isEqualTo(IdentifierAlignment.Level.STRICT);
    } else if (expected.contains("relaxed")) {
      assertThat(best).as(result.reason()).isEqualTo(IdentifierAlignment.Level.RELAXED);
    } else {
      assertThat(best).as(result.reason()).isNotEqualTo(IdentifierAlignment.Level.NONE);
    }
  }

  private static void dmarcPass(Row row) {
    // GIVEN "spf aligned pass" / "spf fail", "dkim aligned pass" / "dkim fail", From example.com
    boolean spfPass = row.input().contains("spf aligned pass");
    boolean dkimPass = row.input().contains("dkim aligned pass");
    DmarcInput input = DmarcInput.builder("example.com")
        .spf("example.com", spfPass)
        .dkim("example.com", "", dkimPass)
        .build();
    // WHEN
    DmarcResult result = rfc7489("example.com").evaluate(input);
    // THEN
    assertThat(result.code().keyword()).as(result.reason()).isEqualTo(row.expected());
  }

  private static void tldNotLookedUp() {
    // GIVEN a lookup of _dmarc.com would time out, so a result other than temperror proves it was not made
    DnsZone zone = DnsZone.create().timeout("_dmarc.com");
    DmarcVerifier verifier = DmarcVerifier.builder(zone.resolver()).mode(DmarcMode.RFC7489_PSL).build();
    // WHEN
    DmarcResult result = verifier.evaluate(DmarcInput.of("com", "", false, List.of()));
    // THEN
    assertThat(result.code()).as(result.reason()).isEqualTo(DmarcResultCode.NONE);
  }

  private static void fromDomain(Row row, boolean several) {
    // GIVEN the input as a From field of a message
    String field = row.input().startsWith("From:") ? row.input() : "From:" + row.input();
    byte[] message = (field + "\r\nSubject: x\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8);
    // WHEN
    AuthorDomain author = AuthorDomain.fromMessage(message);
    // THEN
    if (row.expected().equals("(error)")) {
      assertThat(author.isUsable()).as(author.reason()).isFalse();
    } else if (several) {
      // Mail::DMARC keeps the last address; RFC 9989 section 11.5 evaluates every domain, which we keep.
      assertThat(author.status()).isEqualTo(AuthorDomain.Status.SEVERAL_ADDRESSES);
      assertThat(author.domains()).last().isEqualTo(row.expected());
    } else {
      assertThat(author.domain()).as(author.reason()).contains(row.expected());
    }
  }

  private static DmarcVerifier rfc7489(String from) {
    String org = PublicSuffixList.organizationalDomain(from).orElse(from);
    DnsZone zone = DnsZone.create().dmarc(org, "v=DMARC1; p=reject");
    return DmarcVerifier.builder(zone.resolver()).mode(DmarcMode.RFC7489_PSL).build();
  }

  private static String match(Pattern p, String text) {
    Matcher m = p.matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m.group(1);
  }

  private static List<Row> rows(Path tsv) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      Row row = new Row(f[0], f[1], f[2], f.length > 3 ? f[3] : "");
      rows.add(row);
    }
    return rows;
  }
}
