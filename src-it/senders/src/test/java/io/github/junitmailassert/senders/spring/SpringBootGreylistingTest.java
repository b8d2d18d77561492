package io.github.junitmailassert.senders.spring;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static io.github.junitmailassert.assertions.MailAssertions.assertThatAttempts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitmailassert.MailDeliverabilityExtension;
import io.github.junitmailassert.mail.SmtpReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.MailSendException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A Spring Boot application's retry, against a receiver that greylists: delivered exactly once. */
@SpringBootTest(properties = "spring.mail.properties.mail.smtp.from=bounces@sample.co.jp")
class SpringBootGreylistingTest {

  @RegisterExtension
  static MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance().domain("sample.co.jp")
      .faults(f -> f.greylist()) // every test starts with greylisting
      .build();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> mail.smtp().host());
    registry.add("spring.mail.port", () -> mail.smtp().port());
  }

  @Autowired
  RetryingOrderMailer orderMailer;

  @Test
  void should_retry_after_the_451_and_deliver_once() {
    int retriesBefore = orderMailer.retries();

    orderMailer.sendConfirmation("user@example.com", "A-2001");

    assertThatAttempts(mail.mails().attempts()).hasReplyCodes(451, 250).hasAccepted(1);
    assertThat(mail.mails().single()).hasEnvelopeSender("bounces@sample.co.jp").hasRecipients("user@example.com");
    assertThat(orderMailer.retries() - retriesBefore).isEqualTo(1);
  }

  @Test
  void should_not_retry_a_permanent_refusal() {
    mail.faults().refuseRecipient("gone@example.com", SmtpReply.NO_SUCH_USER);

    assertThatThrownBy(() -> orderMailer.sendConfirmation("gone@example.com", "A-2002"))
        .isInstanceOf(MailSendException.class);

    assertThatAttempts(mail.mails().attempts()).hasReplyCodes(550).hasAccepted(0);
    assertThat(mail.mails().all()).isEmpty();
  }
}
