package io.github.junitmailassert.authresults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fields as other receivers write them, in and outside the grammar of RFC 8601. */
class AuthenticationResults_parse_Test {

  private static final String GMAIL = "Authentication-Results: mx.google.com;\r\n"
      + "       dkim=pass header.i=@sample.co.jp header.s=s1 header.b=k0/+aB1c;\r\n"
      + "       arc=pass (i=1 spf=pass spfdomain=sample.co.jp dkim=pass dkdomain=sample.co.jp dmarc=pass"
      + " fromdomain=sample.co.jp);\r\n"
      + "       spf=pass (google.com: domain of info@sample.co.jp designates 203.0.113.25 as permitted sender)"
      + " smtp.mailfrom=info@sample.co.jp;\r\n"
      + "       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=sample.co.jp;\r\n"
      + "       dara=pass header.i=@gmail.com";

  private static final String MICROSOFT_365 = "Authentication-Results: spf=pass (sender IP is 203.0.113.25)\r\n"
      + " smtp.mailfrom=sample.co.jp; dkim=pass (signature was verified)\r\n"
      + " header.d=sample.co.jp;dmarc=pass action=none\r\n"
      + " header.from=sample.co.jp;compauth=pass reason=100";

  /** RFC 8601 appendix B.7, the test vector of the RFC. */
  private static final String RFC_8601_B7 = "Authentication-Results: foo.example.net (foobar) 1 (baz);\r\n"
      + "    dkim (Because I like it) / 1 (One yay) = (wait for it) fail\r\n"
      + "      policy (A dot can go here) . (like that) expired\r\n"
      + "      (this surprised me) = (as I wasn't expecting it) 1362471462";

  @Test
  void should_read_the_comment_heavy_example_of_rfc_8601() {
    // WHEN
    AuthenticationResults ar = AuthenticationResults.parse(RFC_8601_B7).orElseThrow();
    // THEN
    assertThat(ar).isEqualTo(new AuthenticationResults("foo.example.net",
        List.of(new MethodResult("dkim/1", "fail", "", "", List.of(new ResultProperty("policy", "expired", "1362471462")))),
        List.of()));
  }

  @Test
  void should_read_every_result_when_gmail_wrote_the_field() {
    // WHEN
    AuthenticationResults ar = AuthenticationResults.parse(GMAIL).orElseThrow();
    // THEN
    assertThat(ar.authservId()).isEqualTo("mx.google.com");
    assertThat(ar.results()).containsExactly(
        MethodResult.of("dkim", "pass").withProperty("header", "i", "@sample.co.jp").withProperty("header", "s", "s1")
            .withProperty("header", "b", "k0/+aB1c"),
        MethodResult.of("arc", "pass").withComment("i=1 spf=pass spfdomain=sample.co.jp dkim=pass"
            + " dkdomain=sample.co.jp dmarc=pass fromdomain=sample.co.jp"),
        MethodResult.of("spf", "pass")
            .withComment("google.com: domain of info@sample.co.jp designates 203.0.113.25 as permitted sender")
            .withProperty("smtp", "mailfrom", "info@sample.co.jp"),
        MethodResult.of("dmarc", "pass").withComment("p=REJECT sp=REJECT dis=NONE")
            .withProperty("header", "from", "sample.co.jp"),
        MethodResult.of("dara", "pass").withProperty("header", "i", "@gmail.com"));
    assertThat(ar.skipped()).isEmpty();
  }

  @Test
  void should_keep_the_results_and_name_what_it_skipped_when_microsoft_365_wrote_the_field() {
    // WHEN
    AuthenticationResults ar = AuthenticationResults.parse(MICROSOFT_365).orElseThrow();
    // THEN
    assertThat(ar).isEqualTo(new AuthenticationResults("", List.of(
        MethodResult.of("spf", "pass").withComment("sender IP is 203.0.113.25")
            .withProperty("smtp", "mailfrom", "sample.co.jp"),
        MethodResult.of("dkim", "pass").withComment("signature was verified").withProperty("header", "d", "sample.co.jp"),
        MethodResult.of("dmarc", "pass").withProperty("header", "from", "sample.co.jp"),
        MethodResult.of("compauth", "pass").withReason("100")),
        List.of("action=none")));
    assertThat(ar.value()).isEqualTo("\"\"; spf=pass (sender IP is 203.0.113.25) smtp.mailfrom=sample.co.jp;"
        + " dkim=pass (signature was verified) header.d=sample.co.jp; dmarc=pass header.from=sample.co.jp;"
        + " compauth=pass reason=100"); // an empty authserv-id is written as the empty quoted-string
  }

  @Test
  void should_read_a_comment_that_touches_the_result_when_yahoo_wrote_the_field() {
    // WHEN
    AuthenticationResults ar = AuthenticationResults.parse("Authentication-Results:"
        + " atlas-production.v2-mail-prod1-gq1.omega.yahoo.com;\r\n dkim=pass header.i=@sample.co.jp header.s=s1;\r\n"
        + " spf=pass smtp.mailfrom=sample.co.jp;\r\n dmarc=pass(p=REJECT) header.from=sample.co.jp;").orElseThrow();
    // THEN
    assertThat(ar).isEqualTo(new AuthenticationResults("atlas-production.v2-mail-prod1-gq1.omega.yahoo.com", List.of(
        MethodResult.of("dkim", "pass").withProperty("header", "i", "@sample.co.jp").withProperty("header", "s", "s1"),
        MethodResult.of("spf", "pass").withProperty("smtp", "mailfrom", "sample.co.jp"),
        MethodResult.of("dmarc", "pass").withComment("p=REJECT").withProperty("header", "from", "sample.co.jp")),
        List.of(";")));
  }

  @Test
  void should_name_the_empty_result_when_the_field_ends_with_a_semicolon() {
    // WHEN
    AuthenticationResults ar = AuthenticationResults.parse("Authentication-Results: spf=none (sender IP is"
        + " 203.0.113.25) smtp.mailfrom=sample.co.jp; dkim=none (message not signed) header.d=none;dmarc=none"
        + " action=none header.from=sample.co.jp;").orElseThrow();
    // THEN
    assertThat(ar.results()).containsExactly(
        MethodResult.of("spf", "none").withComment("sender IP is 203.0.113.25")
            .withProperty("smtp", "mailfrom", "sample.co.jp"),
        MethodResult.of("dkim", "none").withComment("message not signed").withProperty("header", "d", "none"),
        MethodResult.of("dmarc", "none").withProperty("header", "from", "sample.co.jp"));
    assertThat(ar.skipped()).containsExactly("action=none", ";");
  }

  @Test
  void should_read_a_property_when_white_space_and_comments_surround_its_dot() {
    // WHEN
    AuthenticationResults ar = AuthenticationResults.parse("mx.example.net; spf=pass smtp . mailfrom = sample.co.jp"
        + " smtp(the HELO name) .helo=mail.sample.co.jp").orElseThrow();
    // THEN
    assertThat(ar.results()).containsExactly(MethodResult.of("spf", "pass")
        .withProperty("smtp", "mailfrom", "sample.co.jp").withProperty("smtp", "helo", "mail.sample.co.jp"));
    assertThat(ar.skipped()).isEmpty();
  }

  @Test
  void should_keep_the_first_word_and_name_the_rest_when_a_reason_is_not_quoted() {
    // WHEN
    AuthenticationResults ar = AuthenticationResults.parse(
        "mx.example.net; dkim=fail reason=signature did not verify header.d=sample.co.jp").orElseThrow();
    // THEN
    assertThat(ar.results()).containsExactly(
        MethodResult.of("dkim", "fail").withReason("signature").withProperty("header", "d", "sample.co.jp"));
    assertThat(ar.skipped()).containsExactly("did not verify");
  }

  @Test
  void should_skip_a_whole_result_when_its_method_does_not_read() {
    // WHEN
    AuthenticationResults ar = AuthenticationResults.parse("mx.example.net; spf=pass smtp.mailfrom=sample.co.jp;"
        + " dkim; =pass; x-garbage (comment; with semicolon) here").orElseThrow();
    // THEN
    assertThat(ar.results()).containsExactly(
        MethodResult.of("spf", "pass").withProperty("smtp", "mailfrom", "sample.co.jp"));
    assertThat(ar.skipped()).containsExactly("dkim", "=pass", "x-garbage (comment; with semicolon) here");
  }

  @Test
  void should_skip_to_the_end_of_the_result_when_a_quote_or_comment_is_not_closed() {
    // WHEN
    AuthenticationResults quote = AuthenticationResults.parse(
        "mx.example.net; spf=pass smtp.helo=mail.sample.co.jp smtp.mailfrom=\"x; dkim=pass").orElseThrow();
    AuthenticationResults comment = AuthenticationResults.parse("mx.example.net; spf=pass (unclosed; dkim=pass")
        .orElseThrow();
    // THEN
    assertThat(quote.results()).containsExactly(
        MethodResult.of("spf", "pass").withProperty("smtp", "helo", "mail.sample.co.jp"));
    assertThat(quote.skipped()).containsExactly("smtp.mailfrom=\"x; dkim=pass");
    assertThat(comment.results()).containsExactly(MethodResult.of("spf", "pass"));
    assertThat(comment.skipped()).containsExactly("(unclosed; dkim=pass");
  }

  @Test
  void should_read_a_200_kB_field_with_linear_work() {
    // GIVEN 5,000 results, every tenth one outside the grammar
    StringBuilder b = new StringBuilder("Authentication-Results: mx.example.net;");
    for (int i = 0; i < 5000; i++) {
      b.append(i % 10 == 9 ? " dmarc=pass action=none (x) header.from=d" + i + ".example;"
          : " dkim=pass (ok) header.d=d" + i + ".example header.s=s1;");
    }
    String field = b.toString();
    // WHEN
    AuthenticationResults ar = AuthenticationResults.parse(field).orElseThrow();
    // THEN
    assertThat(field.length()).isGreaterThan(200_000);
    assertThat(ar.results()).hasSize(5000);
    assertThat(ar.results().get(9)).isEqualTo(MethodResult.of("dmarc", "pass").withProperty("header", "from", "d9.example"));
    assertThat(ar.skipped()).hasSize(501).containsOnly("action=none", ";"); // the last ";" ends an empty result
    assertThat(AuthResParser.steps(field)).isLessThanOrEqualTo(4L * field.length());
  }

  @Test
  void should_never_throw_and_do_linear_work_when_real_fields_are_mutated() {
    Random random = new Random(8601L);
    String[] seeds = {GMAIL, MICROSOFT_365, RFC_8601_B7,
        "Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=sample.co.jp; dkim=fail reason=\"bad \\\"sig\\\"\""
            + " header.d=sample.co.jp header.b=\"ab/+cd=e\"; dmarc=permerror (missing tag (p))"};
    String specials = ";()\"\\=./@ \t\r\n";
    int read = 0;
    for (int i = 0; i < 4000; i++) {
      // GIVEN a real field with a few random edits
      StringBuilder b = new StringBuilder(seeds[random.nextInt(seeds.length)]);
      int edits = 1 + random.nextInt(8);
      for (int e = 0; e < edits && b.length() > 0; e++) {
        int at = random.nextInt(b.length());
        int to = Math.min(b.length(), at + 1 + random.nextInt(12));
        switch (random.nextInt(5)) {
          case 0 -> b.delete(at, to);
          case 1 -> b.insert(at, b.substring(at, to));
          case 2 -> b.insert(at, specials.charAt(random.nextInt(specials.length())));
          case 3 -> b.setCharAt(at, (char) random.nextInt(0x3000));
          default -> b.insert(at, b.substring(random.nextInt(b.length())));
        }
      }
      String text = b.toString();
      // WHEN
      var parsed = AuthenticationResults.parse(text);
      // THEN
      assertThat(AuthResParser.steps(text)).as(text).isLessThanOrEqualTo(8L * text.length() + 16);
      read += parsed.isPresent() ? 1 : 0;
      parsed.ifPresent(ar -> {
        AuthenticationResults again = AuthenticationResults.parse(ar.toString()).orElseThrow();
        assertThat(again.results()).as(text).isEqualTo(ar.results());
        assertThat(again.authservId()).as(text).isEqualTo(ar.authservId());
        assertThat(again.skipped()).as(text).isEmpty();
      });
    }
    assertThat(read).as("mutated fields that still read, and so were written and read again").isGreaterThan(2000);
  }
}
