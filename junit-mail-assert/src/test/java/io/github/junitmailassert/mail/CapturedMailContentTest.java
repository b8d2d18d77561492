package io.github.junitmailassert.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.testing.RawSmtpClient;
import io.github.junitmailassert.testing.Send;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parsed MimeMessage, the .eml export and the decoded content of mails the capture server took. */
@MailDeliverability
class CapturedMailContentTest {

  @Test
  void should_give_a_new_mime_message_each_time_that_cannot_change_the_mail(SmtpEndpoint smtp, CapturedMails mails)
      throws Exception {
    Send.mail(smtp, "no-reply@sample.co.jp", "user@example.com", "パスワードの再設定");
    CapturedMail mail = mails.single();
    byte[] before = mail.rawMessage();

    MimeMessage first = mail.mimeMessage();
    assertThat(first.getSubject()).isEqualTo("パスワードの再設定");
    first.setSubject("changed");
    first.setText("changed");
    first.saveChanges();
    first.getSession().getProperties().setProperty("mail.mime.allowutf8", "false");

    MimeMessage second = mail.mimeMessage();
    assertThat(second).isNotSameAs(first);
    assertThat(second.getSession()).isNotSameAs(first.getSession());
    assertThat(second.getSubject()).isEqualTo("パスワードの再設定");
    assertThat(second.getContent()).isEqualTo("Hello\r\n");
    assertThat(mail.rawMessage()).isEqualTo(before);
    assertThat(mail.subject()).hasValue("パスワードの再設定");
    assertThat(mail.textBody()).hasValue("Hello\n");
  }

  @Test
  void should_export_the_message_exactly_as_received(SmtpEndpoint smtp, CapturedMails mails, @TempDir Path dir)
      throws Exception {
    Send.mail(smtp, "no-reply@sample.co.jp", "user@example.com", "Your order");
    CapturedMail mail = mails.single();
    Path eml = dir.resolve("mail.eml");
    mail.writeTo(eml);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    mail.writeTo(out);
    assertThat(Files.readAllBytes(eml)).isEqualTo(mail.rawMessage());
    assertThat(out.toByteArray()).isEqualTo(mail.rawMessage());
  }

  @Test
  void should_read_broken_mime_without_throwing(SmtpEndpoint smtp, CapturedMails mails) throws Exception {
    // GIVEN a multipart without its closing boundary, an unknown charset and an unknown transfer encoding
    try (RawSmtpClient client = new RawSmtpClient(smtp.host(), smtp.port())) {
      client.command("EHLO mail.sample.co.jp");
      client.sendMail("a@sample.co.jp", "From: a@sample.co.jp\r\nSubject: broken\r\nMIME-Version: 1.0\r\n"
          + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
          + "--b\r\nContent-Type: text/plain; charset=x-unknown\r\nContent-Transfer-Encoding: x-bogus\r\n\r\nhello\r\n"
          + "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=a.bin\r\n"
          + "Content-Transfer-Encoding: base64\r\n\r\n!!not base64!!\r\n", "user@example.com");
    }
    CapturedMail mail = mails.single();
    // THEN the content reads as far as it goes
    assertThat(mail.textBody()).hasValue("hello");
    assertThat(mail.htmlBody()).isEmpty();
    assertThat(mail.attachments()).extracting(MailAttachment::fileName).containsExactly("a.bin");
    MailAttachment broken = mail.attachments().get(0);
    assertThat(broken.content()).hasSize((int) broken.size());
    assertThat(mail.mimeMessage().getSubject()).isEqualTo("broken");
  }

  @Test
  void should_read_8bit_text_without_a_charset_as_utf8_and_list_an_attached_message(SmtpEndpoint smtp,
      CapturedMails mails) throws Exception {
    try (RawSmtpClient client = new RawSmtpClient(smtp.host(), smtp.port())) {
      client.command("EHLO mail.sample.co.jp");
      client.sendMail("a@sample.co.jp", "From: a@sample.co.jp\r\nSubject: fwd\r\nMIME-Version: 1.0\r\n"
          + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
          + "--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\nご確認ください\r\n"
          + "--b\r\nContent-Type: message/rfc822\r\n\r\nFrom: b@example.com\r\nSubject: original\r\n\r\nhi\r\n"
          + "--b--\r\n", "user@example.com");
    }
    CapturedMail mail = mails.single();
    assertThat(mail.textBody()).hasValue("ご確認ください");
    assertThat(mail.attachments()).hasToString("[\"\" (message/rfc822, 44 bytes)]");
    assertThat(new String(mail.attachments().get(0).content(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("From: b@example.com\r\nSubject: original\r\n\r\nhi");
    // Read once, on first use: the same list each time.
    assertThat(mail.attachments()).isSameAs(mail.attachments());
  }

  @Test
  void should_read_a_mail_without_a_body_or_headers(SmtpEndpoint smtp, CapturedMails mails) throws Exception {
    try (RawSmtpClient client = new RawSmtpClient(smtp.host(), smtp.port())) {
      client.command("EHLO mail.sample.co.jp");
      client.sendMail("a@sample.co.jp", "\r\n", "user@example.com");
    }
    CapturedMail mail = mails.single();
    assertThat(mail.textBody()).hasValue("");
    assertThat(mail.attachments()).isEmpty();
    assertThat(mail.addresses("From")).isEmpty();
  }

  @Test
  void should_make_attachments_by_hand_for_tests_of_consumers() {
    byte[] content = {1, 2, 3};
    MailAttachment attachment = MailAttachment.of("a.bin", "application/octet-stream", content);
    content[0] = 9;
    assertThat(attachment.content()).containsExactly(1, 2, 3);
    assertThat(attachment.size()).isEqualTo(3);
    assertThat(attachment).hasToString("\"a.bin\" (application/octet-stream, 3 bytes)");
    assertThat(new MailAddress("shop@sample.co.jp", "サンプル商店")).hasToString("\"サンプル商店\" <shop@sample.co.jp>");
    assertThat(new MailAddress("shop@sample.co.jp", "")).hasToString("shop@sample.co.jp");
  }
}
