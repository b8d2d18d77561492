package io.github.junitmailassert.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.junitmailassert.testing.Mails;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

class MailSoftAssertionsTest {

  @ExtendWith(SoftAssertionsExtension.class)
  static class SoftFixture {
    @InjectSoftAssertions
    MailSoftAssertions softly;

    @Test
    void collectsEveryFailure() {
      softly.assertThat(Mails.leakySendmail()).hasEnvelopeSenderDomain("sample.co.jp");
      softly.assertThat(Mails.leakySendmail()).hasHeloName("mail.sample.co.jp");
      softly.assertThatMails(java.util.List.of(Mails.clean())).hasSize(2);
    }
  }

  @Test
  void should_collect_every_failure_through_assertj_soft_assertions_extension() {
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(SoftFixture.class)).execute().testEvents()
        .assertStatistics(s -> s.started(1).failed(1))
        .assertThatEvents().haveExactly(1, finishedWithFailure(message(m ->
            m.startsWith("\nMultiple Failures (3 failures)".replace("\n", System.lineSeparator()))
                && m.contains("to be in domain:") && m.contains("Expecting the HELO/EHLO name of")
                && m.contains("Expected size: 2 but was: 1"))));
  }

  @ExtendWith(SoftAssertionsExtension.class)
  static class SoftNavigationFixture {
    @InjectSoftAssertions
    MailSoftAssertions softly;

    @Test
    void collectsTheFailuresOfNavigations() {
      io.github.junitmailassert.dns.DnsZone zone = io.github.junitmailassert.dns.DnsZone.create()
          .spf("sample.co.jp", "v=spf1 ip4:203.0.113.25 -all");
      io.github.junitmailassert.mail.CapturedMail mail = io.github.junitmailassert.testing.Received.mail(
          io.github.junitmailassert.testing.Received.view(zone, "198.51.100.7"), "bounces@sample.co.jp",
          "mail.sample.co.jp", "From: shop@sample.co.jp\r\nSubject: x\r\n\r\nbody\r\n".getBytes(
              java.nio.charset.StandardCharsets.UTF_8));
      softly.assertThat(mail).spf().isPass().returnToMail().dkim().isPass().returnToMail().dmarc().isPass();
      softly.assertThat(mail).authenticationResults().hasResult("spf", "pass");
    }
  }

  @Test
  void should_collect_the_failures_of_navigations_too() {
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(SoftNavigationFixture.class)).execute().testEvents()
        .assertStatistics(s -> s.started(1).failed(1))
        .assertThatEvents().haveExactly(1, finishedWithFailure(message(m ->
            m.startsWith("\nMultiple Failures (4 failures)".replace("\n", System.lineSeparator()))
                && m.contains("Expecting SPF for the MAIL FROM identity of") && m.contains("Expecting DKIM of")
                && m.contains("Expecting DMARC for the From domain sample.co.jp of")
                && m.contains("to have spf=pass but it does not"))));
  }

  @Test
  void should_say_which_argument_is_missing() {
    assertThatNullPointerException()
        .isThrownBy(() -> MailAssertions.assertThat(Mails.clean()).hasEnvelopeSenderDomain(null))
        .withMessage("The expected domain should not be null");
    assertThat(Mails.clean().recipients()).hasSize(2);
  }
}
