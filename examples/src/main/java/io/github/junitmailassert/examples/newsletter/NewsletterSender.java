package io.github.junitmailassert.examples.newsletter;

import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.email.config.DkimConfig;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;

/** Sends the monthly newsletter with Simple Java Mail, DKIM-signed. */
public final class NewsletterSender {

  /**
   * Where and how to send: SMTP server, envelope sender (bounces), HELO name and the DKIM key
   * (none: the mail goes out unsigned).
   * Simple Java Mail insists on STARTTLS; {@code verifyServerCertificate} is false only in tests,
   * whose capture server has a self-signed certificate (for localhost and 127.0.0.1, so the host
   * name check still runs).
   */
  public record Settings(String smtpHost, int smtpPort, boolean verifyServerCertificate, String bounceAddress,
      String heloName, byte[] dkimPrivateKeyPkcs8, String dkimDomain, String dkimSelector) {}

  private final Settings settings;
  private final Mailer mailer;

  public NewsletterSender(Settings settings) {
    this.settings = settings;
    this.mailer = MailerBuilder.withSMTPServer(settings.smtpHost(), settings.smtpPort())
        .withProperty("mail.smtp.localhost", settings.heloName())
        .trustingAllHosts(!settings.verifyServerCertificate())
        .buildMailer();
  }

  public void send(String to, String subject, String text) {
    var builder = EmailBuilder.startingBlank()
        .from("Sample Shop", "news@sample.co.jp")
        .to(to)
        .withBounceTo(settings.bounceAddress())
        .withHeader("List-Unsubscribe", "<https://sample.co.jp/unsubscribe>")
        .withHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
        .withSubject(subject)
        .withPlainText(text);
    if (settings.dkimPrivateKeyPkcs8() != null) {
      builder.signWithDomainKey(DkimConfig.builder()
          .dkimPrivateKeyData(settings.dkimPrivateKeyPkcs8())
          .dkimSigningDomain(settings.dkimDomain())
          .dkimSelector(settings.dkimSelector())
          .build());
    }
    Email email = builder.buildEmail();
    mailer.sendMail(email);
  }
}
