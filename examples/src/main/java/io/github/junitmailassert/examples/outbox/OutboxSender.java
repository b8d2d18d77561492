package io.github.junitmailassert.examples.outbox;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * The outbox of a small application: sends one mail, tries again later when the receiver says 4xx
 * (greylisting, a full mailbox, a busy server), and gives up at once on 5xx, marking the address as
 * bouncing so that no more mail goes there. Plain Jakarta Mail (Angus). Closing it ends a back-off
 * at once: the mail waiting for its next try is given up, not sent after the application stopped.
 */
public final class OutboxSender implements AutoCloseable {

  /** What happened to one mail. */
  public enum Result { DELIVERED, BOUNCED, GAVE_UP }

  private final Session session;
  private final String from;
  private final BouncingAddresses bouncing;
  private final int maxAttempts;
  private final Duration retryDelay;
  private final CountDownLatch closed = new CountDownLatch(1);

  /**
   * @param mailProperties the Jakarta Mail session settings
   * @param from the envelope sender and From address
   * @param bouncing where permanently refused addresses are marked
   * @param maxAttempts how often one mail is tried at most
   * @param retryDelay how long to wait before each retry (greylisters want minutes in production)
   */
  public OutboxSender(Properties mailProperties, String from, BouncingAddresses bouncing, int maxAttempts,
      Duration retryDelay) {
    this.session = Session.getInstance(mailProperties);
    this.from = from;
    this.bouncing = bouncing;
    this.maxAttempts = maxAttempts;
    this.retryDelay = retryDelay;
  }

  /** Sends, retrying what the receiver refused for now. */
  public Result send(String to, String subject, String text) throws InterruptedException {
    if (bouncing.isBouncing(to)) {
      return Result.BOUNCED; // never mail an address that bounced
    }
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        Transport.send(message(to, subject, text));
        return Result.DELIVERED;
      } catch (MessagingException e) {
        int code = replyCode(e);
        if (code >= 500) {
          bouncing.mark(to, code + " " + replyText(e));
          return Result.BOUNCED;
        }
        // 4xx, or no reply at all (connection refused or dropped): try again later
      }
      if (attempt < maxAttempts && closed.await(retryDelay.toNanos(), TimeUnit.NANOSECONDS)) {
        return Result.GAVE_UP; // closed while waiting for the next try
      }
    }
    return Result.GAVE_UP;
  }

  /** Stops: a send waiting to try again gives up now; later sends try once. */
  @Override
  public void close() {
    closed.countDown();
  }

  private MimeMessage message(String to, String subject, String text) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(from));
    message.setRecipients(Message.RecipientType.TO, to);
    message.setSubject(subject, "UTF-8");
    message.setText(text, "UTF-8");
    return message;
  }

  /** The SMTP reply code in Angus's exception chain, or 0 when the server never refused. */
  private static int replyCode(MessagingException e) {
    for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
      if (x instanceof SMTPAddressFailedException a) {
        return a.getReturnCode();
      }
      if (x instanceof SMTPSendFailedException s) {
        return s.getReturnCode();
      }
    }
    return 0;
  }

  private static String replyText(MessagingException e) {
    for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
      if (x instanceof SMTPAddressFailedException || x instanceof SMTPSendFailedException) {
        String text = x.getMessage().strip();
        return text.length() > 4 && Character.isDigit(text.charAt(0)) ? text.substring(4) : text;
      }
    }
    return e.getMessage();
  }
}
