package io.github.junitmailassert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.junitmailassert.MailDeliverability.Lifecycle;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.testing.Send;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The wait of {@code single()} and {@code await(n)}: method override, then annotation or builder, then the
 * JUnit configuration parameter, then 10 s; and the message when the time is up.
 */
class AwaitTimeoutTest {

  private static final String PARAMETER = "junit.mail.assert.await.timeout";

  private static EngineTestKit.Builder engine(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture));
  }

  /** Each fixture's tests write the wait they were given here, by test name. */
  static final Map<String, Duration> SEEN = new ConcurrentHashMap<>();

  static void record(TestInfo test, CapturedMails mails) {
    SEEN.put(test.getTestClass().orElseThrow().getSimpleName() + "." + test.getTestMethod().orElseThrow().getName(),
        mails.defaultWait());
  }

  // ------------------------------------------------------------------ precedence

  @MailDeliverability(domain = "wait.example")
  static class DefaultFixture {
    @Test
    void reads(CapturedMails mails, TestInfo test) {
      record(test, mails);
    }
  }

  @MailDeliverability(domain = "wait.example")
  static class ConfiguredFixture {
    @Test
    void reads(CapturedMails mails, TestInfo test) {
      record(test, mails);
    }
  }

  @Test
  void should_wait_ten_seconds_unless_the_configuration_parameter_says_otherwise() {
    engine(DefaultFixture.class).execute().testEvents().assertStatistics(s -> s.succeeded(1));
    engine(ConfiguredFixture.class).configurationParameter(PARAMETER, "1500 ms").execute().testEvents()
        .assertStatistics(s -> s.succeeded(1));

    assertThat(SEEN.get("DefaultFixture.reads")).isEqualTo(Duration.ofSeconds(10));
    assertThat(SEEN.get("ConfiguredFixture.reads")).isEqualTo(Duration.ofMillis(1500));
  }

  @MailDeliverability(domain = "wait.example", awaitTimeout = "300 ms")
  static class AnnotatedFixture {
    @Test
    void reads(CapturedMails mails, TestInfo test) {
      record(test, mails);
    }

    @Test
    @MailDeliverabilityOverride(awaitTimeout = "1 m")
    void overridden(CapturedMails mails, TestInfo test) {
      record(test, mails);
    }
  }

  @Test
  void should_take_the_annotations_wait_over_the_parameter_and_the_methods_over_both() {
    engine(AnnotatedFixture.class).configurationParameter(PARAMETER, "2 s").execute().testEvents()
        .assertStatistics(s -> s.succeeded(2));

    assertThat(SEEN.get("AnnotatedFixture.reads")).isEqualTo(Duration.ofMillis(300));
    assertThat(SEEN.get("AnnotatedFixture.overridden")).isEqualTo(Duration.ofMinutes(1));
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class BuilderFixture {
    @RegisterExtension
    static MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance().domain("wait.example")
        .awaitTimeout(Duration.ofMillis(700)).build();

    @Test
    @Order(1)
    @MailDeliverabilityOverride(awaitTimeout = "5")
    void overridden(CapturedMails mails, TestInfo test) {
      record(test, mails);
      assertThat(mail.mails().defaultWait()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    @Order(2)
    void afterTheOverride(CapturedMails mails, TestInfo test) {
      record(test, mails);
    }
  }

  @Test
  void should_take_the_builders_wait_over_the_parameter_and_reset_a_methods_on_a_shared_server() {
    engine(BuilderFixture.class).configurationParameter(PARAMETER, "2 s").execute().testEvents()
        .assertStatistics(s -> s.succeeded(2));

    assertThat(SEEN.get("BuilderFixture.overridden")).isEqualTo(Duration.ofSeconds(5));
    assertThat(SEEN.get("BuilderFixture.afterTheOverride")).isEqualTo(Duration.ofMillis(700));
  }

  // ------------------------------------------------------------------ the message when the time is up

  @MailDeliverability(domain = "wait.example", awaitTimeout = "100 ms", lifecycle = Lifecycle.PER_CLASS)
  static class TimeoutFixture {
    static volatile SmtpEndpoint smtp;

    @Test
    void nothingArrives(SmtpEndpoint endpoint, CapturedMails mails) {
      smtp = endpoint;
      mails.single();
    }

    @Test
    void oneOfTwoArrives(SmtpEndpoint endpoint, CapturedMails mails) {
      Send.mail(endpoint, "shop@wait.example", "user@example.com", "Your order");
      mails.await(2);
    }
  }

  @Test
  void should_name_the_endpoint_and_what_arrived_when_the_wait_is_over() {
    Events events = engine(TimeoutFixture.class).execute().testEvents();
    String at = "127.0.0.1:" + TimeoutFixture.smtp.port();
    events.assertThatEvents()
        .haveExactly(1, event(test(), displayName("nothingArrives(SmtpEndpoint, CapturedMails)"), finishedWithFailure(
            instanceOf(AssertionError.class), message(String.format(
                "Expecting 1 mail(s) within 100 ms at the capture server %s but nothing arrived.%n"
                    + "Send to that host and port (the test's SmtpEndpoint); wait longer with awaitTimeout or the"
                    + " configuration parameter junit.mail.assert.await.timeout.", at)))))
        .haveExactly(1, event(test(), displayName("oneOfTwoArrives(SmtpEndpoint, CapturedMails)"), finishedWithFailure(
            instanceOf(AssertionError.class), message(String.format(
                "Expecting 2 mail(s) within 100 ms at the capture server %s but 1 arrived:%n"
                    + "  - mail #1 from <shop@wait.example> to [user@example.com] \"Your order\"", at)))));
  }

  @Test
  void should_wait_as_long_as_a_view_says_and_share_the_mails_with_it() {
    CapturedMails mails = new CapturedMails(Duration.ofMillis(20));
    CapturedMails patient = mails.withDefaultWait(Duration.ofMillis(40));

    assertThatThrownBy(mails::single).isInstanceOf(AssertionError.class)
        .hasMessage("Expecting 1 mail(s) within 20 ms but nothing arrived.");
    assertThatThrownBy(() -> patient.await(1)).isInstanceOf(AssertionError.class)
        .hasMessage("Expecting 1 mail(s) within 40 ms but nothing arrived.");
    mails.add(CapturedMail.builder().envelopeSender("a@wait.example").recipient("b@example.com")
        .rawMessage("Subject: hi\r\n\r\nHello\r\n").sequence(1).build());
    assertThat(patient.all()).hasSize(1);
    assertThat(patient.defaultWait()).isEqualTo(Duration.ofMillis(40));
    assertThatThrownBy(() -> mails.withDefaultWait(Duration.ofSeconds(-1)))
        .hasMessage("a wait cannot be negative: PT-1S");
  }

  // ------------------------------------------------------------------ bad values

  @MailDeliverability(domain = "wait.example", awaitTimeout = "fast")
  static class BadAnnotationFixture {
    @Test
    void never(CapturedMails mails) {}
  }

  @Test
  void should_refuse_a_wait_it_cannot_read_naming_where_it_was_declared() {
    engine(BadAnnotationFixture.class).execute().allEvents().assertThatEvents().haveExactly(1, finishedWithFailure(
        instanceOf(ExtensionConfigurationException.class), message("awaitTimeout must be a wait such as \"2 s\" or"
            + " \"500 ms\" (a number, then ms, s, m or h), not \"fast\"")));
    engine(DefaultFixture.class).configurationParameter(PARAMETER, "soon").execute().allEvents().assertThatEvents()
        .haveExactly(1, finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
            message("junit.mail.assert.await.timeout must be a wait such as \"2 s\" or \"500 ms\" (a number, then ms,"
                + " s, m or h), not \"soon\"")));
  }
}
