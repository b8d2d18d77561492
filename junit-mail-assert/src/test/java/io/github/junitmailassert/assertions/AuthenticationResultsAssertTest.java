package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.testing.Received;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AuthenticationResultsAssertTest {

  private final DnsZone zone = DnsZone.create().spf("esp.example", "v=spf1 ip4:203.0.113.25 -all");

  private final CapturedMail mail = Received.mail(Received.view(zone, "203.0.113.25"), "bounce@esp.example",
      "mail.esp.example", ("From: shop@sample.co.jp\r\nSubject: News\r\nDate: Fri, 27 Nov 2026 10:00:00 +0900\r\n"
          + "Message-ID: <1@sample.co.jp>\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8));

  @Test
  void should_pass_for_the_results_and_properties_the_receiver_writes() {
    assertThat(mail).authenticationResults().hasResult("spf", "pass").hasResult("dkim", "none")
        .hasResult("dmarc", "none").hasProperty("spf", "smtp.mailfrom", "esp.example")
        .returnToMail().hasEnvelopeSender("bounce@esp.example");
  }

  @Test
  void should_fail_with_the_field_as_written_when_a_method_has_another_result() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).authenticationResults().hasResult("dkim", "pass"))
        .withMessage(String.format("%nExpecting the receiver's%n"
            + "  Authentication-Results: mx.receiver.test; spf=pass smtp.mailfrom=esp.example; dkim=none; dmarc=none"
            + " header.from=sample.co.jp%n"
            + "to have dkim=pass but it does not"));
  }

  @Test
  void should_fail_when_no_result_of_the_method_has_the_property() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).authenticationResults().hasProperty("spf", "smtp.mailfrom", "sample.co.jp"))
        .withMessageEndingWith(String.format("%nto have a spf result with smtp.mailfrom=sample.co.jp but it does not"));
  }
}
