package io.github.junitmailassert.senders;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static io.github.junitmailassert.senders.support.ExpectedReport.assertMachineNameLeaks;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.mail.SmtpEndpoint;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Mail (Angus) as most applications set it up, with only the SMTP host and port, and with
 * the three properties that give the mail the sending domain's identity.
 */
@MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", spf = "v=spf1 ip4:203.0.113.25 -all")
class JakartaMailTest {

  @Test
  void should_report_the_machine_name_in_EHLO_and_Message_ID_when_the_session_has_only_host_and_port(
      SmtpEndpoint smtp, CapturedMails mails) throws Exception {
    // GIVEN a default session
    Session session = Session.getInstance(smtp.javaMailProperties());

    // WHEN
    sendOrderConfirmation(session);

    // THEN the envelope sender is the From address, but the machine's own name shows
    CapturedMail mail = mails.single();
    assertThat(mail).hasEnvelopeSender("no-reply@sample.co.jp").spf().isPass();
    // This machine's name is whatever it is: take it the way Jakarta Mail does.
    assertMachineNameLeaks(mail,
        "mail #1 from <no-reply@sample.co.jp> to [user@example.com] \"Your order\"");
  }

  @Test
  void should_pass_when_the_session_sets_the_envelope_sender_the_host_name_and_mail_from(
      SmtpEndpoint smtp, CapturedMails mails) throws Exception {
    // GIVEN the session as fixed
    Properties properties = smtp.javaMailProperties();
    properties.setProperty("mail.smtp.from", "bounces@sample.co.jp");     // MAIL FROM
    properties.setProperty("mail.smtp.localhost", "mail.sample.co.jp");   // EHLO
    properties.setProperty("mail.from", "no-reply@sample.co.jp");         // the Message-ID's domain
    Session session = Session.getInstance(properties);

    // WHEN
    sendOrderConfirmation(session);

    // THEN
    assertThat(mails.single())
        .hasEnvelopeSender("bounces@sample.co.jp")
        .hasHeloName("mail.sample.co.jp")
        .hasMessageIdDomain("sample.co.jp")
        .hasNoLocalNameLeaks()
        .spf().isPass();
  }

  private static void sendOrderConfirmation(Session session) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress("no-reply@sample.co.jp"));
    message.setRecipients(Message.RecipientType.TO, "user@example.com");
    message.setSubject("Your order", "UTF-8");
    message.setText("Thank you for your order.", "UTF-8");
    Transport.send(message);
  }
}
