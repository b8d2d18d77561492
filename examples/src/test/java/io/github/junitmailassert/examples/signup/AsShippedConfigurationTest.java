package io.github.junitmailassert.examples.signup;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.mail.SmtpEndpoint;
import org.junit.jupiter.api.Test;

/** The configuration as shipped: the library names every leak of the machine's name, and the fix. */
@MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25")
class AsShippedConfigurationTest {

  @Test
  void password_reset_mail_leaks_the_machine_name(SmtpEndpoint smtp, CapturedMails mails) throws Exception {
    SignupMailer mailer = new SignupMailer(
        MailSettings.asShipped(smtp.host(), smtp.port(), "localhost.localdomain"), "no-reply@sample.co.jp");

    mailer.sendPasswordReset("user@example.com", "https://sample.co.jp/reset/abc");

    CapturedMail mail = mails.single();
    String messageId = mail.header("Message-ID").orElseThrow(); // unique per mail, so taken from the mail
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasNoLocalNameLeaks())
        .withMessage(String.format("%n"
            + "Expecting no local host names in%n"
            + "  mail #1 from <no-reply@sample.co.jp> to [user@example.com] \"Reset your password\"%n"
            + "but found 2:%n"
            + "  - HELO/EHLO localhost.localdomain: localhost.localdomain is the name every machine gives itself%n"
            + "  - Message-ID %s: localhost.localdomain is the name every machine gives itself%n"
            + "Receivers take these for a misconfigured server: SPF cannot pass for them, and strict receivers"
            + " reject the mail.%n"
            + "How to fix:%n"
            + "  - set the name the client greets with: Jakarta Mail mail.smtp.localhost=mail.sample.co.jp;"
            + " sendmail define(`confDOMAIN_NAME', `mail.sample.co.jp'); Postfix myhostname = mail.sample.co.jp%n"
            + "  - make Message-ID end in your domain: Jakarta Mail takes it from mail.from"
            + " (set mail.from=no-reply@sample.co.jp) or from mail.user and mail.host;"
            + " sendmail define(`confDOMAIN_NAME', `mail.sample.co.jp')", messageId));
    // Jakarta Mail takes the envelope sender from From when mail.smtp.from is not set: that part is fine here.
    assertThat(mail).hasEnvelopeSenderDomain("sample.co.jp");
  }
}
