package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.testing.Received;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReceiverResultAssert_isNotListedOn_Test {

  private final DnsZone zone = DnsZone.create()
      .a("25.113.0.203.zen.dnsbl.example", "127.0.0.2")
      .txt("25.113.0.203.zen.dnsbl.example", "listed for sending spam traps mail")
      .a("1.0.0.127.zen.dnsbl.example", "127.0.0.2") // the RFC 5782 test entry
      .timeout("25.113.0.203.slow.dnsbl.example");

  private CapturedMail mailFrom(String ip) {
    return Received.mail(Received.view(zone, ip), "a@sample.co.jp", "mail.sample.co.jp",
        "From: a@sample.co.jp\r\nSubject: hi\r\n\r\nx\r\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void should_pass_when_no_list_has_the_client_ip_or_a_list_cannot_be_asked() {
    assertThat(mailFrom("198.51.100.7")).receiver().isNotListedOn("zen.dnsbl.example", "slow.dnsbl.example");
    assertThat(mailFrom("203.0.113.25")).receiver().isNotListedOn("slow.dnsbl.example");
  }

  @Test
  void should_fail_naming_the_list_its_return_code_and_reason() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mailFrom("203.0.113.25")).receiver().isNotListedOn("zen.dnsbl.example", "other.dnsbl.example"))
        .withMessage(String.format("%nExpecting the client IP 203.0.113.25 (declared by the test; the socket address"
            + " was 127.0.0.1) of%n  mail #1 from <a@sample.co.jp> to [user@example.com] \"hi\"%n"
            + "to be on no block list but it is on 1:%n"
            + "  - zen.dnsbl.example: 25.113.0.203.zen.dnsbl.example -> 127.0.0.2 (listed for sending spam traps mail)%n"
            + "Receivers that use these lists reject the mail or score it as spam. Fix: send from another address,"
            + " or have it delisted after fixing the cause."));
  }
}
