package io.github.junitmailassert;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.junitmailassert.MailDeliverability.Lifecycle;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.internal.dns.DnsLookup;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.spf.SpfResultCode;
import io.github.junitmailassert.testing.Send;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** {@link MailDeliverabilityOverride} on methods and nested classes, in both lifecycles and both doors. */
class MailDeliverabilityOverrideTest {

  private static Events run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
  }

  /** The SPF result and the MX records a test sees, from a real mail and the zone. */
  static void sendAndExpect(SmtpEndpoint smtp, CapturedMails mails, DnsZone zone, SpfResultCode spf, String... mx) {
    Send.mail(smtp, "shop@sample.co.jp", "user@example.com", "hi");
    assertThat(mails.single()).spf().hasCode(spf);
    DnsLookup dns = new DnsLookup(zone.resolver());
    assertThat(dns.lookup("sample.co.jp", Type.MX).records()).extracting(Record::rdataToString)
        .containsExactlyInAnyOrder(mx);
  }

  // ------------------------------------------------------------------ PER_METHOD

  @MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", spf = "v=spf1 ip4:203.0.113.25 -all",
      records = {"@ IN MX 10 mx1", "@ IN MX 20 mx2", "@ IN TXT \"site-verification=abc\""})
  static class PerMethodFixture {
    @Test
    void asDeclared(SmtpEndpoint smtp, CapturedMails mails, DnsZone zone) {
      sendAndExpect(smtp, mails, zone, SpfResultCode.PASS, "10 mx1.sample.co.jp.", "20 mx2.sample.co.jp.");
    }

    @Test
    @MailDeliverabilityOverride(spf = "v=spf1 ip4:198.51.100.1 -all", records = "@ IN MX 30 backup")
    void overridden(SmtpEndpoint smtp, CapturedMails mails, DnsZone zone) {
      sendAndExpect(smtp, mails, zone, SpfResultCode.FAIL, "30 backup.sample.co.jp.");
      zone.removeSpf("sample.co.jp").reset(); // back to this test's declaration
      DnsLookup dns = new DnsLookup(zone.resolver());
      assertThat(dns.txtStrings(dns.lookup("sample.co.jp", Type.TXT)))
          .containsExactlyInAnyOrder("v=spf1 ip4:198.51.100.1 -all", "site-verification=abc");
    }

    @Test
    @MailDeliverabilityOverride(clientIp = "198.51.100.1")
    void anotherClient(SmtpEndpoint smtp, CapturedMails mails, DnsZone zone, Receiver receiver) {
      assertThat(receiver.declaredClientIp()).hasValueSatisfying(ip -> assertThat(ip.getHostAddress())
          .isEqualTo("198.51.100.1"));
      sendAndExpect(smtp, mails, zone, SpfResultCode.FAIL, "10 mx1.sample.co.jp.", "20 mx2.sample.co.jp.");
    }

    @Test
    @MailDeliverabilityOverride(spf = "")
    void noSpfRecord(SmtpEndpoint smtp, CapturedMails mails, DnsZone zone) {
      sendAndExpect(smtp, mails, zone, SpfResultCode.NONE, "10 mx1.sample.co.jp.", "20 mx2.sample.co.jp.");
    }
  }

  @Test
  void should_merge_a_methods_settings_over_the_classs_with_a_server_per_test() {
    run(PerMethodFixture.class).assertStatistics(s -> s.started(4).succeeded(4));
  }

  // ------------------------------------------------------------------ PER_CLASS: applied for the test, reset after

  @MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", spf = "v=spf1 ip4:203.0.113.25 -all",
      records = {"@ IN MX 10 mx1", "@ IN MX 20 mx2"}, lifecycle = Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerClassFixture {
    static volatile int port;
    static volatile String afterAll;

    @Test
    @Order(1)
    @MailDeliverabilityOverride(spf = "v=spf1 -all", records = "@ IN MX 30 backup", clientIp = "198.51.100.1")
    void overridden(SmtpEndpoint smtp, CapturedMails mails, DnsZone zone, Receiver receiver) {
      port = smtp.port();
      assertThat(receiver.declaredClientIp().orElseThrow().getHostAddress()).isEqualTo("198.51.100.1");
      sendAndExpect(smtp, mails, zone, SpfResultCode.FAIL, "30 backup.sample.co.jp.");
      // reset() goes back to this test's declaration: the class's with the override
      zone.remove("sample.co.jp", Type.MX).reset();
      assertThat(new DnsLookup(zone.resolver()).lookup("sample.co.jp", Type.MX).records())
          .extracting(Record::rdataToString).containsExactly("30 backup.sample.co.jp.");
      zone.a("added.sample.co.jp", "192.0.2.1"); // a change of the test's own: gone after it too
    }

    @Test
    @Order(2)
    void asDeclaredAgain(SmtpEndpoint smtp, CapturedMails mails, DnsZone zone, Receiver receiver) {
      assertThat(smtp.port()).isEqualTo(port); // the same server
      assertThat(receiver.declaredClientIp().orElseThrow().getHostAddress()).isEqualTo("203.0.113.25");
      sendAndExpect(smtp, mails, zone, SpfResultCode.PASS, "10 mx1.sample.co.jp.", "20 mx2.sample.co.jp.");
      assertThat(new DnsLookup(zone.resolver()).lookup("added.sample.co.jp", Type.A).isOk()).isFalse();
    }

    @Test
    @Order(3)
    @MailDeliverabilityOverride(records = "@ IN MX 40 last")
    void overriddenLast(SmtpEndpoint smtp, CapturedMails mails, DnsZone zone) {
      sendAndExpect(smtp, mails, zone, SpfResultCode.PASS, "40 last.sample.co.jp.");
    }

    @AfterAll
    static void zoneAfterTheLastTest(DnsZone zone) {
      afterAll = String.join(",", new DnsLookup(zone.resolver()).lookup("sample.co.jp", Type.MX).records().stream()
          .map(Record::rdataToString).sorted().toList());
    }
  }

  @Test
  void should_apply_a_methods_zone_and_receiver_on_a_shared_server_and_reset_them_after_the_test() {
    run(PerClassFixture.class).assertStatistics(s -> s.started(3).succeeded(3));
    assertThat(PerClassFixture.afterAll).isEqualTo("10 mx1.sample.co.jp.,20 mx2.sample.co.jp.");
  }

  // ------------------------------------------------------------------ static @RegisterExtension

  static class ProgrammaticFixture {
    @RegisterExtension
    static MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance().domain("sample.co.jp")
        .clientIp("203.0.113.25").spf("v=spf1 ip4:203.0.113.25 -all").records("@ IN MX 10 mx1").build();

    @Test
    @MailDeliverabilityOverride(spf = "v=spf1 ?all")
    void overridden() {
      sendAndExpect(mail.smtp(), mail.mails(), mail.zone(), SpfResultCode.NEUTRAL, "10 mx1.sample.co.jp.");
    }

    @Test
    void asDeclared() {
      sendAndExpect(mail.smtp(), mail.mails(), mail.zone(), SpfResultCode.PASS, "10 mx1.sample.co.jp.");
    }
  }

  @Test
  void should_apply_a_methods_settings_over_a_builders_on_a_static_field() {
    run(ProgrammaticFixture.class).assertStatistics(s -> s.started(2).succeeded(2));
  }

  // ------------------------------------------------------------------ what a shared server cannot change

  @MailDeliverability(domain = "sample.co.jp", lifecycle = Lifecycle.PER_CLASS)
  static class UnchangeableFixture {
    @Test
    @MailDeliverabilityOverride(receivingHost = "mx.other.example")
    void anotherGreeting(CapturedMails mails) {}

    @Test
    @MailDeliverabilityOverride(smtpPort = 2525)
    void anotherPort(CapturedMails mails) {}

    @Test
    @MailDeliverabilityOverride(dnsPort = 5353)
    void anotherDnsPort(CapturedMails mails) {}

    @Test
    void unchanged(CapturedMails mails) {}
  }

  @Test
  void should_refuse_what_a_shared_server_cannot_change_naming_the_attribute() {
    String fixture = UnchangeableFixture.class.getName();
    run(UnchangeableFixture.class)
        .assertStatistics(s -> s.started(4).succeeded(1).failed(3))
        .assertThatEvents()
        .haveExactly(1, event(test(), displayName("anotherGreeting(CapturedMails)"), finishedWithFailure(
            instanceOf(ExtensionConfigurationException.class), message("@MailDeliverabilityOverride on " + fixture
                + " > anotherGreeting(CapturedMails) cannot change receivingHost: the capture server greets every"
                + " client with one name from the first test to the last, and the tests of this class share that"
                + " server (lifecycle PER_CLASS, or a static @RegisterExtension field). Declare it for the whole"
                + " class, or use lifecycle PER_METHOD, where each test has its own server"))))
        .haveExactly(1, event(test(), displayName("anotherPort(CapturedMails)"), finishedWithFailure(
            instanceOf(ExtensionConfigurationException.class), message("@MailDeliverabilityOverride on " + fixture
                + " > anotherPort(CapturedMails) cannot change smtpPort: the capture server listens on one port"
                + " from the first test to the last, and the tests of this class share that server (lifecycle"
                + " PER_CLASS, or a static @RegisterExtension field). Declare it for the whole class, or use"
                + " lifecycle PER_METHOD, where each test has its own server"))))
        .haveExactly(1, event(test(), displayName("anotherDnsPort(CapturedMails)"), finishedWithFailure(
            instanceOf(ExtensionConfigurationException.class), message("@MailDeliverabilityOverride on " + fixture
                + " > anotherDnsPort(CapturedMails) cannot change dnsPort: the DNS server listens on one port from"
                + " the first test to the last, and the tests of this class share that server (lifecycle PER_CLASS,"
                + " or a static @RegisterExtension field). Declare it for the whole class, or use lifecycle"
                + " PER_METHOD, where each test has its own server"))))
        .haveExactly(1, event(test(), displayName("unchanged(CapturedMails)"), finishedSuccessfully()));
  }

  // ------------------------------------------------------------------ @Nested, meta-annotation, the gate

  @Retention(RetentionPolicy.RUNTIME)
  @MailDeliverabilityOverride(spf = "v=spf1 -all")
  @interface NoSenderAllowed {}

  @MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", spf = "v=spf1 ip4:203.0.113.25 -all",
      records = "@ IN MX 10 mx1")
  static class NestedFixture {
    @Test
    void outer(SmtpEndpoint smtp, CapturedMails mails, DnsZone zone) {
      sendAndExpect(smtp, mails, zone, SpfResultCode.PASS, "10 mx1.sample.co.jp.");
    }

    @Nested
    @MailDeliverabilityOverride(records = "@ IN MX 50 nested")
    class Inner {
      @Test
      void nestedClassOverride(SmtpEndpoint smtp, CapturedMails mails, DnsZone zone) {
        sendAndExpect(smtp, mails, zone, SpfResultCode.PASS, "50 nested.sample.co.jp.");
      }

      @Test
      @NoSenderAllowed
      void methodOverOuterOverride(SmtpEndpoint smtp, CapturedMails mails, DnsZone zone) {
        sendAndExpect(smtp, mails, zone, SpfResultCode.FAIL, "50 nested.sample.co.jp.");
      }
    }
  }

  @Test
  void should_apply_nested_class_overrides_then_the_methods_also_as_meta_annotations() {
    run(NestedFixture.class).assertStatistics(s -> s.started(3).succeeded(3));
  }

  @MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", lifecycle = Lifecycle.PER_CLASS,
      spf = "v=spf1 ip4:203.0.113.25 -all", verifyEachTest = true, checks = {MailCheck.ENVELOPE_DOMAIN, MailCheck.SPF})
  static class GateFixture {
    @Test
    @MailDeliverabilityOverride(verifyEachTest = false)
    void ungated(SmtpEndpoint smtp) {
      leak(smtp);
    }

    @Test
    @MailDeliverabilityOverride(checks = MailCheck.SPF)
    void spfOnly(SmtpEndpoint smtp) {
      leak(smtp); // only SPF is gated
    }

    private static void leak(SmtpEndpoint smtp) {
      Properties p = smtp.javaMailProperties();
      p.setProperty("mail.smtp.from", "apache@localhost.localdomain");
      p.setProperty("mail.from", "shop@sample.co.jp");
      Send.send(p, "shop@sample.co.jp", "user@example.com", "hi");
    }
  }

  @Test
  void should_let_a_method_switch_the_gate_and_its_checks() {
    Events events = run(GateFixture.class);
    events.assertStatistics(s -> s.started(2).succeeded(1).failed(1));
    events.assertThatEvents().haveExactly(1, event(test(), displayName("ungated(SmtpEndpoint)"), finishedSuccessfully()))
        .haveExactly(1, event(test(), displayName("spfOnly(SmtpEndpoint)"), finishedWithFailure(
            instanceOf(AssertionError.class), message(m -> m.startsWith("1 of 1 captured mail(s) would not pass a"
                + " receiver's checks (SPF):")))));
  }

  @MailDeliverability(domain = "sample.co.jp")
  static class TwoValuesFixture {
    @Test
    @MailDeliverabilityOverride(spf = {"v=spf1 -all", "v=spf1 +all"})
    void twoSpfRecords(CapturedMails mails) {}
  }

  @Test
  void should_refuse_two_values_for_a_single_valued_attribute() {
    run(TwoValuesFixture.class).assertThatEvents().haveExactly(1, finishedWithFailure(
        instanceOf(ExtensionConfigurationException.class),
        message("@MailDeliverabilityOverride(spf) takes one value, not 2: [v=spf1 -all, v=spf1 +all]")));
  }

}
