package io.github.junitmailassert.senders.spring;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static io.github.junitmailassert.senders.support.ExpectedReport.assertMachineNameLeaks;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.MailDeliverabilityExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Spring Boot's mail starter with only {@code spring.mail.host} and {@code spring.mail.port}, as
 * most applications ship it. The capture server is a static extension: it starts before Spring
 * builds the application context, and junit-mail-assert-spring points those two properties at it
 * (no {@code @DynamicPropertySource}; {@link SpringBootMailFixedTest} shows that way).
 */
@SpringBootTest
class SpringBootMailAsShippedTest {

  @RegisterExtension
  static MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance()
      .domain("sample.co.jp").clientIp("203.0.113.25").spf("v=spf1 ip4:203.0.113.25 -all")
      .build();

  @Autowired
  OrderMailer orderMailer;

  @Test
  void should_report_the_machine_name_in_EHLO_and_Message_ID_when_only_host_and_port_are_set() {
    // WHEN
    orderMailer.sendConfirmation("user@example.com", "A-1001");

    // THEN Jakarta Mail under Spring took the envelope sender from From, the rest from the machine
    CapturedMail captured = mail.mails().single();
    assertThat(captured).hasEnvelopeSender("no-reply@sample.co.jp").spf().isPass();
    assertMachineNameLeaks(captured,
        "mail #1 from <no-reply@sample.co.jp> to [user@example.com] \"Order A-1001 confirmed\"");
  }
}
