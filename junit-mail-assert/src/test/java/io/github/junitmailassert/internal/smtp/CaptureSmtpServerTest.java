package io.github.junitmailassert.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.testing.RawSmtpClient;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CaptureSmtpServerTest extends CaptureServerTestBase {


  @Test
  void should_capture_one_mail_per_transaction_with_the_whole_envelope_when_jakarta_mail_sends() throws Exception {
    // GIVEN a Jakarta Mail (Angus) session configured as a careful sender would
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", server.host());
    p.setProperty("mail.smtp.port", Integer.toString(server.port()));
    p.setProperty("mail.smtp.from", "bounces@sample.co.jp");
    p.setProperty("mail.smtp.localhost", "mail.sample.co.jp");
    Session session = Session.getInstance(p);
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress("shop@sample.co.jp"));
    message.setRecipients(Message.RecipientType.TO, "alice@example.com, bob@example.net");
    message.setSubject("Your order");
    message.setText("Thank you.");
    // WHEN
    Transport.send(message);
    // THEN
    CapturedMail mail = mails.single();
    assertThat(mail.heloVerb()).contains("EHLO");
    assertThat(mail.heloName()).contains("mail.sample.co.jp");
    assertThat(mail.envelopeSender()).isEqualTo("bounces@sample.co.jp");
    assertThat(mail.recipients()).containsExactly("alice@example.com", "bob@example.net");
    assertThat(mail.clientAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(mail.header("From")).contains("shop@sample.co.jp");
    assertThat(mail.subject()).contains("Your order");
    assertThat(mail.isTls()).isFalse();
    assertThat(mail.authenticatedAs()).isEmpty();
  }

  @Test
  void should_keep_the_raw_bytes_exactly_and_undo_dot_stuffing() throws IOException {
    String message = "From: a@sample.co.jp\r\nSubject: dots\r\n\r\n..leading dot\r\n.\r\nline\r\n";
    try (RawSmtpClient client = new RawSmtpClient(server.host(), server.port())) {
      client.command("EHLO  odd   spacing ");
      assertThat(client.sendMail("a@sample.co.jp", message.replace("\r\n.\r\n", "\r\n..\r\n"), "x@example.com"))
          .isEqualTo("250 2.0.0 OK: captured");
    }
    CapturedMail mail = mails.single();
    assertThat(new String(mail.rawMessage(), StandardCharsets.UTF_8))
        .isEqualTo("From: a@sample.co.jp\r\nSubject: dots\r\n\r\n.leading dot\r\n.\r\nline\r\n");
    assertThat(mail.heloName()).contains(" odd   spacing ");
  }

  @Test
  void should_accept_the_null_sender_and_record_mail_from_parameters() throws IOException {
    try (RawSmtpClient client = new RawSmtpClient(server.host(), server.port())) {
      client.command("EHLO mail.sample.co.jp");
      assertThat(client.command("MAIL FROM:<> BODY=8BITMIME SMTPUTF8 SIZE=120")).isEqualTo("250 2.1.0 OK");
      assertThat(client.command("RCPT TO:<user@example.com>")).isEqualTo("250 2.1.5 OK");
      client.command("DATA");
      client.send("Subject: Undelivered Mail Returned to Sender\r\n\r\nbounce\r\n".getBytes(StandardCharsets.UTF_8));
      assertThat(client.command(".")).startsWith("250");
    }
    CapturedMail mail = mails.single();
    assertThat(mail.isNullSender()).isTrue();
    assertThat(mail.returnPath()).isEqualTo("<>");
    assertThat(mail.mailFromParameters()).containsEntry("BODY", "8BITMIME").containsEntry("SMTPUTF8", "")
        .containsEntry("SIZE", "120");
    assertThat(mail.uses8BitMime()).isTrue();
    assertThat(mail.usesSmtpUtf8()).isTrue();
  }

  @Test
  void should_record_the_auth_identity_and_tls_when_the_client_uses_them() throws MessagingException {
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", server.host());
    p.setProperty("mail.smtp.port", Integer.toString(server.port()));
    p.setProperty("mail.smtp.auth", "true");
    p.setProperty("mail.smtp.starttls.enable", "true");
    p.setProperty("mail.smtp.starttls.required", "true");
    p.setProperty("mail.smtp.ssl.trust", "*");
    p.setProperty("mail.smtp.ssl.checkserveridentity", "true"); // the certificate names 127.0.0.1
    Session session = Session.getInstance(p);
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress("shop@sample.co.jp"));
    message.setRecipients(Message.RecipientType.TO, "alice@example.com");
    message.setText("hi");

    Transport.send(message, "shop-user", "secret");

    CapturedMail mail = mails.single();
    assertThat(mail.authenticatedAs()).contains("shop-user");
    assertThat(mail.isTls()).isTrue();
    assertThat(mail.tlsProtocol()).hasValueSatisfying(v -> assertThat(v).startsWith("TLSv1."));
  }

  @Test
  void should_keep_working_after_garbage_broken_clients_and_odd_messages() throws IOException {
    try (RawSmtpClient client = new RawSmtpClient(server.host(), server.port())) {
      assertThat(client.command("HELLO?")).startsWith("500");
      assertThat(client.command("RCPT TO:<x@example.com>")).isEqualTo("503 5.5.1 MAIL first");
      assertThat(client.command("DATA")).isEqualTo("503 5.5.1 MAIL first");
      assertThat(client.command("MAIL FROM:nonsense<")).startsWith("501");
      assertThat(client.command("X".repeat(5000))).startsWith("500 5.5.2 Line too long");
      client.command("HELO localhost");
      // a message without headers, and one with 8-bit (UTF-8) header text
      assertThat(client.sendMail("a@sample.co.jp", "just a body line\r\n", "x@example.com")).startsWith("250");
      assertThat(client.sendMail("a@sample.co.jp", "Subject: ご注文ありがとうございます\r\n\r\n本文\r\n", "x@example.com"))
          .startsWith("250");
    }
    // a client that drops the connection inside DATA loses only its own transaction
    RawSmtpClient dropping = new RawSmtpClient(server.host(), server.port());
    dropping.command("HELO mail.sample.co.jp");
    dropping.command("MAIL FROM:<lost@sample.co.jp>");
    dropping.command("RCPT TO:<x@example.com>");
    dropping.command("DATA");
    dropping.send("Subject: half\r\n\r\nhalf a mess".getBytes(StandardCharsets.UTF_8));
    dropping.abort();
    // a 10 MB message
    byte[] line = ("x".repeat(998) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] big = new byte[10 * 1024 * 1024 / line.length * line.length];
    for (int i = 0; i < big.length; i += line.length) {
      System.arraycopy(line, 0, big, i, line.length);
    }
    try (RawSmtpClient client = new RawSmtpClient(server.host(), server.port())) {
      client.command("EHLO mail.sample.co.jp");
      client.command("MAIL FROM:<big@sample.co.jp>");
      client.command("RCPT TO:<x@example.com>");
      client.command("DATA");
      client.send("Subject: big\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      client.send(big);
      assertThat(client.command(".")).startsWith("250");
      assertThat(client.sendMail("after@sample.co.jp", "Subject: after\r\n\r\nok\r\n", "x@example.com")).startsWith("250");
    }

    assertThat(mails.await(4)).extracting(CapturedMail::envelopeSender)
        .containsExactly("a@sample.co.jp", "a@sample.co.jp", "big@sample.co.jp", "after@sample.co.jp");
    CapturedMail headerless = mails.all().get(0);
    assertThat(headerless.headerNames()).isEmpty();
    assertThat(headerless.bodyText()).isEqualTo("just a body line\r\n");
    assertThat(mails.all().get(1).subject()).contains("ご注文ありがとうございます");
    CapturedMail bigMail = mails.all().get(2);
    assertThat(bigMail.size()).isEqualTo("Subject: big\r\n\r\n".length() + big.length);
    assertThat(Arrays.equals(Arrays.copyOfRange(bigMail.rawMessage(), 16, bigMail.size()), big)).isTrue();
  }

  @Test
  void should_refuse_a_message_over_the_size_limit_and_keep_the_session_in_step() throws IOException {
    CapturedMails small = new CapturedMails();
    try (CaptureSmtpServer limited = CaptureSmtpServer.start(InetAddress.getLoopbackAddress(), "mx.receiver.test",
            b -> small.add(b.sequence(1).build()), 1000);
        RawSmtpClient client = new RawSmtpClient(limited.host(), limited.port())) {
      client.command("EHLO mail.sample.co.jp");
      // one endless line (no line end until the very last), then the end of data
      String huge = "Subject: big\r\n\r\n" + "x".repeat(200_000) + "\r\n";
      assertThat(client.sendMail("big@sample.co.jp", huge, "x@example.com"))
          .isEqualTo("552 5.3.4 Message too big (1000 bytes at most)");
      assertThat(client.sendMail("after@sample.co.jp", "Subject: after\r\n\r\nok\r\n", "x@example.com"))
          .isEqualTo("250 2.0.0 OK: captured");
    }
    assertThat(small.all()).extracting(CapturedMail::envelopeSender).containsExactly("after@sample.co.jp");
  }
}
