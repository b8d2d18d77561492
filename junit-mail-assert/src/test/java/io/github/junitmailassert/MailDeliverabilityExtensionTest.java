package io.github.junitmailassert;

import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.mail.DnsEndpoint;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.CapturedMail;
import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.junitmailassert.MailDeliverability.Lifecycle;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.internal.dns.DnsLookup;
import io.github.junitmailassert.testing.Send;
import java.io.IOException;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.net.Socket;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** Runs fixture test classes through the JUnit engine and checks what users would see. */
class MailDeliverabilityExtensionTest {

  private static Events run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
  }

  // ------------------------------------------------------------------ declarative, injection

  @MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", clientHostName = "mail.sample.co.jp",
      spf = "v=spf1 ip4:203.0.113.25 -all", records = {"@ IN MX 10 mail"})
  static class InjectionFixture {
    @Test
    void sends(SmtpEndpoint smtp, CapturedMails mails, DnsZone zone, io.github.junitmailassert.receiver.Receiver view) {
      Send.mail(smtp, "no-reply@sample.co.jp", "user@example.com", "Welcome");
      assertThat(mails.single()).hasEnvelopeSenderDomain("sample.co.jp").hasNoLocalNameLeaks()
          .hasHeloName("mail.sample.co.jp");
      DnsLookup dns = new DnsLookup(zone.resolver());
      assertThat(dns.txtStrings(dns.lookup("sample.co.jp", Type.TXT))).containsExactly("v=spf1 ip4:203.0.113.25 -all");
      assertThat(dns.lookup("sample.co.jp", Type.MX).records()).extracting(Record::rdataToString)
          .containsExactly("10 mail.sample.co.jp.");
      assertThat(dns.lookup("25.113.0.203.in-addr.arpa", Type.PTR).records()).extracting(Record::rdataToString)
          .containsExactly("mail.sample.co.jp.");
      assertThat(view.clientIpOf(mails.single()).getHostAddress()).isEqualTo("203.0.113.25");
      assertThat(mails.single().receiver()).contains(view);
    }
  }

  @Test
  void should_inject_the_endpoint_mails_zone_and_receiver_view() {
    run(InjectionFixture.class).assertStatistics(s -> s.started(1).succeeded(1));
  }

  @MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", spf = "v=spf1 ip4:203.0.113.25 -all",
      dmarc = "v=DMARC1; p=reject", dmarcMode = io.github.junitmailassert.dmarc.DmarcMode.RFC7489_PSL)
  static class DmarcModeFixture {
    @Test
    void usesThePublicSuffixList(SmtpEndpoint smtp, CapturedMails mails) {
      Send.mail(smtp, "news@mail.sample.co.jp", "user@example.com", "hi");
      var dmarc = io.github.junitmailassert.receiver.Receiver.checkOf(mails.single()).dmarc();
      assertThat(dmarc.mode()).isEqualTo(io.github.junitmailassert.dmarc.DmarcMode.RFC7489_PSL);
      assertThat(dmarc.organizationalDomain()).isEqualTo("sample.co.jp");
    }
  }

  @Test
  void should_let_the_test_choose_the_dmarc_mode() {
    run(DmarcModeFixture.class).assertStatistics(s -> s.started(1).succeeded(1));
  }

  // ------------------------------------------------------------------ the CI gate

  @MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", clientHostName = "mail.sample.co.jp",
      spf = "v=spf1 ip4:203.0.113.25 -all", verifyEachTest = true)
  static class GateFixture {
    @Test
    void leaky(SmtpEndpoint smtp) {
      sendLeaky(smtp);
    }

    @Test
    void clean(SmtpEndpoint smtp) {
      Send.mail(smtp, "no-reply@sample.co.jp", "user@example.com", "Reset your password");
    }
  }

  @Test
  void should_fail_a_test_that_sent_a_bad_mail_with_one_report_and_no_assertion_written() {
    Events events = run(GateFixture.class);
    events.assertStatistics(s -> s.started(2).succeeded(1).failed(1));
    events.assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.equals(
        String.format("1 of 1 captured mail(s) would not pass a receiver's checks"
            + " (ENVELOPE_DOMAIN, LOCAL_NAMES, SPF, REVERSE_DNS):%n%nmail #1") + LEAKY_MAIL_FINDINGS))));
  }

  /** The gate's lines on the mail {@link #sendLeaky} sends, after its "mail #n". */
  private static final String LEAKY_MAIL_FINDINGS = String.format(
      " from <apache@localhost.localdomain> to [user@example.com] \"Reset your password\"%n"
      + "  - MAIL FROM <apache@localhost.localdomain>: localhost.localdomain is the name every machine gives itself%n"
      + "  - HELO/EHLO localhost.localdomain: localhost.localdomain is the name every machine gives itself%n"
      + "  - Received-SPF: none (mx.receiver.test: domain of apache@localhost.localdomain does not designate"
      + " permitted sender hosts) client-ip=203.0.113.25; envelope-from=\"apache@localhost.localdomain\";"
      + " helo=localhost.localdomain; receiver=mx.receiver.test; identity=mailfrom%n"
      + "%n"
      + "How to fix:%n"
      + "  - set the envelope sender to an address in sample.co.jp: Jakarta Mail mail.smtp.from=no-reply@sample.co.jp"
      + " (Spring Boot: spring.mail.properties.mail.smtp.from); PHP -fno-reply@sample.co.jp in sendmail_path or as"
      + " mail()'s fifth argument; sendmail MASQUERADE_AS(`sample.co.jp') with FEATURE(`masquerade_envelope')%n"
      + "  - set the name the client greets with: Jakarta Mail mail.smtp.localhost=mail.sample.co.jp; sendmail"
      + " define(`confDOMAIN_NAME', `mail.sample.co.jp'); Postfix myhostname = mail.sample.co.jp%n"
      + "  - no SPF record can exist for localhost.localdomain: put the envelope sender in your own domain first,"
      + " then publish TXT \"v=spf1 ip4:203.0.113.25 -all\" there");

  /** A mail whose envelope sender and HELO name are the machine's own name. */
  static void sendLeaky(SmtpEndpoint smtp) {
    Properties p = smtp.javaMailProperties();
    p.setProperty("mail.smtp.localhost", "localhost.localdomain");
    p.setProperty("mail.smtp.from", "apache@localhost.localdomain");
    p.setProperty("mail.from", "shop@sample.co.jp"); // keeps Message-ID (random) out of the exact report
    Send.send(p, "shop@sample.co.jp", "user@example.com", "Reset your password");
  }

  @MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", clientHostName = "mail.sample.co.jp",
      spf = "v=spf1 ip4:203.0.113.25 -all", verifyEachTest = true)
  static class ManyMailsGateFixture {
    @Test
    void sixtyMailsOneLeaky(SmtpEndpoint smtp) {
      for (int i = 1; i <= 60; i++) {
        if (i == 43) {
          sendLeaky(smtp);
        } else {
          Send.mail(smtp, "no-reply@sample.co.jp", "user@example.com", "Reset your password");
        }
      }
    }
  }

  @Test
  void should_name_the_one_bad_mail_of_sixty_in_the_gate_report() {
    run(ManyMailsGateFixture.class).assertThatEvents().haveExactly(1, finishedWithFailure(
        instanceOf(AssertionError.class), message(String.format("1 of 60 captured mail(s) would not pass a receiver's"
            + " checks (ENVELOPE_DOMAIN, LOCAL_NAMES, SPF, REVERSE_DNS):%n%nmail #43") + LEAKY_MAIL_FINDINGS)));
  }

  // ------------------------------------------------------------------ per-class lifecycle, nested, meta-annotation

  @Retention(RetentionPolicy.RUNTIME)
  @MailDeliverability(domain = "shop.example", lifecycle = Lifecycle.PER_CLASS, records = {"mail IN A 198.51.100.4"})
  @interface ShopMailTest {}

  @ShopMailTest
  static class PerClassFixture {
    static final AtomicInteger PORT = new AtomicInteger();

    @Test
    void first(SmtpEndpoint smtp, CapturedMails mails, DnsZone zone) {
      check(smtp, mails, zone);
    }

    @Test
    void second(SmtpEndpoint smtp, CapturedMails mails, DnsZone zone) {
      check(smtp, mails, zone);
    }

    private static void check(SmtpEndpoint smtp, CapturedMails mails, DnsZone zone) {
      // the same server for both tests, but a clean slate: no mail, and the zone as declared
      assertThat(PORT.compareAndSet(0, smtp.port()) || PORT.get() == smtp.port()).isTrue();
      assertThat(mails.count()).isZero();
      assertThat(new DnsLookup(zone.resolver()).lookup("added.shop.example", Type.A).isOk()).isFalse();
      zone.a("added.shop.example", "198.51.100.5");
      Send.mail(smtp, "a@shop.example", "user@example.com", "hi");
      assertThat(mails.await(1)).hasSize(1);
    }

    @Nested
    class Inner {
      @Test
      void sharesTheEnclosingServer(SmtpEndpoint smtp, DnsZone zone) {
        assertThat(smtp.port()).isEqualTo(PORT.get());
        assertThat(new DnsLookup(zone.resolver()).lookup("mail.shop.example", Type.A).isOk()).isTrue();
      }
    }
  }

  @Test
  void should_share_one_server_per_class_reset_before_each_test_including_nested_classes() {
    run(PerClassFixture.class).assertStatistics(s -> s.started(3).succeeded(3));
  }

  @MailDeliverability(domain = "nested.example")
  static class PerMethodNestedFixture {
    @Nested
    class Inner {
      @Test
      void findsTheEnclosingSettings(SmtpEndpoint smtp, CapturedMails mails) {
        Send.mail(smtp, "a@nested.example", "user@example.com", "hi");
        assertThat(mails.single()).hasEnvelopeSenderDomain("nested.example");
      }
    }
  }

  @Test
  void should_find_the_settings_of_the_enclosing_class_from_a_nested_class() {
    run(PerMethodNestedFixture.class).assertStatistics(s -> s.started(1).succeeded(1));
  }

  // ------------------------------------------------------------------ programmatic

  static class ProgrammaticStaticFixture {
    @RegisterExtension
    static MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance()
        .domain("prog.example").clientIp("192.0.2.10").spf("v=spf1 ip4:192.0.2.10 -all").build();
    static final AtomicInteger PORT = new AtomicInteger();

    @Test
    void one() {
      check();
    }

    @Test
    void two() {
      check();
    }

    private static void check() {
      assertThat(PORT.compareAndSet(0, mail.smtp().port()) || PORT.get() == mail.smtp().port()).isTrue();
      assertThat(mail.mails().count()).isZero();
      Send.mail(mail.smtp(), "a@prog.example", "user@example.com", "hi");
      assertThat(mail.mails().single()).hasEnvelopeSenderDomain("prog.example");
      assertThat(mail.receiver().declaredClientIp()).hasValueSatisfying(ip -> assertThat(ip.getHostAddress())
          .isEqualTo("192.0.2.10"));
    }
  }

  static class ProgrammaticInstanceFixture {
    static final java.util.Set<CapturedMails> SEEN = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    @RegisterExtension
    MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance().domain("inst.example").build();

    @BeforeEach
    void count() {
      synchronized (SEEN) {
        SEEN.add(mail.mails());
      }
    }

    @Test
    void one(CapturedMails mails) {
      Send.mail(mail.smtp(), "a@inst.example", "user@example.com", "hi");
      assertThat(mails.single()).hasEnvelopeSender("a@inst.example");
    }

    @Test
    void two(CapturedMails mails) {
      Send.mail(mail.smtp(), "b@inst.example", "user@example.com", "hi");
      assertThat(mails.single()).hasEnvelopeSender("b@inst.example");
    }
  }

  @Test
  void should_share_a_server_for_a_static_field_and_start_one_per_test_for_an_instance_field() {
    run(ProgrammaticStaticFixture.class).assertStatistics(s -> s.started(2).succeeded(2));
    run(ProgrammaticInstanceFixture.class).assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(ProgrammaticInstanceFixture.SEEN).hasSize(2); // one environment per test
  }

  // ------------------------------------------------------------------ the class's endpoint, for integrations

  @MailDeliverability(domain = "class.example", lifecycle = Lifecycle.PER_CLASS)
  static class ClassEndpointFixture {
    @Test
    void isTheClassServer(SmtpEndpoint smtp) {
      assertThat(MailDeliverabilityExtension.classSmtpEndpoint(ClassEndpointFixture.class)).contains(smtp);
    }

    @Nested
    class Inner {
      @Test
      void isTheEnclosingClassServer(SmtpEndpoint smtp) {
        assertThat(MailDeliverabilityExtension.classSmtpEndpoint(Inner.class)).contains(smtp);
      }
    }
  }

  static class ClassEndpointStaticFieldFixture {
    @RegisterExtension
    static MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance().domain("class.example").build();

    @Test
    void isTheFieldServer() {
      assertThat(MailDeliverabilityExtension.classSmtpEndpoint(ClassEndpointStaticFieldFixture.class))
          .contains(mail.smtp());
    }
  }

  @MailDeliverability(domain = "class.example")
  static class ClassEndpointPerMethodFixture {
    @Test
    void hasNone() {
      assertThat(MailDeliverabilityExtension.classSmtpEndpoint(ClassEndpointPerMethodFixture.class)).isEmpty();
    }
  }

  @Test
  void should_give_the_class_server_while_the_class_runs_and_nothing_for_servers_per_test() {
    run(ClassEndpointFixture.class).assertStatistics(s -> s.started(2).succeeded(2));
    run(ClassEndpointStaticFieldFixture.class).assertStatistics(s -> s.started(1).succeeded(1));
    run(ClassEndpointPerMethodFixture.class).assertStatistics(s -> s.started(1).succeeded(1));
    // after the class: gone
    assertThat(MailDeliverabilityExtension.classSmtpEndpoint(ClassEndpointFixture.class)).isEmpty();
    assertThat(MailDeliverabilityExtension.classSmtpEndpoint(ClassEndpointStaticFieldFixture.class)).isEmpty();
  }

  // ------------------------------------------------------------------ closing, errors, system properties

  @MailDeliverability(domain = "fail.example")
  static class FailingFixture {
    static volatile SmtpEndpoint seen;
    static volatile DnsEndpoint seenDns;

    @Test
    void fails(SmtpEndpoint smtp, DnsEndpoint dns) {
      seen = smtp;
      seenDns = dns;
      throw new AssertionError("the application broke");
    }
  }

  @Test
  void should_stop_the_servers_even_when_the_test_fails() throws IOException {
    run(FailingFixture.class).assertStatistics(s -> s.started(1).failed(1));
    SmtpEndpoint smtp = FailingFixture.seen;
    assertThat(smtp).isNotNull();
    assertThat(canConnect(smtp)).as("the capture server still accepts connections on %s", smtp).isFalse();
    DnsEndpoint dns = FailingFixture.seenDns;
    // the DNS server's UDP and TCP sockets are closed: the port can be taken again
    try (java.net.DatagramSocket udp = new java.net.DatagramSocket(
            new java.net.InetSocketAddress(dns.host(), dns.port()));
        java.net.ServerSocket tcp = new java.net.ServerSocket(dns.port(), 1, java.net.InetAddress.getByName(dns.host()))) {
      assertThat(udp.getLocalPort()).isEqualTo(tcp.getLocalPort());
    }
  }

  @MailDeliverability(clientIp = "not-an-ip")
  static class BadSettingsFixture {
    @Test
    void never(CapturedMails mails) {}
  }

  @Test
  void should_report_bad_settings_clearly() {
    run(BadSettingsFixture.class).assertThatEvents().haveExactly(1, finishedWithFailure(
        instanceOf(ExtensionConfigurationException.class),
        message("clientIp must be an IPv4 or IPv6 address, not \"not-an-ip\"")));
  }

  @MailDeliverability(domain = "sample.co.jp", verifyEachTest = true)
  static class GateWithoutClientIpFixture {
    @Test
    void never(CapturedMails mails) {}
  }

  @MailDeliverability(clock = "yesterday")
  static class BadClockFixture {
    @Test
    void never(CapturedMails mails) {}
  }

  @MailDeliverability(clock = "2026-11-27T10:00:00Z", spf = "v=spf1 -all")
  static class DomainlessSpfFixture {
    @Test
    void never(CapturedMails mails) {}
  }

  static class ProgrammaticGateWithoutChecksFixture {
    @RegisterExtension
    static MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance().domain("sample.co.jp")
        .clientIp("203.0.113.25").verifyEachTest(true).checks().blockLists(" ").build();

    @Test
    void never() {}
  }

  @Test
  void should_refuse_settings_that_cannot_work_naming_the_attribute() {
    // The builder door fails where the annotation does: when the environment starts, not in a class initializer.
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(ProgrammaticGateWithoutChecksFixture.class)).execute()
        .allEvents().assertThatEvents().haveExactly(1, finishedWithFailure(
            instanceOf(ExtensionConfigurationException.class),
            message("blockLists: a block list is a DNS zone such as \"zen.dnsbl.example\", not \" \"")));
    // Settings are read before all tests of the class, so the class itself fails.
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(GateWithoutClientIpFixture.class)).execute().allEvents().assertThatEvents().haveExactly(1, finishedWithFailure(
        instanceOf(ExtensionConfigurationException.class),
        message("verifyEachTest checks SPF and REVERSE_DNS for the client IP receivers would see: declare clientIp"
            + " (over loopback every client is 127.0.0.1), or leave them out of checks")));
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(BadClockFixture.class)).execute().allEvents()
        .assertThatEvents().haveExactly(1, finishedWithFailure(
        instanceOf(ExtensionConfigurationException.class),
        message("clock must be an ISO-8601 instant such as \"2026-11-27T10:00:00Z\", not \"yesterday\"")));
    run(DomainlessSpfFixture.class).assertThatEvents().haveExactly(1, finishedWithFailure(
        instanceOf(ExtensionConfigurationException.class),
        message("spf and dmarc are published at the domain: declare domain as well")));
  }

  @MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", clock = "2026-11-27T10:00:00Z")
  static class FixedClockFixture {
    @Test
    void readsTheClock(io.github.junitmailassert.receiver.Receiver receiver) {
      assertThat(receiver.clock().instant()).isEqualTo(java.time.Instant.parse("2026-11-27T10:00:00Z"));
    }
  }

  @MailDeliverability(dkimPolicy = io.github.junitmailassert.dkim.DkimPolicy.LEGACY, blockLists = "zen.dnsbl.example")
  static class ReceiverSettingsFixture {
    @Test
    void readsTheSettings(io.github.junitmailassert.receiver.Receiver receiver) {
      assertThat(receiver.dkimPolicy()).isEqualTo(io.github.junitmailassert.dkim.DkimPolicy.LEGACY);
      assertThat(receiver.blockLists()).containsExactly("zen.dnsbl.example");
    }
  }

  @Test
  void should_give_the_receiver_the_declared_dkim_policy_and_block_lists() {
    run(ReceiverSettingsFixture.class).assertStatistics(s -> s.started(1).succeeded(1));
  }

  @Test
  void should_give_the_receiver_the_declared_clock() {
    run(FixedClockFixture.class).assertStatistics(s -> s.started(1).succeeded(1));
  }

  @MailDeliverability(domain = "props.example")
  @PublishSmtpSystemProperties
  static class SystemPropertiesFixture {
    @Test
    void publishes(SmtpEndpoint smtp, CapturedMails mails) {
      assertThat(System.getProperty("spring.mail.host")).isEqualTo("127.0.0.1");
      assertThat(System.getProperty("spring.mail.port")).isEqualTo(Integer.toString(smtp.port()));
      Properties p = new Properties();
      p.setProperty("mail.smtp.host", System.getProperty("mail.smtp.host"));
      p.setProperty("mail.smtp.port", System.getProperty("mail.smtp.port"));
      p.setProperty("mail.smtp.from", "a@props.example");
      Send.send(p, "a@props.example", "user@example.com", "hi");
      assertThat(mails.single()).hasEnvelopeSender("a@props.example");
    }
  }

  @Test
  @org.junit.jupiter.api.parallel.ResourceLock(org.junit.jupiter.api.parallel.Resources.SYSTEM_PROPERTIES)
  void should_publish_host_and_port_as_system_properties_and_restore_them() {
    System.clearProperty("spring.mail.port");
    System.setProperty("mail.smtp.host", "before.example");
    try {
      run(SystemPropertiesFixture.class).assertStatistics(s -> s.started(1).succeeded(1));
      assertThat(System.getProperty("mail.smtp.host")).isEqualTo("before.example");
      assertThat(System.getProperty("spring.mail.port")).isNull();
    } finally {
      System.clearProperty("mail.smtp.host");
    }
  }

  @MailDeliverability(domain = "jndi.example", records = {"s1._domainkey IN TXT \"v=DKIM1; k=rsa; p=AAAA\""})
  @PublishDnsSystemProperties
  static class JndiFixture {
    @Test
    void resolvesThroughTheZone() throws Exception {
      java.util.Hashtable<String, String> env = new java.util.Hashtable<>();
      env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory"); // as JNDI users write it
      javax.naming.directory.Attributes txt = new javax.naming.directory.InitialDirContext(env)
          .getAttributes("s1._domainkey.jndi.example", new String[] {"TXT"});
      assertThat(txt.get("TXT").get().toString()).isEqualTo("\"v=DKIM1; k=rsa; p=AAAA\""); // JNDI quotes text with spaces
    }
  }

  @Test
  @org.junit.jupiter.api.parallel.ResourceLock(org.junit.jupiter.api.parallel.Resources.SYSTEM_PROPERTIES)
  void should_let_jndi_dns_lookups_resolve_through_the_zone() {
    run(JndiFixture.class).assertStatistics(s -> s.started(1).succeeded(1));
    assertThat(System.getProperty("java.naming.provider.url")).isNull();
  }

  // ------------------------------------------------------------------ shared base class, concurrency

  abstract static class SharedBase {
    @RegisterExtension
    static MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance().domain("base.example").build();
    static final java.util.concurrent.CyclicBarrier BOTH_RUNNING = new java.util.concurrent.CyclicBarrier(2);
    static final java.util.concurrent.CyclicBarrier BOTH_CHECKED = new java.util.concurrent.CyclicBarrier(2);

    @Test
    void sends(SmtpEndpoint smtp, CapturedMails mails) throws Exception {
      Send.mail(smtp, "a@base.example", "user@example.com", getClass().getSimpleName());
      BOTH_RUNNING.await(30, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(mails.single()).hasHeader("Subject", getClass().getSimpleName()); // parameters stay exact
      org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> mail.mails())
          .withMessage("this extension instance serves 2 test classes running at the same time (a static field in a"
              + " shared base class?), so it cannot tell which one asks: declare the field in each test class, or take"
              + " CapturedMails, SmtpEndpoint and DnsZone as test method parameters");
      BOTH_CHECKED.await(30, java.util.concurrent.TimeUnit.SECONDS); // neither class ends before both looked
    }
  }

  static class SharedBaseA extends SharedBase {}

  static class SharedBaseB extends SharedBase {}

  private static EngineTestKit.Builder parallel() {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
  }

  @Test
  void should_refuse_to_guess_when_one_static_field_serves_two_running_classes() {
    parallel().selectors(selectClass(SharedBaseA.class), selectClass(SharedBaseB.class)).execute().testEvents()
        .assertStatistics(s -> s.started(2).succeeded(2));
  }

  @MailDeliverability(domain = "shared.example", lifecycle = Lifecycle.PER_CLASS)
  @org.junit.jupiter.api.extension.ExtendWith(ReleaseWhenRefused.class)
  static class ConcurrentPerClassFixture {
    static final java.util.concurrent.CountDownLatch REFUSED = new java.util.concurrent.CountDownLatch(1);

    @Test
    void one(CapturedMails mails) throws InterruptedException {
      holdTheServer();
    }

    @Test
    void two(CapturedMails mails) throws InterruptedException {
      holdTheServer();
    }

    // The test that got the server keeps it until the other one was refused.
    private static void holdTheServer() throws InterruptedException {
      assertThat(REFUSED.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
  }

  /** Tells the fixture above that a test of it failed (was refused). */
  static class ReleaseWhenRefused implements org.junit.jupiter.api.extension.TestWatcher {
    @Override
    public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
      ConcurrentPerClassFixture.REFUSED.countDown();
    }
  }

  @Test
  void should_refuse_a_test_that_would_share_a_per_class_server_with_a_running_one() {
    parallel().selectors(selectClass(ConcurrentPerClassFixture.class)).execute().testEvents()
        .assertStatistics(s -> s.started(2).succeeded(1).failed(1))
        .assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(
            org.junit.jupiter.api.extension.ExtensionConfigurationException.class), message(m -> m.equals(
            "Another test is using the same capture server right now: with lifecycle PER_CLASS (or a static"
                + " @RegisterExtension field) the tests of"
                + " io.github.junitmailassert.MailDeliverabilityExtensionTest$ConcurrentPerClassFixture share it, so they"
                + " must not run concurrently. Annotate the class @Execution(ExecutionMode.SAME_THREAD), or use the"
                + " default PER_METHOD lifecycle."))));
  }

  @MailDeliverability(domain = "sample.co.jp", zoneFiles = "classpath:zones/sample.zone", receivingHost = "mx.test.example",
      clientIp = "203.0.113.25", lifecycle = Lifecycle.PER_CLASS)
  @PublishSmtpSystemProperties
  static class ZoneFileAndClassPropertiesFixture {
    static volatile String portSeenBeforeAll;

    @org.junit.jupiter.api.BeforeAll
    static void readProperties(SmtpEndpoint smtp) {
      portSeenBeforeAll = System.getProperty("mail.smtp.port") + "=" + smtp.port();
    }

    @Test
    void loadsTheZoneFileAndNamesTheReceiver(SmtpEndpoint smtp, CapturedMails mails) {
      Send.mail(smtp, "a@sample.co.jp", "user@example.com", "hi");
      CapturedMail mail = mails.single();
      assertThat(mail).spf().isPass().hasMechanism("mx");
      assertThat(io.github.junitmailassert.receiver.Receiver.checkOf(mail).receivedSpf())
          .startsWith("Received-SPF: pass (mx.test.example: ");
    }
  }

  @Test
  @org.junit.jupiter.api.parallel.ResourceLock(org.junit.jupiter.api.parallel.Resources.SYSTEM_PROPERTIES)
  void should_load_class_path_zone_files_and_publish_properties_for_the_whole_class() {
    run(ZoneFileAndClassPropertiesFixture.class).assertStatistics(s -> s.started(1).succeeded(1));
    String[] seen = ZoneFileAndClassPropertiesFixture.portSeenBeforeAll.split("=");
    assertThat(seen[0]).isEqualTo(seen[1]);
    assertThat(System.getProperty("mail.smtp.port")).isNull();
  }

  static boolean canConnect(SmtpEndpoint smtp) {
    try (Socket s = new Socket(smtp.host(), smtp.port())) {
      return s.isConnected();
    } catch (IOException e) {
      return false;
    }
  }
}
