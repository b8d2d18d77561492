package io.github.junitmailassert.senders.spring;

import jakarta.mail.MessagingException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * The order confirmation with a retry of its own (Spring Retry is not among this build's
 * dependencies): a 4xx reply, such as a greylister's 451, is tried again up to three times; a 5xx
 * gives up at once.
 */
@Service
public class RetryingOrderMailer {

  static final int MAX_ATTEMPTS = 3;

  private final JavaMailSender mailSender;
  private final AtomicInteger retries = new AtomicInteger();

  public RetryingOrderMailer(JavaMailSender mailSender) {
    this.mailSender = mailSender;
  }

  public void sendConfirmation(String to, String orderNumber) {
    SimpleMailMessage message = OrderMailer.confirmation(to, orderNumber);
    for (int attempt = 1; ; attempt++) {
      try {
        mailSender.send(message);
        return;
      } catch (MailSendException e) {
        if (attempt == MAX_ATTEMPTS || !isTransient(e)) {
          throw e;
        }
        retries.incrementAndGet(); // a real application would wait here, minutes for a greylister
      }
    }
  }

  /** How often a send was tried again since the application started. */
  public int retries() {
    return retries.get();
  }

  /** Whether the receiver said 4xx: try again later. */
  private static boolean isTransient(MailSendException e) {
    for (Exception failure : e.getFailedMessages().values()) {
      for (Exception x = failure; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
        if (x instanceof SMTPAddressFailedException a) {
          return a.getReturnCode() / 100 == 4;
        }
        if (x instanceof SMTPSendFailedException s) {
          return s.getReturnCode() / 100 == 4;
        }
      }
    }
    return false;
  }
}
