package io.github.junitmailassert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpFaults;
import io.github.junitmailassert.mail.SmtpReply;
import io.github.junitmailassert.mail.SmtpStage;
import io.github.junitmailassert.testing.RawSmtpClient;
import java.io.IOException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The capture server's settings (TLS, faults) through both doors: checked at start, reset between shared tests. */
class SmtpSettingsTest {

  @MailDeliverability(requireTls = true, implicitTls = true)
  static class RequireAndImplicitTlsFixture {
    @Test
    void never(CapturedMails mails) {}
  }

  static class BadFaultFixture {
    @RegisterExtension
    static MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance()
        .faults(f -> f.refuse(SmtpStage.MAIL, SmtpReply.of(250, "2.1.0 OK"))).build();

    @Test
    void never() {}
  }

  @Test
  void should_refuse_tls_and_fault_settings_that_cannot_work_naming_the_attribute() {
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(RequireAndImplicitTlsFixture.class)).execute()
        .allEvents().assertThatEvents().haveExactly(1, finishedWithFailure(
            instanceOf(ExtensionConfigurationException.class),
            message("requireTls with implicitTls requires nothing: with implicit TLS every connection is TLS from the"
                + " first byte, so leave requireTls off")));
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(BadFaultFixture.class)).execute()
        .allEvents().assertThatEvents().haveExactly(1, finishedWithFailure(
            instanceOf(ExtensionConfigurationException.class),
            message("faults: a refusal is a 4xx or 5xx reply, not \"250 2.1.0 OK\"")));
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class SharedFaultsFixture {
    @RegisterExtension
    static MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance()
        .faults(f -> f.refuseRecipient("gone@example.com", SmtpReply.NO_SUCH_USER)).build();

    @Test
    @Order(1)
    void first_test_adds_greylisting(SmtpFaults faults) throws IOException {
      assertThat(faults).isSameAs(mail.faults());
      faults.greylist();
      try (RawSmtpClient client = new RawSmtpClient(mail.smtp().host(), mail.smtp().port())) {
        client.command("MAIL FROM:<a@sample.co.jp>");
        assertThat(client.command("RCPT TO:<gone@example.com>")).startsWith("550 5.1.1");
        assertThat(client.command("RCPT TO:<user@example.com>")).startsWith("451 4.7.1");
      }
    }

    @Test
    @Order(2)
    void second_test_starts_from_the_declared_faults(SmtpFaults faults, CapturedMails mails) throws IOException {
      assertThat(faults).hasToString("refuse RCPT TO:<gone@example.com> with 550 5.1.1 The email account that you tried"
          + " to reach does not exist");
      assertThat(mails.attempts()).isEmpty();
      try (RawSmtpClient client = new RawSmtpClient(mail.smtp().host(), mail.smtp().port())) {
        client.command("MAIL FROM:<a@sample.co.jp>");
        assertThat(client.command("RCPT TO:<gone@example.com>")).startsWith("550 5.1.1");
        assertThat(client.command("RCPT TO:<user@example.com>")).isEqualTo("250 2.1.5 OK");
      }
    }
  }

  @Test
  void should_give_each_test_of_a_shared_environment_the_declared_faults_again() {
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(SharedFaultsFixture.class)).execute().testEvents()
        .assertStatistics(stats -> stats.succeeded(2).failed(0));
  }
}
