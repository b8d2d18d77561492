package io.github.junitmailassert.senders.spring;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;

import io.github.junitmailassert.MailDeliverabilityExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same application with the three Jakarta Mail properties that Spring Boot passes through
 * {@code spring.mail.properties.*}: envelope sender, EHLO name and the Message-ID's domain.
 */
@SpringBootTest(properties = {
    "spring.mail.properties.mail.smtp.from=bounces@sample.co.jp",
    "spring.mail.properties.mail.smtp.localhost=mail.sample.co.jp",
    "spring.mail.properties.mail.from=no-reply@sample.co.jp"})
class SpringBootMailFixedTest {

  @RegisterExtension
  static MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance()
      .domain("sample.co.jp").clientIp("203.0.113.25").spf("v=spf1 ip4:203.0.113.25 -all")
      .build();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> mail.smtp().host());
    registry.add("spring.mail.port", () -> mail.smtp().port());
  }

  @Autowired
  OrderMailer orderMailer;

  @Test
  void should_pass_when_spring_mail_properties_set_the_envelope_sender_the_host_name_and_mail_from() {
    // WHEN
    orderMailer.sendConfirmation("user@example.com", "A-1002");

    // THEN
    assertThat(mail.mails().single())
        .hasEnvelopeSender("bounces@sample.co.jp")
        .hasHeloName("mail.sample.co.jp")
        .hasMessageIdDomain("sample.co.jp")
        .hasFromDomain("sample.co.jp")
        .hasNoLocalNameLeaks()
        .spf().isPass();
  }

  @Test
  void should_capture_each_test_s_mail_apart_when_the_tests_share_the_class_s_server() {
    // WHEN (the server is the class's: the extension clears the mails before each test)
    orderMailer.sendConfirmation("other@example.com", "A-1003");

    // THEN
    assertThat(mail.mails().single()).hasRecipients("other@example.com").hasNoLocalNameLeaks();
  }
}
