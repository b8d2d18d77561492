package io.github.junitmailassert.examples.signup;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** The mail part of a small web application: welcome and password-reset mails, plain Jakarta Mail. */
public final class SignupMailer {

  private final Session session;
  private final String from;

  /**
   * @param mailProperties the Jakarta Mail session settings (see {@link MailSettings})
   * @param from the From address users see
   */
  public SignupMailer(Properties mailProperties, String from) {
    this.session = Session.getInstance(mailProperties);
    this.from = from;
  }

  public void sendWelcome(String to) throws MessagingException {
    send(to, "Welcome to Sample Shop", "Thank you for signing up.");
  }

  public void sendPasswordReset(String to, String link) throws MessagingException {
    send(to, "Reset your password", "Open this link to choose a new password: " + link);
  }

  private void send(String to, String subject, String text) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(from));
    message.setRecipients(Message.RecipientType.TO, to);
    message.setSubject(subject, "UTF-8");
    message.setText(text, "UTF-8");
    Transport.send(message);
  }
}
