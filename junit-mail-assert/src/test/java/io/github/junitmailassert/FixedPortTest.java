package io.github.junitmailassert;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.junitmailassert.internal.extension.MailEnvironment;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.testing.Send;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Fixed ports: {@code smtpPort} for the capture server, {@code dnsPort} for the loopback DNS server. Each
 * test picks a port the OS reports free at that moment (the library's own tests never share a port), then
 * hands it to a fixture through a holder class, which the fixture reads when JUnit initializes it.
 */
class FixedPortTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
      return s.getLocalPort();
    }
  }

  private static Events run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
  }

  /** What the fixtures saw: port and mail count, one entry per test. */
  static final List<String> SEEN = new CopyOnWriteArrayList<>();

  // ------------------------------------------------------------------ a server per test, one after the other

  static final class PerMethodPort {
    static volatile int port;
  }

  /** Two tests that each send one mail and see only it. */
  abstract static class TwoTests {
    @Test
    void first(SmtpEndpoint smtp, CapturedMails mails, TestInfo test) {
      sendOne(smtp, mails, test);
    }

    @Test
    void second(SmtpEndpoint smtp, CapturedMails mails, TestInfo test) {
      sendOne(smtp, mails, test);
    }
  }

  static class PerMethodFixture extends TwoTests {
    @RegisterExtension
    MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance().domain("port.example")
        .smtpPort(PerMethodPort.port).build();
  }

  static void sendOne(SmtpEndpoint smtp, CapturedMails mails, TestInfo test) {
    String name = test.getTestMethod().orElseThrow().getName();
    Send.mail(smtp, name + "@port.example", "user@example.com", name);
    assertThat(mails.single()).hasEnvelopeSender(name + "@port.example");
    SEEN.add(test.getTestClass().orElseThrow().getSimpleName() + " " + name + " " + smtp.port() + " "
        + mails.count());
  }

  @Test
  void should_listen_on_the_fixed_port_test_after_test_and_free_it_after() throws IOException {
    int port = freePort();
    PerMethodPort.port = port;

    run(PerMethodFixture.class).assertStatistics(s -> s.started(2).succeeded(2));

    assertThat(SEEN).filteredOn(s -> s.startsWith("PerMethodFixture "))
        .containsExactlyInAnyOrder("PerMethodFixture first " + port + " 1", "PerMethodFixture second " + port + " 1");
    try (ServerSocket again = new ServerSocket(port, 1, LOOPBACK)) {
      assertThat(again.getLocalPort()).isEqualTo(port); // closed with the last test
    }
  }

  // ------------------------------------------------------------------ one server for the class

  static final class SharedPort {
    static volatile int port;
  }

  static class SharedFixture extends TwoTests {
    @RegisterExtension
    static MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance().domain("port.example")
        .smtpPort(SharedPort.port).build();
  }

  @Test
  void should_share_the_fixed_port_with_mails_cleared_between_tests() throws IOException {
    int port = freePort();
    SharedPort.port = port;

    run(SharedFixture.class).assertStatistics(s -> s.started(2).succeeded(2));

    assertThat(SEEN).filteredOn(s -> s.startsWith("SharedFixture "))
        .containsExactlyInAnyOrder("SharedFixture first " + port + " 1", "SharedFixture second " + port + " 1");
  }

  // ------------------------------------------------------------------ taken

  static final class TakenPort {
    static volatile int port;
  }

  static class TakenFixture {
    @RegisterExtension
    static MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance().smtpPort(TakenPort.port).build();

    @Test
    void never() {}
  }

  @Test
  void should_say_that_another_process_holds_a_taken_port() throws IOException {
    try (ServerSocket other = new ServerSocket(0, 1, LOOPBACK)) {
      int port = other.getLocalPort();
      TakenPort.port = port;

      EngineTestKit.engine("junit-jupiter").selectors(selectClass(TakenFixture.class)).execute().allEvents()
          .assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
              message("smtpPort " + port + " is taken: another process (or a server of this JVM that is not one of"
                  + " this library's) holds 127.0.0.1:" + port + " (Address already in use). Stop it, or choose another"
                  + " smtpPort (0, the default, takes a free port)")));
    }
  }

  static final class HeldPort {
    static volatile int port;
  }

  static class HeldFixture {
    @RegisterExtension
    static MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance().smtpPort(HeldPort.port).build();

    @Test
    void never() {}
  }

  @Test
  void should_name_the_running_test_whose_capture_server_holds_the_port() throws IOException {
    int port = freePort();
    HeldPort.port = port;
    try (MailEnvironment running = new MailEnvironment(TestSettings.withSmtpPort(port), "SomeTest > first()")) {
      assertThat(running.smtpEndpoint().port()).isEqualTo(port);

      EngineTestKit.engine("junit-jupiter").selectors(selectClass(HeldFixture.class)).execute().allEvents()
          .assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
              message("smtpPort " + port + " is held by the capture server of SomeTest > first(), still running in"
                  + " this JVM: two tests cannot listen on one fixed port at the same time. Run them one after the"
                  + " other (@ResourceLock(\"smtpPort-" + port + "\") on both classes, or lifecycle PER_CLASS in"
                  + " one class), or leave smtpPort at 0 for a free port")));
    }
  }

  // ------------------------------------------------------------------ refused where it cannot work

  static final class ConcurrentPort {
    static volatile int port;
  }

  static class ConcurrentFixture {
    @RegisterExtension
    MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance().smtpPort(ConcurrentPort.port).build();

    @Test
    void one() {}

    @Test
    void two() {}
  }

  @Test
  void should_refuse_a_fixed_port_for_tests_that_run_concurrently_each_with_its_own_server() throws IOException {
    ConcurrentPort.port = freePort();

    EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
        .selectors(selectClass(ConcurrentFixture.class)).execute().testEvents()
        .assertStatistics(s -> s.started(2).failed(2))
        .assertThatEvents().haveExactly(2, finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
            message("smtpPort " + ConcurrentPort.port + " with lifecycle PER_METHOD: the tests of "
                + ConcurrentFixture.class.getName() + " run concurrently (JUnit parallel execution), and each would"
                + " start its own server on that port. Annotate the class @Execution(ExecutionMode.SAME_THREAD),"
                + " or use lifecycle PER_CLASS so that its tests share one server")));
  }

  // ------------------------------------------------------------------ dnsPort

  static final class DnsPort {
    static volatile int port;
  }

  static class DnsFixture {
    @RegisterExtension
    MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance().domain("port.example")
        .records("app IN A 198.51.100.7").dnsPort(DnsPort.port).build();

    @Test
    void resolvesWithoutAskingForTheEndpoint() throws IOException {
      // a process told the port in its configuration asks at once: the server runs before anyone asks for DnsEndpoint
      SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(LOOPBACK, DnsPort.port));
      resolver.setTimeout(Duration.ofSeconds(5));
      Message answer = resolver.send(Message.newQuery(
          org.xbill.DNS.Record.newRecord(Name.fromString("app.port.example."), Type.A, DClass.IN)));
      assertThat(answer.getSection(Section.ANSWER)).extracting(org.xbill.DNS.Record::rdataToString)
          .containsExactly("198.51.100.7");
      assertThat(mail.dns().port()).isEqualTo(DnsPort.port);
    }
  }

  @Test
  void should_serve_dns_on_the_fixed_port_from_the_start() throws IOException {
    DnsPort.port = freeUdpAndTcpPort();

    run(DnsFixture.class).assertStatistics(s -> s.started(1).succeeded(1));
  }

  static final class TakenDnsPort {
    static volatile int port;
  }

  static class TakenDnsFixture {
    @RegisterExtension
    static MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance().dnsPort(TakenDnsPort.port).build();

    @Test
    void never() {}
  }

  @Test
  void should_say_that_another_process_holds_a_taken_dns_port() throws IOException {
    try (DatagramSocket other = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
      int port = other.getLocalPort();
      TakenDnsPort.port = port;

      EngineTestKit.engine("junit-jupiter").selectors(selectClass(TakenDnsFixture.class)).execute().allEvents()
          .assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
              message("dnsPort " + port + " is taken: another process (or a server of this JVM that is not one of"
                  + " this library's) holds 127.0.0.1:" + port + " (Address already in use). Stop it, or choose"
                  + " another dnsPort (0, the default, takes a free port)")));
    }
  }

  /** A port free for UDP and TCP alike, as the DNS server needs. */
  private static int freeUdpAndTcpPort() throws IOException {
    for (int attempt = 0; attempt < 20; attempt++) {
      try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
          ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 1, LOOPBACK)) {
        return tcp.getLocalPort();
      } catch (java.net.BindException e) {
        // the TCP port of that UDP port is taken: another pair
      }
    }
    throw new IllegalStateException("no port free for both UDP and TCP");
  }

  @MailDeliverability(smtpPort = 70_000)
  static class BadPortFixture {
    @Test
    void never(CapturedMails mails) {}
  }

  @Test
  void should_refuse_a_port_that_cannot_exist() {
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(BadPortFixture.class)).execute().allEvents()
        .assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
            message("smtpPort must be a TCP port from 1 to 65535 (or 0, the default, for a free one), not 70000")));
  }
}
