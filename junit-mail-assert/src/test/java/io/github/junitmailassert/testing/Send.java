package io.github.junitmailassert.testing;

import io.github.junitmailassert.mail.SmtpEndpoint;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** Sends a mail with Jakarta Mail (Angus), as an application under test would. */
public final class Send {

  private Send() {}

  /** Sends with the envelope sender and HELO name a careful application sets. */
  public static void mail(SmtpEndpoint smtp, String from, String to, String subject) {
    Properties p = smtp.javaMailProperties();
    String domain = from.substring(from.indexOf('@') + 1);
    p.setProperty("mail.smtp.from", from);
    p.setProperty("mail.smtp.localhost", "mail." + domain);
    p.setProperty("mail.from", from);
    send(p, from, to, subject);
  }

  /** Builds a message in a session of an application that sets its envelope sender and HELO name. */
  @FunctionalInterface
  public interface Composer {
    void compose(MimeMessage message) throws Exception;
  }

  /**
   * Sends the message that {@code composer} fills in, from a session whose envelope sender is
   * {@code envelopeSender}; {@code extra} are further session properties, as key, value, key, value.
   */
  public static void message(SmtpEndpoint smtp, String envelopeSender, Composer composer, String... extra) {
    Properties p = smtp.javaMailProperties();
    p.setProperty("mail.smtp.from", envelopeSender);
    p.setProperty("mail.smtp.localhost", "mail.sample.co.jp");
    // The Message-ID's domain; without it Jakarta Mail asks the resolver for this machine's name.
    p.setProperty("mail.from", envelopeSender);
    for (int i = 0; i + 1 < extra.length; i += 2) {
      p.setProperty(extra[i], extra[i + 1]);
    }
    try {
      MimeMessage message = new MimeMessage(Session.getInstance(p));
      composer.compose(message);
      Transport.send(message);
    } catch (Exception e) {
      throw new IllegalStateException("sending failed: " + e.getMessage(), e);
    }
  }

  /** Sends with Jakarta Mail's defaults apart from host and port. */
  public static void send(Properties properties, String from, String to, String subject) {
    try {
      Session session = Session.getInstance(properties);
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(from));
      message.setRecipients(Message.RecipientType.TO, to);
      message.setSubject(subject, "UTF-8");
      message.setText("Hello", "UTF-8");
      Transport.send(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("sending failed: " + e.getMessage(), e);
    }
  }
}
