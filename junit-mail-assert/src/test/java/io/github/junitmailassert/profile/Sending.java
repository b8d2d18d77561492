package io.github.junitmailassert.profile;

import io.github.junitmailassert.dkim.DkimAlgorithm;
import io.github.junitmailassert.dkim.DkimKeyPair;
import io.github.junitmailassert.dkim.TestSigner;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.testing.RawSmtpClient;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * A sender of sample.co.jp with everything the receivers ask for (SPF, DKIM, DMARC, forward and
 * reverse DNS, STARTTLS, RFC 5322, one-click unsubscribe); each test takes away one thing, then
 * sends through the capture server: Jakarta Mail (Angus) over STARTTLS, or a raw SMTP client for
 * the null sender, which Jakarta Mail cannot send.
 */
final class Sending {

  static final String IP = "203.0.113.25";

  private final SmtpEndpoint smtp;
  private final DnsZone zone;
  private final CapturedMails mails;

  boolean tls = true;
  boolean signed = true;
  boolean ptr = true;
  String envelopeSender = "bounces@sample.co.jp";
  String helo = "mail.sample.co.jp";
  String recipient = "user@example.com";
  String from = "From: Sample Shop <shop@sample.co.jp>\r\n";
  String messageId = "Message-ID: <n1@sample.co.jp>\r\n";
  String date = "Date: Fri, 27 Nov 2026 10:00:00 +0900\r\n";
  String signingDomain = "sample.co.jp";
  String dmarc = "v=DMARC1; p=none";
  String unsubscribe = "List-Unsubscribe: <https://sample.co.jp/u/1>\r\n"
      + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";

  Sending(SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) {
    this.smtp = smtp;
    this.zone = zone;
    this.mails = mails;
    zone.spf("sample.co.jp", "v=spf1 ip4:" + IP + " -all");
  }

  /** Sends the mail as configured and returns it as captured. */
  CapturedMail send() throws Exception {
    if (ptr) {
      zone.sendingHost("mail.sample.co.jp", IP);
    }
    if (!dmarc.isEmpty()) {
      zone.dmarc("sample.co.jp", dmarc);
    }
    String message = from + "To: " + recipient + "\r\n" + date + messageId + "Subject: News\r\n" + unsubscribe
        + "\r\nNews.\r\n";
    byte[] bytes = signed
        ? TestSigner.with(DkimKeyPair.publishedIn(zone, "n1", signingDomain, DkimAlgorithm.ED25519_SHA256))
            .sign(message)
        : message.getBytes(StandardCharsets.UTF_8);
    if (envelopeSender.isEmpty()) {
      sendRaw(bytes);
    } else {
      sendWithJakartaMail(bytes);
    }
    return mails.single();
  }

  private void sendWithJakartaMail(byte[] bytes) throws Exception {
    Properties p = smtp.javaMailProperties();
    p.setProperty("mail.smtp.from", envelopeSender);
    p.setProperty("mail.smtp.localhost", helo);
    if (tls) {
      p.setProperty("mail.smtp.starttls.enable", "true");
      p.setProperty("mail.smtp.starttls.required", "true");
      p.setProperty("mail.smtp.ssl.trust", "*");
    }
    Session session = Session.getInstance(p);
    MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(bytes));
    // sendMessage, not Transport.send: no saveChanges, so the signed bytes go out as they are
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect();
      transport.sendMessage(message, new InternetAddress[] {new InternetAddress(recipient)});
    }
  }

  private void sendRaw(byte[] bytes) throws IOException {
    try (RawSmtpClient client = new RawSmtpClient(smtp.host(), smtp.port())) {
      client.command("EHLO " + helo);
      client.command("MAIL FROM:<>");
      client.command("RCPT TO:<" + recipient + ">");
      client.command("DATA");
      client.send(bytes);
      client.command(".");
    }
  }
}
