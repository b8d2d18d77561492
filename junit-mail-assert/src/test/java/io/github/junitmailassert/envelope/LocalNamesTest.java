package io.github.junitmailassert.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.format.HeaderSanity;
import io.github.junitmailassert.testing.Mails;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LocalNamesTest {

  @ParameterizedTest(name = "{0} is local: {1}")
  @CsvSource(delimiter = '|', value = {
      "localhost | the name every machine gives itself",
      "LOCALHOST.localdomain. | the name every machine gives itself",
      "web01.localdomain | under .localdomain, which exists only on local networks",
      "printer.local | under .local, which exists only on local networks",
      "ip-10-0-0-1.ec2.internal | under .internal, which exists only on local networks",
      "3f2a9c1e7b4d | a dotless host name (a machine or container name, not a domain)",
      "[127.0.0.1] | a loopback address",
      "192.168.1.20 | a private address",
      "[IPv6:::1] | a loopback address",
      "fd00::5 | a private address",
      "169.254.0.3 | a link-local address"})
  void should_find_local_names(String host, String why) {
    assertThat(LocalNames.whyLocal(host)).contains(why);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mail.sample.co.jp", "sample.co.jp", "[203.0.113.25]", "2001:db8::25", "localhost.example.com"})
  void should_not_flag_public_names(String host) {
    assertThat(LocalNames.whyLocal(host)).isEmpty();
  }

  @Test
  void should_find_every_leak_of_the_default_sendmail_with_its_place() {
    assertThat(LocalNames.findLeaks(Mails.leakySendmail())).extracting(LocalNameLeak::describe).containsExactly(
        "MAIL FROM <root@localhost.localdomain>: localhost.localdomain is the name every machine gives itself",
        "HELO/EHLO localhost.localdomain: localhost.localdomain is the name every machine gives itself",
        "From root <root@localhost.localdomain>: localhost.localdomain is the name every machine gives itself",
        "Message-ID <202611271000.4ARA0A0B000001@localhost.localdomain>: localhost.localdomain is the name every"
            + " machine gives itself",
        "Received by localhost.localdomain (8.17.1.9/8.17.1.9/Submit) id 4ARA0A0B000001; Fri, 27 Nov 2026 10:00:00 GMT:"
            + " localhost.localdomain is the name every machine gives itself");
  }

  @Test
  void should_not_take_the_words_of_a_received_field_for_host_names() {
    // sendmail's submission hop: the local user in a comment, then the public name
    var mail = io.github.junitmailassert.mail.CapturedMail.builder().envelopeSender("root@sample.co.jp")
        .rawMessage("Received: (from root@localhost)\r\n\tby mail.sample.co.jp (8.17.1.9/8.17.1.9/Submit) id 4ARA;"
            + " Fri, 27 Nov 2026 10:00:00 GMT\r\nFrom: root@sample.co.jp\r\n\r\nx\r\n")
        .build();
    assertThat(LocalNames.findLeaks(mail)).isEmpty();
  }

  @Test
  void should_read_hostile_headers_without_lookups_or_slow_matching() {
    // GIVEN header values built to make a backtracking matcher rescan to their end at every step
    String received = "from [".repeat(40_000) + "x";
    String from = "@[".repeat(40_000);
    var mail = io.github.junitmailassert.mail.CapturedMail.builder().envelopeSender("a@sample.co.jp")
        .rawMessage("Received: " + received + "\r\nFrom: " + from + "\r\nReply-To: x@[999.1.1.1]\r\n"
            + "Date: Fri, 27 Nov 2026 10:00:00 +0000 " + "(".repeat(40_000) + "\r\n\r\nb\r\n")
        .build();
    // WHEN / THEN: typed findings, and "999.1.1.1" is no address, so nothing is looked up
    assertThat(LocalNames.findLeaks(mail)).extracting(LocalNameLeak::localName).doesNotContain("[999.1.1.1]");
    assertThat(HeaderSanity.check(mail)).extracting(Finding::text).contains("there is no Message-ID (RFC 5322 section"
        + " 3.6.4: SHOULD); Gmail scores mail without one as suspicious");
    assertThat(LocalNames.whyLocal("[1.2.3.400]")).isEmpty();
  }

  @Test
  void should_find_no_leak_in_a_correctly_named_sender() {
    assertThat(LocalNames.findLeaks(Mails.clean())).isEmpty();
  }
}
