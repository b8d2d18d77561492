package io.github.junitmailassert.spring;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/** Sends the welcome mail as a MIME message through Spring Boot's auto-configured {@link JavaMailSender}. */
@Service
public class WelcomeMailer {

  private final JavaMailSender mailSender;

  public WelcomeMailer(JavaMailSender mailSender) {
    this.mailSender = mailSender;
  }

  public void sendWelcome(String to) {
    mailSender.send(mimeMessage -> {
      MimeMessageHelper message = new MimeMessageHelper(mimeMessage, "UTF-8");
      message.setFrom("Sample Shop <welcome@sample.co.jp>");
      message.setTo(to);
      message.setSubject("Welcome to Sample Shop");
      message.setText("Thank you for signing up.");
    });
  }
}
