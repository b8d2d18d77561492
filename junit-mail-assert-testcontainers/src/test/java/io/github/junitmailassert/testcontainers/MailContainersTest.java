package io.github.junitmailassert.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.MailDeliverabilityExtension;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.internal.dns.LoopbackDnsServer;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * What {@link MailContainers} refuses before it asks Docker anything. The routes themselves run in
 * src-it/containers, against a real engine.
 */
@MailDeliverability(domain = "sample.co.jp")
class MailContainersTest {

  private static final DockerImageName IMAGE = DockerImageName.parse("shop:latest");

  @Test
  void should_refuse_the_host_network_mode(SmtpEndpoint smtp, DnsZone zone) {
    // GIVEN a container that shares the host's network
    try (GenericContainer<?> app = new GenericContainer<>(IMAGE).withNetworkMode("host")) {
      // WHEN
      Throwable thrown = catchThrowable(() -> MailContainers.sendThrough(app, smtp, zone));

      // THEN
      assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessage("the container uses network mode"
          + " \"host\": MailContainers routes containers on a Docker bridge network, its own or one given with"
          + " withNetwork");
    }
  }

  @Test
  void should_say_that_no_test_runs_when_the_extension_has_none() {
    // GIVEN an extension outside of any test
    MailDeliverabilityExtension idle = MailDeliverabilityExtension.newInstance().build();
    try (GenericContainer<?> app = new GenericContainer<>(IMAGE)) {
      // WHEN
      Throwable thrown = catchThrowable(() -> MailContainers.sendThrough(app, idle));

      // THEN
      assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage("no test is running with this"
          + " extension: its servers start before each test (or before all tests, for a static field) and stop"
          + " after it");
    }
  }

  @Test
  void should_answer_on_the_one_port_it_is_given_or_say_why_not() throws Exception {
    // GIVEN a UDP port that is taken
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
      // WHEN a DNS server must listen there
      Throwable thrown = catchThrowable(() -> LoopbackDnsServer.start(DnsZone.create(), loopback, taken.getLocalPort()));

      // THEN it says where, and does not pick another port
      assertThat(thrown).isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith("cannot listen for DNS on 127.0.0.1 port " + taken.getLocalPort() + ": ");
    }
  }
}
