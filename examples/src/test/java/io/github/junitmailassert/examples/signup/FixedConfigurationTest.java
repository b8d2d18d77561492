package io.github.junitmailassert.examples.signup;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;

import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.mail.SmtpEndpoint;
import org.junit.jupiter.api.Test;

/**
 * The fixed configuration, checked twice: with assertions, and by the CI gate
 * ({@code verifyEachTest}) which fails any test whose mail would not pass, with no assertion written.
 */
@MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", clientHostName = "mail.sample.co.jp",
    spf = "v=spf1 ip4:203.0.113.25 -all", verifyEachTest = true)
class FixedConfigurationTest {

  @Test
  void welcome_mail_is_sent_as_sample_co_jp(SmtpEndpoint smtp, CapturedMails mails) throws Exception {
    SignupMailer mailer = new SignupMailer(MailSettings.fixed(smtp.host(), smtp.port(), "sample.co.jp"),
        "no-reply@sample.co.jp");

    mailer.sendWelcome("user@example.com");

    assertThat(mails.single())
        .hasEnvelopeSender("bounces@sample.co.jp")
        .hasHeloName("mail.sample.co.jp")
        .hasMessageIdDomain("sample.co.jp")
        .hasNoLocalNameLeaks();
  }

  @Test
  void password_reset_passes_the_gate_without_any_assertion(SmtpEndpoint smtp) throws Exception {
    new SignupMailer(MailSettings.fixed(smtp.host(), smtp.port(), "sample.co.jp"), "no-reply@sample.co.jp")
        .sendPasswordReset("user@example.com", "https://sample.co.jp/reset/abc");
  }
}
