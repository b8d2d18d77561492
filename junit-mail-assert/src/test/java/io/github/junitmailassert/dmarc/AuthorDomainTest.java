package io.github.junitmailassert.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorDomainTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      user@sample.co.jp                                      | sample.co.jp
      Sample User <user@sample.co.jp>                        | sample.co.jp
      "Sample, User" <user@sample.co.jp>                     | sample.co.jp
      "Quoted \\" <fake@evil.example>" <user@sample.co.jp>   | sample.co.jp
      (comment (nested) <x@evil.example>) user@sample.co.jp  | sample.co.jp
      user@(comment)sample.co.jp                             | sample.co.jp
      <user@sample.co.jp >                                   | sample.co.jp
      Dr. Sample <user@SAMPLE.Co.JP>                         | sample.co.jp
      =?UTF-8?B?5L6L?= <user@sample.co.jp>                   | sample.co.jp
      =?UTF-8?B?QmVkIEJhdGggJiBCZXlvbmQ=?=<BdBth&Byond@example.com> | example.com
      <@relay.example:user@sample.co.jp>                     | sample.co.jp
      "odd local"@sample.co.jp                               | sample.co.jp
      first.last@sample.co.jp.                               | sample.co.jp
      user@例え.jp                                           | xn--r8jz45g.jp
      Team: user@sample.co.jp;                               | sample.co.jp
      , user@sample.co.jp ,                                  | sample.co.jp
      """)
  void should_find_the_domain_when_the_from_field_is_well_formed(String value, String domain) {
    // WHEN
    AuthorDomain author = AuthorDomain.fromFieldValue(value);
    // THEN
    assertThat(author.status()).as(author.reason()).isEqualTo(AuthorDomain.Status.FOUND);
    assertThat(author.domain()).contains(domain);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      ''                                    | UNPARSEABLE
      '"Test User"'                         | UNPARSEABLE
      Test User                             | UNPARSEABLE
      Test User <>                          | UNPARSEABLE
      Test User <user@sample.co.jp          | UNPARSEABLE
      '"unterminated <user@sample.co.jp>'   | UNPARSEABLE
      (unterminated user@sample.co.jp       | UNPARSEABLE
      user@sample..co.jp                    | UNPARSEABLE
      user@-                                | UNPARSEABLE
      user@sample.co.jp <user@sample.co.jp> | UNPARSEABLE
      undisclosed-recipients:;              | UNPARSEABLE
      Team: user@sample.co.jp               | UNPARSEABLE
      root                                  | NO_DOMAIN
      root@                                 | NO_DOMAIN
      Root <root>                           | NO_DOMAIN
      user@[192.0.2.1]                      | NO_DOMAIN
      a@example.com, b@example.org          | SEVERAL_ADDRESSES
      """)
  void should_give_a_typed_problem_when_the_from_field_is_not_usable(String value, AuthorDomain.Status status) {
    // WHEN
    AuthorDomain author = AuthorDomain.fromFieldValue(value);
    // THEN
    assertThat(author.status()).as(author.reason()).isEqualTo(status);
  }

  @Test
  void should_list_every_domain_when_the_from_field_has_several_addresses() {
    // WHEN
    AuthorDomain author = AuthorDomain.fromFieldValue("A <a@example.com>, Team: b@EXAMPLE.org, c@example.com;");
    // THEN
    assertThat(author.status()).isEqualTo(AuthorDomain.Status.SEVERAL_ADDRESSES);
    assertThat(author.domains()).containsExactly("example.com", "example.org");
    assertThat(author.addresses()).containsExactly("a@example.com", "b@EXAMPLE.org", "c@example.com");
    assertThat(author.domain()).isEmpty();
    assertThat(author.isUsable()).isTrue();
    assertThat(author.reason()).isEqualTo("the From field holds 3 addresses, from the domains example.com, example.org");
  }

  @Test
  void should_give_the_one_domain_when_several_addresses_share_it() {
    // WHEN
    AuthorDomain author = AuthorDomain.fromFieldValue("a@example.com, b@example.com");
    // THEN
    assertThat(author.status()).isEqualTo(AuthorDomain.Status.SEVERAL_ADDRESSES);
    assertThat(author.domain()).contains("example.com");
  }

  @Test
  void should_explain_the_problem_when_the_from_field_has_only_a_display_name() {
    // WHEN
    AuthorDomain author = AuthorDomain.fromFieldValue("\"Test User\"");
    // THEN
    assertThat(author.reason()).isEqualTo("the From field \"\"Test User\"\" holds a display name but no address");
  }

  @Test
  void should_read_the_from_field_of_a_message_when_it_is_folded() {
    // GIVEN
    byte[] message = "Subject: x\r\nFrom: \"Sample\r\n User\" <user@\r\n\tsample.co.jp>\r\n\r\nbody".getBytes(StandardCharsets.UTF_8);
    // WHEN
    AuthorDomain author = AuthorDomain.fromMessage(message);
    // THEN
    assertThat(author.domain()).contains("sample.co.jp");
  }

  @Test
  void should_give_several_from_fields_when_the_message_has_two() {
    // GIVEN
    byte[] message = "From: a@example.com\nFrom: b@example.com\n\nbody".getBytes(StandardCharsets.UTF_8);
    // WHEN
    AuthorDomain author = AuthorDomain.fromMessage(message);
    // THEN
    assertThat(author).isEqualTo(new AuthorDomain(AuthorDomain.Status.SEVERAL_FROM_FIELDS, List.of(), List.of(),
        "the message has 2 From fields; RFC 5322 allows exactly one"));
  }

  @Test
  void should_give_unparseable_when_a_domain_is_given_directly_and_is_not_valid() {
    assertThat(AuthorDomain.of("not a domain").status()).isEqualTo(AuthorDomain.Status.UNPARSEABLE);
    assertThat(AuthorDomain.of(null).status()).isEqualTo(AuthorDomain.Status.UNPARSEABLE);
    assertThat(AuthorDomain.of("Sample.CO.jp").domain()).contains("sample.co.jp");
  }
}
