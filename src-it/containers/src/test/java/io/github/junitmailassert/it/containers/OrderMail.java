package io.github.junitmailassert.it.containers;

import io.github.junitmailassert.MailDeliverabilityExtension;
import io.github.junitmailassert.mail.CapturedMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** The fixed shop's order mail, sent from the JVM by Jakarta Mail as mail.sample.co.jp. */
final class OrderMail {

  private OrderMail() {}

  /** Sends it to {@code mail}'s capture server and returns it as captured. */
  static CapturedMail send(MailDeliverabilityExtension mail) throws MessagingException {
    Properties props = new Properties();
    props.setProperty("mail.smtp.host", mail.smtp().host());
    props.setProperty("mail.smtp.port", String.valueOf(mail.smtp().port()));
    props.setProperty("mail.smtp.localhost", "mail.sample.co.jp");
    props.setProperty("mail.smtp.from", "no-reply@sample.co.jp");
    MimeMessage message = new MimeMessage(Session.getInstance(props));
    message.setFrom(new InternetAddress("no-reply@sample.co.jp"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress("user@example.com"));
    message.setSubject("Your order");
    message.setText("Thank you for your order.");
    Transport.send(message);
    return mail.mails().single();
  }
}
