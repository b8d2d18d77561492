package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.testing.Received;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A percent sign in what a mail or its DNS holds is shown as it is, never doubled or taken for a format. */
class PercentInMessagesTest {

  private final DnsZone zone = DnsZone.create()
      .a("25.113.0.203.zen.dnsbl.example", "127.0.0.2").txt("25.113.0.203.zen.dnsbl.example", "100% spam")
      .spf("sample.co.jp", "v=spf1 -all");

  private final CapturedMail mail = Received.mail(Received.view(zone, "203.0.113.25"), "bounces@sample.co.jp",
      "100%.rel.test", "From: a@sample.co.jp\r\nSubject: 100%\r\n\r\nx\r\n".getBytes(StandardCharsets.UTF_8));

  @Test
  void should_show_a_helo_name_with_a_percent_sign_once_in_spf_and_sending_host_failures() {
    assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(mail).spf().isPass())
        .withMessageContaining("helo=100%.rel.test;").withMessageNotContaining("%%");
    assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(mail).sendingHost().hasValidHeloName())
        .withMessageContaining("HELO 100%.rel.test)").withMessageNotContaining("%%");
    assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(mail).hasHeloName("other"))
        .withMessageContaining("100%.rel.test").withMessageNotContaining("%%");
  }

  @Test
  void should_show_a_block_list_reason_with_a_percent_sign_once() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).receiver().isNotListedOn("zen.dnsbl.example"))
        .withMessageContaining("-> 127.0.0.2 (100% spam)").withMessageNotContaining("%%");
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).receiver().passes(io.github.junitmailassert.check.MailCheck.SPF))
        .withMessageContaining("\"100%\"").withMessageNotContaining("%%");
  }
}
