package io.github.junitmailassert.senders;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static io.github.junitmailassert.senders.support.ExpectedReport.assertMachineNameLeaks;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.mail.SmtpEndpoint;
import org.apache.commons.mail2.core.EmailException;
import org.apache.commons.mail2.jakarta.SimpleEmail;
import org.junit.jupiter.api.Test;

/** Apache Commons Email 2 (Jakarta): host and port only, then with bounce address and session properties. */
@MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", spf = "v=spf1 ip4:203.0.113.25 -all")
class CommonsEmailTest {

  @Test
  void should_report_the_machine_name_in_EHLO_and_Message_ID_when_only_host_and_port_are_set(
      SmtpEndpoint smtp, CapturedMails mails) throws Exception {
    // GIVEN
    SimpleEmail email = passwordReset(smtp);

    // WHEN
    String messageIdReturned = email.send();

    // THEN
    CapturedMail mail = mails.single();
    assertThat(mail).hasEnvelopeSender("support@sample.co.jp").spf().isPass();
    assertThat(mail.header("Message-ID")).contains(messageIdReturned);
    assertMachineNameLeaks(mail,
        "mail #1 from <support@sample.co.jp> to [user@example.com] \"Reset your password\"");
  }

  @Test
  void should_pass_when_the_bounce_address_and_the_session_s_host_name_and_mail_from_are_set(
      SmtpEndpoint smtp, CapturedMails mails) throws Exception {
    // GIVEN
    SimpleEmail email = passwordReset(smtp);
    email.setBounceAddress("bounces@sample.co.jp");
    // Commons Email has no setter for these: they go into the session it builds.
    email.getMailSession().getProperties().setProperty("mail.smtp.localhost", "mail.sample.co.jp");
    email.getMailSession().getProperties().setProperty("mail.from", "support@sample.co.jp");

    // WHEN
    email.send();

    // THEN
    assertThat(mails.single())
        .hasEnvelopeSender("bounces@sample.co.jp")
        .hasHeloName("mail.sample.co.jp")
        .hasMessageIdDomain("sample.co.jp")
        .hasNoLocalNameLeaks()
        .spf().isPass();
  }

  private static SimpleEmail passwordReset(SmtpEndpoint smtp) throws EmailException {
    SimpleEmail email = new SimpleEmail();
    email.setHostName(smtp.host());
    email.setSmtpPort(smtp.port());
    email.setFrom("support@sample.co.jp", "Sample Shop");
    email.addTo("user@example.com");
    email.setSubject("Reset your password");
    email.setMsg("Open https://sample.co.jp/reset/abc to choose a new password.");
    return email;
  }
}
