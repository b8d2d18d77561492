package io.github.junitmailassert.authresults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticationResultsTest {

  @Test
  void should_join_the_parts_of_each_check_when_building_the_field() {
    // WHEN
    AuthenticationResults ar = AuthenticationResults.builder("mx.example.net")
        .add("spf=pass smtp.mailfrom=sample.co.jp")
        .add("dkim=pass header.d=sample.co.jp header.s=s1 header.b=AbC+/12=")
        .add("dmarc=pass (p=reject dis=none) header.from=sample.co.jp")
        .build();
    // THEN
    assertThat(ar).hasToString("Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=sample.co.jp;"
        + " dkim=pass header.d=sample.co.jp header.s=s1 header.b=\"AbC+/12=\";" // "/" and "=" are not token chars
        + " dmarc=pass (p=reject dis=none) header.from=sample.co.jp");
    assertThat(ar.resultsOf("dkim")).singleElement().satisfies(r -> {
      assertThat(r.property("header.b")).contains("AbC+/12=");
      assertThat(r.property("HEADER.S")).contains("s1");
    });
    assertThat(ar.resultsOf("dmarc").get(0).comment()).isEqualTo("p=reject dis=none");
  }

  @Test
  void should_fold_at_78_characters_when_the_field_is_long() {
    // GIVEN
    AuthenticationResults ar = AuthenticationResults.builder("mx.example.net")
        .add("spf=pass smtp.mailfrom=bounces.newsletter.sample.co.jp; dkim=pass header.d=newsletter.sample.co.jp"
            + " header.s=selector2025 header.b=abcdefgh; dmarc=pass (p=reject dis=none) header.from=sample.co.jp")
        .build();
    // WHEN
    String folded = ar.headerField();
    // THEN
    assertThat(folded).isEqualTo("Authentication-Results: mx.example.net; spf=pass\r\n"
        + "\tsmtp.mailfrom=bounces.newsletter.sample.co.jp; dkim=pass\r\n"
        + "\theader.d=newsletter.sample.co.jp header.s=selector2025 header.b=abcdefgh;\r\n"
        + "\tdmarc=pass (p=reject dis=none) header.from=sample.co.jp");
    assertThat(folded.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(78));
    assertThat(AuthenticationResults.parse(folded)).contains(ar);
  }

  @Test
  void should_write_none_when_no_method_was_checked() {
    // WHEN
    AuthenticationResults ar = AuthenticationResults.builder("mx.example.net").add("").add("none").build();
    // THEN
    assertThat(ar).hasToString("Authentication-Results: mx.example.net; none");
    assertThat(ar.headerField()).isEqualTo("Authentication-Results: mx.example.net; none");
    assertThat(AuthenticationResults.parse("Authentication-Results: mx.example.net; none"))
        .contains(new AuthenticationResults("mx.example.net", List.of()));
  }

  @Test
  void should_quote_values_and_escape_comments_when_they_need_it() {
    // WHEN
    AuthenticationResults ar = AuthenticationResults.builder("mx.example.net")
        .add(new MethodResult("dkim", "fail", "bad (sig)", "body hash did not verify",
            List.of(new ResultProperty("header", "d", "sample.co.jp"))))
        .build();
    // THEN
    assertThat(ar.value()).isEqualTo("mx.example.net; dkim=fail (bad \\(sig\\)) reason=\"body hash did not verify\""
        + " header.d=sample.co.jp");
    assertThat(AuthenticationResults.parse(ar.toString())).contains(ar);
  }

  @Test
  void should_read_a_receivers_field_when_it_has_comments_versions_and_odd_spacing() {
    // WHEN
    AuthenticationResults ar = AuthenticationResults.parse("Authentication-Results: mx.google.com 1;\r\n"
        + "       dkim=pass header.i=@sample.co.jp header.s=s1 header.b=\"Xy/z=\";\r\n"
        + "       spf = pass (google.com: domain of a@sample.co.jp designates 203.0.113.25 as permitted sender)"
        + " smtp.mailfrom=a@sample.co.jp;\r\n"
        + "       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=sample.co.jp").orElseThrow();
    // THEN
    assertThat(ar.authservId()).isEqualTo("mx.google.com");
    assertThat(ar.results()).extracting(MethodResult::method).containsExactly("dkim", "spf", "dmarc");
    assertThat(ar.resultsOf("spf").get(0).comment())
        .isEqualTo("google.com: domain of a@sample.co.jp designates 203.0.113.25 as permitted sender");
    assertThat(ar.resultsOf("dkim").get(0).property("header.b")).contains("Xy/z=");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Authentication-Results:", "mx.example.net", "mx.example.net; spf", "mx.example.net; =pass",
      "mx.example.net; spf=pass smtp", "mx.example.net; spf=pass (unclosed", "mx.example.net; spf=pass smtp.mailfrom=\"x"})
  void should_give_empty_when_the_text_is_not_a_field(String text) {
    assertThat(AuthenticationResults.parse(text)).isEmpty();
  }

  @Test
  void should_name_the_part_when_a_part_is_not_a_method_result() {
    assertThatThrownBy(() -> AuthenticationResults.builder("mx.example.net").add("pass"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an Authentication-Results method result (method=result [properties]): \"pass\"");
  }

  @Test
  void should_never_throw_when_the_text_is_random() {
    java.util.Random random = new java.util.Random(8601L);
    String pieces = "spfdkimdmarc=pass;fail ()\\\"header.d=@.example\r\n/1";
    for (int i = 0; i < 20000; i++) {
      StringBuilder b = new StringBuilder(random.nextBoolean() ? "Authentication-Results: mx.example.net;" : "");
      int length = random.nextInt(120);
      while (b.length() < length) {
        b.append(random.nextInt(5) == 0 ? (char) random.nextInt(0x300) : pieces.charAt(random.nextInt(pieces.length())));
      }
      String text = b.toString();
      AuthenticationResults.parse(text).ifPresent(ar -> assertThat(AuthenticationResults.parse(ar.toString()))
          .as(text).contains(ar));
    }
  }
}
