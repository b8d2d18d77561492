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
      "mx.example.net;", "mx.example.net; (only a comment)", "Subject: hello", "mx example net; spf=pass"})
  void should_give_empty_when_no_method_result_can_be_read(String text) {
    assertThat(AuthenticationResults.parse(text)).isEmpty();
  }

  @Test
  void should_quote_the_authserv_id_when_it_is_not_a_token() {
    assertThat(AuthenticationResults.builder("mx.example.net").build().value()).isEqualTo("mx.example.net; none");
    assertThat(AuthenticationResults.builder("mx 1/2").build().value()).isEqualTo("\"mx 1/2\"; none");
    assertThat(AuthenticationResults.parse("\"mx 1/2\"; dkim=none")).contains(
        new AuthenticationResults("mx 1/2", List.of(MethodResult.none("dkim"))));
  }

  @Test
  void should_name_the_part_when_a_part_is_not_a_method_result() {
    assertThatThrownBy(() -> AuthenticationResults.builder("mx.example.net").add("pass"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an Authentication-Results method result (method=result [properties]): \"pass\"");
  }

  @Test
  void should_name_the_words_when_a_part_has_words_that_are_not_properties() {
    assertThatThrownBy(() -> AuthenticationResults.builder("mx.example.net").add("dmarc=pass action=none"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot read \"action=none\" in \"dmarc=pass action=none\": after method=result come"
            + " reason=value and ptype.property=value properties");
  }

  @Test
  void should_read_the_same_results_when_a_written_field_is_parsed() {
    // GIVEN
    AuthenticationResults ar = AuthenticationResults.builder("mx.example.net")
        .add(MethodResult.of("spf", "pass").withProperty("smtp", "mailfrom", "info@sample.co.jp"))
        .add(MethodResult.none("dkim"))
        .add(MethodResult.of("dmarc", "fail").withComment("p=reject dis=reject").withReason("no \"aligned\" id")
            .withProperty("header", "from", "sample.co.jp"))
        .build();
    // WHEN
    AuthenticationResults read = AuthenticationResults.parse(ar.headerField()).orElseThrow();
    // THEN
    assertThat(ar.value()).isEqualTo("mx.example.net; spf=pass smtp.mailfrom=info@sample.co.jp; dkim=none;"
        + " dmarc=fail (p=reject dis=reject) reason=\"no \\\"aligned\\\" id\" header.from=sample.co.jp");
    assertThat(read).isEqualTo(ar);
  }
}
