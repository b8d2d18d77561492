package io.github.junitmailassert.spring;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.MailDeliverability.Lifecycle;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpEndpoint;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The annotation and a Spring Boot test, nothing else (the README's example): Spring Boot's
 * {@code JavaMailSender} sends to the class's capture server.
 */
@SpringBootTest
@MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", spf = "v=spf1 ip4:203.0.113.25 -all",
    lifecycle = Lifecycle.PER_CLASS)
class DeclarativeWiringTest {

  @Autowired
  WelcomeMailer welcomeMailer;

  @Autowired
  Environment environment;

  @Autowired
  ApplicationContext context;

  @Test
  void welcome(CapturedMails mails) {
    welcomeMailer.sendWelcome("user@example.com");
    assertThat(mails.single()).hasEnvelopeSenderDomain("sample.co.jp").spf().isPass();
  }

  @Test
  void should_point_spring_mail_host_and_port_at_the_class_s_capture_server(SmtpEndpoint smtp) {
    assertThat(environment.getProperty("spring.mail.host")).isEqualTo(smtp.host());
    assertThat(environment.getProperty("spring.mail.port", Integer.class)).isEqualTo(smtp.port());
  }

  @Test
  void should_clear_the_mails_of_the_class_server_before_each_test(CapturedMails mails) {
    // WHEN
    welcomeMailer.sendWelcome("other@example.com");

    // THEN
    assertThat(mails.single()).hasRecipients("other@example.com");
  }

  @Nested
  class InANestedClass {

    @Autowired
    ApplicationContext nestedContext;

    @Test
    void should_use_the_enclosing_class_s_server_and_context(SmtpEndpoint smtp, CapturedMails mails) {
      // WHEN
      welcomeMailer.sendWelcome("nested@example.com");

      // THEN
      assertThat(nestedContext).isSameAs(context);
      assertThat(environment.getProperty("spring.mail.port", Integer.class)).isEqualTo(smtp.port());
      assertThat(mails.single()).hasRecipients("nested@example.com");
    }
  }
}
