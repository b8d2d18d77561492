package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.testing.RawSmtpClient;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The envelope-sender failures quote the {@code MAIL} command as the client sent it, parameters
 * included, from the mail's transcript: what a developer greps their MTA's log or code for.
 */
@MailDeliverability(domain = "sample.co.jp")
class EnvelopeSenderAsSentTest {

  private static CapturedMail sentBy(SmtpEndpoint smtp, CapturedMails mails, String mailCommand) throws IOException {
    try (RawSmtpClient client = new RawSmtpClient(smtp.host(), smtp.port())) {
      client.command("EHLO localhost.localdomain");
      client.command(mailCommand);
      client.command("RCPT TO:<user@example.com>");
      client.command("DATA");
      client.send("Subject: Welcome\r\n\r\nHello\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      client.command(".");
    }
    return mails.single();
  }

  @Test
  void should_quote_the_mail_command_with_its_parameters_when_the_domain_differs(SmtpEndpoint smtp,
      CapturedMails mails) throws IOException {
    CapturedMail mail = sentBy(smtp, mails, "MAIL FROM:<apache@localhost.localdomain> BODY=8BITMIME SIZE=29");
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasEnvelopeSenderDomain("sample.co.jp"))
        .withMessage(String.format("%nExpecting the envelope sender (MAIL FROM) of%n"
            + "  mail #1 from <apache@localhost.localdomain> to [user@example.com] \"Welcome\"%n"
            + "to be in domain:%n"
            + "  sample.co.jp%n"
            + "but was:%n"
            + "  <apache@localhost.localdomain>%n"
            + "as the client sent it:%n"
            + "  MAIL FROM:<apache@localhost.localdomain> BODY=8BITMIME SIZE=29%n"
            + "Receivers check SPF for this domain, write it as Return-Path and send bounces there.%n"
            + "Fix: set the envelope sender to an address in sample.co.jp: Jakarta Mail"
            + " mail.smtp.from=no-reply@sample.co.jp (Spring Boot: spring.mail.properties.mail.smtp.from);"
            + " PHP -fno-reply@sample.co.jp in sendmail_path or as mail()'s fifth argument;"
            + " sendmail MASQUERADE_AS(`sample.co.jp') with FEATURE(`masquerade_envelope')"));
  }

  @Test
  void should_quote_the_mail_command_as_written_when_the_sender_differs(SmtpEndpoint smtp, CapturedMails mails)
      throws IOException {
    CapturedMail mail = sentBy(smtp, mails, "mail from:<Shop@Sample.co.jp>");
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasEnvelopeSender("no-reply@sample.co.jp"))
        .withMessage(String.format("%nExpecting the envelope sender (MAIL FROM) of%n"
            + "  mail #1 from <Shop@Sample.co.jp> to [user@example.com] \"Welcome\"%n"
            + "to be:%n"
            + "  <no-reply@sample.co.jp>%n"
            + "but was:%n"
            + "  <Shop@Sample.co.jp>%n"
            + "as the client sent it:%n"
            + "  mail from:<Shop@Sample.co.jp>"));
  }

  @Test
  void should_quote_the_mail_command_when_a_bounce_has_a_sender(SmtpEndpoint smtp, CapturedMails mails)
      throws IOException {
    CapturedMail mail = sentBy(smtp, mails, "MAIL FROM:<mailer-daemon@sample.co.jp>");
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasNullSender())
        .withMessage(String.format("%nExpecting the envelope sender (MAIL FROM) of%n"
            + "  mail #1 from <mailer-daemon@sample.co.jp> to [user@example.com] \"Welcome\"%n"
            + "to be the null sender <> (as bounces and auto-replies must be, RFC 5321 section 4.5.5)%n"
            + "but was:%n"
            + "  <mailer-daemon@sample.co.jp>%n"
            + "as the client sent it:%n"
            + "  MAIL FROM:<mailer-daemon@sample.co.jp>"));
  }
}
