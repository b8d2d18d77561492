package io.github.junitmailassert.dmarc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.junitmailassert.authresults.AuthenticationResults;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.internal.dmarc.DmarcRecordParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input: every outcome is a typed result, never an exception, and the work stays
 * linear (the time limits only guard against a hang; they measure nothing).
 */
class DmarcBadInputTest {

  private static final Duration GUARD = Duration.ofSeconds(20);
  private static final String RECORD_PIECES = "v=DMARC1;p=reject;sp=quarantine;np=none;psd=y;t=y;pct=50;adkim=s;"
      + "aspf=r;rua=mailto:a@b;V =;==;;; \t\"'()<>@,.:!x0";

  @Test
  void should_give_typed_results_when_dmarc_records_are_random_text() {
    assertTimeoutPreemptively(GUARD, () -> {
      // GIVEN seeded random records: record pieces, ASCII, controls and non-ASCII mixed
      Random random = new Random(20250101L);
      for (int i = 0; i < 5000; i++) {
        String text = randomText(random, RECORD_PIECES, 300);
        for (DmarcMode mode : DmarcMode.values()) {
          // WHEN
          DmarcRecordParser.Outcome outcome = DmarcRecordParser.parse("example.com", text, mode);
          // THEN
          assertThat(outcome).isNotNull();
          if (outcome instanceof DmarcRecordParser.Parsed p) {
            assertThat(p.record().problems()).hasSizeLessThanOrEqualTo(9);
          }
        }
      }
    });
  }

  @Test
  void should_give_a_result_that_reads_back_as_authentication_results_when_the_zone_holds_random_records() {
    assertTimeoutPreemptively(GUARD, () -> {
      Random random = new Random(7489L);
      for (int i = 0; i < 1500; i++) {
        // GIVEN printable records (dnsjava reads backslashes as escapes) at the From domain and its parent
        DnsZone zone = DnsZone.create()
            .dmarc("mail.example.com", randomText(random, RECORD_PIECES.replace("\\", ""), 120, true))
            .dmarc("example.com", randomText(random, RECORD_PIECES, 120, true));
        DmarcMode mode = random.nextBoolean() ? DmarcMode.RFC9989 : DmarcMode.RFC7489_PSL;
        DmarcVerifier verifier = DmarcVerifier.builder(zone.resolver()).mode(mode).build();
        // WHEN
        DmarcResult result = verifier.evaluate(DmarcInput.of("mail.example.com", "example.com", random.nextBoolean(),
            random.nextBoolean() ? List.of("mail.example.com") : List.of()));
        // THEN
        assertThat(result.code()).isIn(EnumSet.of(DmarcResultCode.PASS, DmarcResultCode.FAIL, DmarcResultCode.NONE));
        assertThat(AuthenticationResults.parse("mx.example.net; " + result.authenticationResultsPart()))
            .as(result.authenticationResultsPart()).isPresent();
      }
    });
  }

  @Test
  void should_read_a_huge_record_with_bounded_problems_when_it_repeats_garbage() {
    assertTimeoutPreemptively(GUARD, () -> {
      // GIVEN a 60 KB record (TXT allows 64 KB) of syntax errors after a valid policy
      String huge = "v=DMARC1; p=reject; " + "garbage; ".repeat(6500);
      DnsZone zone = DnsZone.create().dmarc("example.com", huge);
      // WHEN
      DmarcResult result = DmarcVerifier.builder(zone.resolver()).build()
          .evaluate(DmarcInput.of("example.com", "", false, List.of()));
      // THEN
      assertThat(result.code()).isEqualTo(DmarcResultCode.FAIL);
      assertThat(result.policy()).isEqualTo(DmarcPolicy.REJECT);
      assertThat(result.notes()).hasSize(9).endsWith("_dmarc.example.com: further problems were not listed");
    });
  }

  @Test
  void should_ignore_a_huge_record_when_it_repeats_a_tag() {
    assertTimeoutPreemptively(GUARD, () -> {
      // GIVEN
      String huge = "v=DMARC1; p=reject; " + "xxxxxxxxxx=1; garbage; ".repeat(2500);
      DnsZone zone = DnsZone.create().dmarc("example.com", huge);
      // WHEN
      DmarcResult result = DmarcVerifier.builder(zone.resolver()).build()
          .evaluate(DmarcInput.of("example.com", "", false, List.of()));
      // THEN a repeated tag invalidates the record (RFC 6376 section 3.2)
      assertThat(result.code()).isEqualTo(DmarcResultCode.NONE);
      assertThat(result.notes()).containsExactly("a TXT record at _dmarc.example.com was ignored: the tag xxxxxxxxxx"
          + " appears more than once, which makes the record invalid (RFC 6376 section 3.2 tag-list syntax, which"
          + " DMARC records follow)");
    });
  }

  @Test
  void should_give_none_when_the_record_names_a_tag_twice_or_lacks_p() {
    // GIVEN
    DnsZone zone = DnsZone.create()
        .dmarc("twice.example", "v=DMARC1; p=reject; p=none")
        .dmarc("nop.example", "v=DMARC1")
        .dmarc("bytes.example", "v=DMARC1; p=\u0000\u00ff\u0007");
    DmarcVerifier verifier = DmarcVerifier.builder(zone.resolver()).build();
    // WHEN / THEN
    for (String domain : List.of("twice.example", "nop.example", "bytes.example")) {
      DmarcResult result = verifier.evaluate(DmarcInput.of(domain, domain, true, List.of()));
      assertThat(result.code()).as(result.reason()).isEqualTo(DmarcResultCode.NONE);
    }
  }

  @Test
  void should_query_at_most_eight_names_when_the_from_domain_has_a_hundred_labels() {
    assertTimeoutPreemptively(GUARD, () -> {
      // GIVEN every name under example.com answers with a timeout, except the ones the walk may ask
      String deep = "a.".repeat(100) + "example.com";
      DnsZone zone = DnsZone.create().dmarc("example.com", "v=DMARC1; p=reject");
      for (int labels = 8; labels <= 100; labels++) {
        zone.timeout("_dmarc." + deep.substring(deep.length() - (2 * (labels - 2) + "example.com".length())));
      }
      // WHEN
      DmarcResult result = DmarcVerifier.builder(zone.resolver()).build()
          .evaluate(DmarcInput.of(deep, "", false, List.of()));
      // THEN only the From domain and 7 labels down to 1 were asked, none of the timeouts
      assertThat(result.code()).as(result.reason()).isEqualTo(DmarcResultCode.FAIL);
    });
  }

  @Test
  void should_look_at_a_bounded_number_of_signatures_when_a_message_carries_thousands() {
    assertTimeoutPreemptively(GUARD, () -> {
      // GIVEN
      DnsZone zone = DnsZone.create().dmarc("example.com", "v=DMARC1; p=reject");
      DmarcInput.Builder input = DmarcInput.builder("example.com");
      for (int i = 0; i < 5000; i++) {
        input.dkim("d" + i + ".sub" + i + ".example.org", "s", true);
      }
      // WHEN
      DmarcResult result = DmarcVerifier.builder(zone.resolver()).build().evaluate(input.build());
      // THEN
      assertThat(result.code()).isEqualTo(DmarcResultCode.FAIL);
      assertThat(result.alignments()).hasSize(16);
      assertThat(result.notes()).contains("only the first 16 of 5000 DKIM signatures were looked at");
    });
  }

  @Test
  void should_give_typed_results_when_from_fields_are_generated_from_address_syntax() {
    assertTimeoutPreemptively(GUARD, () -> {
      Random random = new Random(5322L);
      String pieces = "\"()<>@,;:[]\\. \tabcXYZ09-_=?!#&'*+/^`{|}~\u00e9\u4f8b\r\n";
      for (int i = 0; i < 20000; i++) {
        // GIVEN
        String value = i % 2 == 0 ? randomText(random, pieces, 80) : mutate(random, "\"A, B\" <a.b@example.com>, c@d.example");
        // WHEN
        AuthorDomain author = AuthorDomain.fromFieldValue(value);
        // THEN
        assertThat(author.reason()).isNotEmpty();
        assertThat(author.isUsable()).isEqualTo(author.status() == AuthorDomain.Status.FOUND
            || author.status() == AuthorDomain.Status.SEVERAL_ADDRESSES);
        for (String d : author.domains()) {
          assertThat(AuthorDomain.of(d).domain()).contains(d);
        }
      }
    });
  }

  @Test
  void should_give_typed_results_when_messages_are_random_bytes() {
    assertTimeoutPreemptively(GUARD, () -> {
      Random random = new Random(6376L);
      DmarcVerifier verifier = DmarcVerifier.builder(DnsZone.create().resolver()).build();
      for (int i = 0; i < 3000; i++) {
        // GIVEN
        byte[] bytes = new byte[random.nextInt(400)];
        random.nextBytes(bytes);
        byte[] message = i % 2 == 0 ? bytes : concat("From: ".getBytes(StandardCharsets.US_ASCII), bytes);
        // WHEN
        DmarcResult result = verifier.evaluate(DmarcInput.builder(AuthorDomain.fromMessage(message)).build());
        // THEN
        assertThat(result.code()).isIn(EnumSet.of(DmarcResultCode.PERMERROR, DmarcResultCode.NONE));
      }
    });
  }

  @Test
  void should_stay_linear_when_a_from_field_is_huge_and_hostile() {
    assertTimeoutPreemptively(GUARD, () -> {
      List<String> hostile = new ArrayList<>();
      hostile.add("(".repeat(200_000) + "a@example.com");
      hostile.add("\"" + "x".repeat(1_000_000));
      hostile.add("a@example.com, ".repeat(100_000));
      hostile.add("<@".repeat(100_000));
      hostile.add("a@" + "b.".repeat(200_000) + "example");
      hostile.add("g: ".repeat(50_000) + ";");
      for (String value : hostile) {
        AuthorDomain author = AuthorDomain.fromFieldValue(value);
        assertThat(author.isUsable()).as(author.reason()).isFalse();
        assertThat(author.reason().length()).isLessThan(400);
      }
      // a long display name is still a display name
      assertThat(AuthorDomain.fromFieldValue("x ".repeat(300_000) + "<a@example.com>").domain()).contains("example.com");
      // 200 addresses from 200 domains: usable, but more domains than a receiver evaluates
      StringBuilder many = new StringBuilder();
      for (int i = 0; i < 200; i++) {
        many.append("a@d").append(i).append(".example, ");
      }
      DmarcResult result = DmarcVerifier.builder(DnsZone.create().resolver()).build()
          .evaluate(DmarcInput.builder(AuthorDomain.fromFieldValue(many.toString())).build());
      assertThat(result.code()).isEqualTo(DmarcResultCode.PERMERROR);
      assertThat(result.authenticationResultsPart()).isEqualTo("dmarc=permerror (too many From domains)");
    });
  }

  private static String randomText(Random random, String pieces, int maxLength) {
    return randomText(random, pieces, maxLength, false);
  }

  private static String randomText(Random random, String pieces, int maxLength, boolean printable) {
    StringBuilder b = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    if (random.nextInt(3) == 0) {
      b.append("v=DMARC1;");
    }
    while (b.length() < length) {
      int kind = random.nextInt(10);
      if (kind < 7) {
        b.append(pieces.charAt(random.nextInt(pieces.length())));
      } else if (kind < 9 || printable) {
        b.append((char) (0x20 + random.nextInt(0x5f)));
      } else {
        b.append((char) random.nextInt(0x3000));
      }
    }
    String s = b.toString();
    return printable ? s.replace("\\", "/").replaceAll("[^\\x20-\\x7e]", "?") : s;
  }

  private static String mutate(Random random, String seed) {
    StringBuilder b = new StringBuilder(seed);
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits && b.length() > 0; i++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(3)) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.insert(at, "\"()<>@,;:[]\\".charAt(random.nextInt(12)));
        default -> b.setCharAt(at, (char) (0x20 + random.nextInt(0x5f)));
      }
    }
    return b.toString();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
