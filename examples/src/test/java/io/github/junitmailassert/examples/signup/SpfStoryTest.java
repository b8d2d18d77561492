package io.github.junitmailassert.examples.signup;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.mail.SmtpEndpoint;
import org.junit.jupiter.api.Test;

/**
 * The story this project comes from: password-reset mail from apache@localhost.localdomain, which
 * receivers log as {@code Received-SPF: none} for a domain that cannot have a record, lands in
 * spam. With the envelope sender in sample.co.jp and an SPF record that lists the sending IP, SPF
 * passes.
 */
@MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", clientHostName = "mail.sample.co.jp",
    spf = "v=spf1 ip4:203.0.113.25 -all")
class SpfStoryTest {

  @Test
  void the_legacy_web_server_fails_spf(SmtpEndpoint smtp, CapturedMails mails) throws Exception {
    new SignupMailer(MailSettings.legacyWebServer(smtp.host(), smtp.port()), "no-reply@sample.co.jp")
        .sendPasswordReset("user@example.com", "https://sample.co.jp/reset/abc");

    CapturedMail mail = mails.single();
    assertThat(mail).spf().isNone();
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).spf().isPass())
        .withMessage(String.format("%n"
            + "Expecting SPF for the MAIL FROM identity of%n"
            + "  mail #1 from <apache@localhost.localdomain> to [user@example.com] \"Reset your password\"%n"
            + "to be pass but it was none, as a receiver would write it:%n"
            + "  Received-SPF: none (mx.receiver.test: domain of apache@localhost.localdomain does not designate"
            + " permitted sender hosts) client-ip=203.0.113.25; envelope-from=\"apache@localhost.localdomain\";"
            + " helo=localhost.localdomain; receiver=mx.receiver.test; identity=mailfrom%n"
            + "Checked with the client IP 203.0.113.25 (declared by the test; the socket address was 127.0.0.1).%n"
            + "Trace:%n"
            + "  localhost.localdomain TXT -> NXDOMAIN%n"
            + "  localhost.localdomain has no SPF record%n"
            + "Fix: no SPF record can exist for localhost.localdomain: put the envelope sender in your own domain"
            + " first, then publish TXT \"v=spf1 ip4:203.0.113.25 -all\" there"));
  }

  @Test
  void the_fixed_sender_passes_spf_and_reverse_dns(SmtpEndpoint smtp, CapturedMails mails) throws Exception {
    new SignupMailer(MailSettings.fixed(smtp.host(), smtp.port(), "sample.co.jp"), "no-reply@sample.co.jp")
        .sendPasswordReset("user@example.com", "https://sample.co.jp/reset/abc");

    CapturedMail mail = mails.single();
    assertThat(mail).hasEnvelopeSenderDomain("sample.co.jp").hasNoLocalNameLeaks();
    assertThat(mail).spf().isPass().hasMechanism("ip4:203.0.113.25");
    assertThat(mail).sendingHost().hasForwardConfirmedReverseDns().hasValidHeloName();
  }
}
