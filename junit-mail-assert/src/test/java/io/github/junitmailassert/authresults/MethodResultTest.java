package io.github.junitmailassert.authresults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One result as it is built and written: the one quoting rule of RFC 8601 section 2.2. */
class MethodResultTest {

  @Test
  void should_build_the_parts_in_order_when_built_step_by_step() {
    // WHEN
    MethodResult r = MethodResult.of("dkim", "fail").withComment("2048-bit key").withReason("body hash did not verify")
        .withProperty("header", "d", "sample.co.jp").withProperty("header", "s", "s1");
    // THEN
    assertThat(r).isEqualTo(new MethodResult("dkim", "fail", "2048-bit key", "body hash did not verify",
        List.of(new ResultProperty("header", "d", "sample.co.jp"), new ResultProperty("header", "s", "s1"))));
    assertThat(r).hasToString("dkim=fail (2048-bit key) reason=\"body hash did not verify\" header.d=sample.co.jp"
        + " header.s=s1");
  }

  @Test
  void should_write_none_alone_when_a_method_had_nothing_to_check() {
    assertThat(MethodResult.none("dkim")).isEqualTo(new MethodResult("dkim", "none", "", "", List.of()))
        .hasToString("dkim=none");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "sample.co.jp             | sample.co.jp",             // a token
      "s1                       | s1",
      "info@sample.co.jp        | info@sample.co.jp",        // an address (RFC 8601 allows it bare)
      "@sample.co.jp            | @sample.co.jp",            // a DKIM i= without local part
      "a/b=c@sample.co.jp       | a/b=c@sample.co.jp",       // a dot-atom local part may hold / and =
      "AbC+/12=                 | '\"AbC+/12=\"'",             // / and = are not token characters
      "a@b                      | '\"a@b\"'",                  // a one-label domain is not a domain-name
      "a..b@sample.co.jp        | '\"a..b@sample.co.jp\"'",    // nor is a local part with two dots a dot-atom
      "sample.co.jp.            | sample.co.jp.",            // still a token
      "'two words'              | '\"two words\"'",
      "'say \"hi\"\\'           | '\"say \\\"hi\\\"\\\\\"'",
      "'例え.jp'                 | '\"例え.jp\"'",                // RFC 8601 values are ASCII
      "''                       | '\"\"'"})
  void should_write_a_value_bare_only_when_rfc_8601_allows_it(String value, String written) {
    assertThat(new ResultProperty("header", "x", value)).hasToString("header.x=" + written);
  }

  @Test
  void should_replace_control_characters_when_they_would_break_the_header_line() {
    // WHEN
    MethodResult r = MethodResult.of("spf", "fail").withComment("line\r\nbreak (and parens)").withReason("tab\there")
        .withProperty("smtp", "helo", "x\u0000y");
    // THEN
    assertThat(r).hasToString("spf=fail (line??break \\(and parens\\)) reason=\"tab?here\" smtp.helo=\"x?y\"");
  }

  @Test
  void should_write_a_reason_bare_when_it_is_a_token() {
    assertThat(MethodResult.of("compauth", "pass").withReason("100")).hasToString("compauth=pass reason=100");
  }

  @Test
  void should_read_only_a_whole_result_when_one_result_is_parsed() {
    assertThat(MethodResult.parse("dkim = pass header . d = sample.co.jp"))
        .contains(MethodResult.of("dkim", "pass").withProperty("header", "d", "sample.co.jp"));
    assertThat(MethodResult.parse("dmarc=pass action=none header.from=sample.co.jp")).isEmpty();
    assertThat(MethodResult.parse("pass")).isEmpty();
    assertThat(MethodResult.parse(null)).isEmpty();
  }

  @Test
  void should_tell_the_method_when_it_has_a_version() {
    assertThat(MethodResult.of("dkim/1", "pass").isMethod("DKIM")).isTrue();
    assertThat(MethodResult.of("dkim", "pass").isMethod("dmarc")).isFalse();
  }
}
