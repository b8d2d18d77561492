package io.github.junitmailassert.spring;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/** Sends the order confirmation through Spring Boot's auto-configured {@link JavaMailSender}. */
@Service
public class OrderMailer {

  private final JavaMailSender mailSender;

  public OrderMailer(JavaMailSender mailSender) {
    this.mailSender = mailSender;
  }

  public void sendConfirmation(String to, String orderNumber) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom("Sample Shop <no-reply@sample.co.jp>");
    message.setTo(to);
    message.setSubject("Order " + orderNumber + " confirmed");
    message.setText("Thank you for your order " + orderNumber + ".");
    mailSender.send(message);
  }
}
