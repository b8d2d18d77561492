package io.github.junitmailassert.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressesTest {

  @Test
  void should_give_lower_cased_domains_without_trailing_dots_when_the_value_is_an_address_list() {
    assertThat(Addresses.domains("Root <root@LocalHost.LocalDomain.>, Team: a@B.example;"))
        .containsExactly("localhost.localdomain", "b.example");
    assertThat(Addresses.firstDomain("<20261127.1@Mail.Sample.co.jp>")).contains("mail.sample.co.jp");
    assertThat(Addresses.domains("root")).isEmpty();
  }

  @Test
  void should_still_find_the_domains_when_the_value_is_not_an_address_list() {
    assertThat(Addresses.domains("root@localhost <root@localhost>")).containsExactly("localhost", "localhost");
    assertThat(Addresses.domains("x@y.local root")).containsExactly("y.local");
    assertThat(Addresses.domains("<>")).isEmpty();
  }
}
