package io.github.junitmailassert.internal.spf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The examples of RFC 7208 section 7.4, and the syntax errors section 7.1 implies. */
class MacroStringTest {

  private static MacroString.Values rfcExample(byte[] ip) {
    return letter -> switch (letter) {
      case 's' -> "strong-bad@email.example.com";
      case 'l' -> "strong-bad";
      case 'o', 'd' -> "email.example.com";
      case 'i' -> IpAddresses.dotted(ip);
      case 'v' -> ip.length == 4 ? "in-addr" : "ip6";
      default -> "";
    };
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "%{s}, strong-bad@email.example.com",
      "%{o}, email.example.com",
      "%{d}, email.example.com",
      "%{d4}, email.example.com",
      "%{d3}, email.example.com",
      "%{d2}, example.com",
      "%{d1}, com",
      "%{dr}, com.example.email",
      "%{d2r}, example.email",
      "%{l}, strong-bad",
      "%{l-}, strong.bad",
      "%{lr}, strong-bad",
      "%{lr-}, bad.strong",
      "%{l1r-}, strong",
      "%{ir}.%{v}._spf.%{d2}, 3.2.0.192.in-addr._spf.example.com",
      "%{lr-}.lp._spf.%{d2}, bad.strong.lp._spf.example.com",
      "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}, bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
      "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}, 3.2.0.192.in-addr.strong.lp._spf.example.com",
      "%{d2}.trusted-domains.example.net, example.com.trusted-domains.example.net",
      "%{S}, strong-bad%40email.example.com",
      "a%%b%_c%-d, a%b c%20d"})
  void should_expand_as_rfc_7208_section_7_4_shows_when_the_client_is_ipv4(String macro, String expected) {
    // GIVEN
    byte[] ip = IpAddresses.parseIp4("192.0.2.3");
    // WHEN
    String expanded = MacroString.parse(macro, false).expand(rfcExample(ip));
    // THEN
    assertThat(expanded).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "%{ir}.%{v}._spf.%{d2}, 1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com"})
  void should_expand_as_rfc_7208_section_7_4_shows_when_the_client_is_ipv6(String macro, String expected) {
    // GIVEN
    byte[] ip = IpAddresses.parseIp6("2001:db8::cb01");
    // WHEN
    String expanded = MacroString.parse(macro, false).expand(rfcExample(ip));
    // THEN the RFC prints the nibbles in lower case, the RFC 7208 test suite in upper case; DNS
    // ignores case, and this engine follows the suite, whose explanations show them.
    assertThat(expanded).isEqualToIgnoringCase(expected);
    assertThat(expanded).startsWith("1.0.B.C.0");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "%(ir).sbl.example.com | 0 | '%' must be followed by '{', '%', '_' or '-'",
      "foo%.sbl.example.com | 3 | '%' must be followed by '{', '%', '_' or '-'",
      "%{x}.example.com | 0 | unknown macro letter 'x'",
      "%{r}.example.com | 0 | macro letter 'r' is allowed only in explanation text",
      "%{d0}.example.com | 0 | the number of parts to keep must not be zero",
      "%{d2!}.example.com | 4 | character '!' is not a macro delimiter",
      "%{d.example.com | 0 | macro without its closing '}'",
      "example.com% | 11 | '%' at the end: write \"%%\" for a percent sign"})
  void should_refuse_macro_syntax_errors_with_their_position(String text, int position, String message) {
    assertThatThrownBy(() -> MacroString.parse(text, false))
        .isInstanceOfSatisfying(SpfSyntaxException.class, e -> assertThat(e.position()).isEqualTo(position))
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "example.com | ",
      "example.com. | ",
      "%{d} | ",
      "foo.xn--zckzah | ",
      "museum | a domain must end with a top-level label after a dot",
      "abc.123 | top-level label \"123\" is all digits (an IP address belongs in ip4:)",
      "example.-com | top-level label \"-com\" starts or ends with '-'",
      "example.com:8080 | top-level label \"com:8080\" has a character other than letters, digits and '-'"})
  void should_judge_the_end_of_a_domain_spec(String spec, String problem) {
    assertThat(MacroString.parse(spec, false).domainEndProblem()).isEqualTo(problem);
  }
}
