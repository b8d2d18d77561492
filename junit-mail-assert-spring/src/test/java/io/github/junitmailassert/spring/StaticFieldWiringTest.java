package io.github.junitmailassert.spring;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.MailDeliverabilityExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * The programmatic door: a static extension field serves the class, and no
 * {@code @DynamicPropertySource} method points Spring at it. {@code spring.mail.host} set in the
 * test's own properties does not send the mail elsewhere; its other mail properties apply.
 */
@SpringBootTest(properties = {"spring.mail.host=smtp.production.invalid", "spring.mail.port=2525",
    "spring.mail.properties.mail.smtp.from=bounces@sample.co.jp",
    "spring.mail.properties.mail.smtp.localhost=mail.sample.co.jp",
    "spring.mail.properties.mail.from=no-reply@sample.co.jp"})
class StaticFieldWiringTest {

  @RegisterExtension
  static MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance()
      .domain("sample.co.jp").clientIp("203.0.113.25").clientHostName("mail.sample.co.jp")
      .spf("v=spf1 ip4:203.0.113.25 -all")
      .build();

  @Autowired
  WelcomeMailer welcomeMailer;

  @Autowired
  Environment environment;

  @Test
  void should_point_spring_mail_host_and_port_at_the_static_field_s_server() {
    // WHEN
    welcomeMailer.sendWelcome("user@example.com");

    // THEN the test's own spring.mail.properties.* still apply
    assertThat(environment.getProperty("spring.mail.port", Integer.class)).isEqualTo(mail.smtp().port());
    assertThat(mail.mails().single())
        .hasEnvelopeSender("bounces@sample.co.jp")
        .hasHeloName("mail.sample.co.jp")
        .hasMessageIdDomain("sample.co.jp")
        .hasNoLocalNameLeaks()
        .spf().isPass();
    assertThat(mail.mails().single()).sendingHost().hasForwardConfirmedReverseDns().hasValidHeloName();
  }
}
