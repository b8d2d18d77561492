package io.github.junitmailassert.it.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.MailDeliverabilityExtension;
import io.github.junitmailassert.envelope.LocalNames;
import io.github.junitmailassert.testcontainers.MailContainers;
import io.github.junitmailassert.testcontainers.MailRoute;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;

/**
 * What {@link MailContainers#sendThrough} gives a container, seen from inside it: the capture
 * server at {@code host.testcontainers.internal} port 25, the fake zone as its DNS, and a network
 * that goes away with the route. Programmatic door; the tests run two at a time.
 */
@RequiresDocker
class MailRouteTest {

  @RegisterExtension
  MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance()
      .domain("sample.co.jp")
      .clientIp("203.0.113.25")
      .clientHostName("mail.sample.co.jp")
      .records("www IN A 203.0.113.80")
      .build();

  /**
   * An application that speaks SMTP itself (here bash, as little as a sender can be), greeting with
   * the container's host name and sending as www-data at it: the usual bug of a dockerized app.
   */
  private static final String SEND_ORDER_MAIL = String.join("\n",
      "set -e",
      "exec 3<>/dev/tcp/$SMTP_HOST/$SMTP_PORT",
      "reply() { while IFS= read -r -t 10 line <&3; do line=${line%$'\\r'}; echo \"S: $line\";"
          + " case $line in \"$1 \"*) return 0;; \"$1-\"*) ;; *) return 1;; esac; done; return 1; }",
      "say() { printf '%s\\r\\n' \"$1\" >&3; echo \"C: $1\"; }",
      "reply 220",
      "say \"EHLO $(hostname)\"; reply 250",
      "say \"MAIL FROM:<www-data@$(hostname)>\"; reply 250",
      "say 'RCPT TO:<user@example.com>'; reply 250",
      "say DATA; reply 354",
      "say 'From: Sample Shop <no-reply@sample.co.jp>'; say 'To: user@example.com'; say 'Subject: Your order';"
          + " say ''; say 'Shipped today.'; say '.'; reply 250",
      "say QUIT; reply 221");

  @Test
  void should_deliver_to_the_capture_server_when_the_application_uses_the_routes_smtp_endpoint() throws Exception {
    try (GenericContainer<?> app = debian().withCreateContainerCmdModifier(cmd -> cmd.withHostName("shop-web-1"));
        MailRoute route = MailContainers.sendThrough(app, mail)) {
      // GIVEN the application is told where to send, as its configuration would be
      app.withEnv("SMTP_HOST", route.smtp().host()).withEnv("SMTP_PORT", Integer.toString(route.smtp().port()));
      app.start();

      // WHEN it sends
      exec(app, "bash", "-c", SEND_ORDER_MAIL);

      // THEN the mail arrives exactly as sent, and the checks see the declared client
      CapturedMail order = mail.mails().single();
      assertThat(route.smtp().toString()).isEqualTo("smtp://host.testcontainers.internal:25");
      assertThat(order.heloName()).contains("shop-web-1");
      assertThat(order.envelopeSender()).isEqualTo("www-data@shop-web-1");
      assertThat(order.subject()).contains("Your order");
      assertThat(LocalNames.findLeaks(order).stream().map(l -> l.place().label() + ": " + l.localName())
          .collect(Collectors.toList()))
          .containsExactly("MAIL FROM: shop-web-1", "HELO/EHLO: shop-web-1");
      assertThat(mail.receiver().clientIpOf(order).getHostAddress()).isEqualTo("203.0.113.25");
    }
  }

  @Test
  void should_resolve_through_the_fake_zone_when_routed() throws Exception {
    try (GenericContainer<?> app = debian();
        MailRoute route = MailContainers.sendThrough(app, mail)) {
      // GIVEN a name added while the test runs, and the ones the extension declared
      mail.zone().mx("sample.co.jp", 10, "mail.sample.co.jp");
      app.start();

      // WHEN the container's own resolver looks them up
      String www = exec(app, "getent", "ahostsv4", "www.sample.co.jp");
      String reverse = exec(app, "getent", "hosts", "203.0.113.25");
      ExecResult missing = app.execInContainer("getent", "hosts", "nowhere.sample.co.jp");
      String hostEntry = exec(app, "getent", "hosts", MailRoute.HOST_NAME);

      // THEN the zone answers, NXDOMAIN included, and the host name points at the route
      assertThat(fields(www.lines().findFirst().orElse(""))).containsExactly("203.0.113.80", "STREAM", "www.sample.co.jp");
      assertThat(fields(reverse)).containsExactly("203.0.113.25", "mail.sample.co.jp");
      assertThat(missing.getExitCode()).as("getent's exit code for a name the zone does not have").isEqualTo(2);
      assertThat(fields(hostEntry)).containsExactly(route.hostAddress(), MailRoute.HOST_NAME);
      assertThat(route.dns().toString()).isEqualTo("dns://" + route.hostAddress() + ":53");
    }
  }

  @Test
  void should_stop_the_container_and_remove_its_network_when_the_route_closes() throws Exception {
    // GIVEN a routed, running container on the network the route made
    GenericContainer<?> app = debian();
    MailRoute route = MailContainers.sendThrough(app, mail);
    String networkId;
    try {
      app.start();
      networkId = app.getNetwork().getId();
      assertThat(networks(networkId)).isEqualTo(1);
    } catch (RuntimeException | Error e) {
      route.close();
      throw e;
    }

    // WHEN the route closes
    route.close();

    // THEN the container is gone, and so is its network
    assertThat(app.getContainerId()).isNull();
    assertThat(networks(networkId)).isZero();
    route.close(); // twice is harmless
  }

  @Test
  void should_leave_a_given_network_and_its_container_alone_when_the_route_closes() throws Exception {
    try (Network network = Network.newNetwork();
        GenericContainer<?> app = debian().withNetwork(network)) {
      // GIVEN a container on the test's own network (to reach a database, say)
      MailRoute route = MailContainers.sendThrough(app, mail);
      app.start();
      mail.zone().mx("example.com", 10, "mx.example.com").a("mx.example.com", route.hostAddress());
      String mx = exec(app, "getent", "hosts", "mx.example.com");

      // WHEN the route closes
      route.close();

      // THEN the route served that network, and leaves it and the container running
      assertThat(fields(mx)).containsExactly(route.hostAddress(), "mx.example.com");
      assertThat(app.getNetwork()).isSameAs(network);
      assertThat(app.isRunning()).isTrue();
      assertThat(networks(network.getId())).isEqualTo(1);
    }
  }

  @Test
  void should_refuse_a_container_that_already_runs() {
    try (GenericContainer<?> app = debian()) {
      // GIVEN
      app.start();

      // WHEN
      Throwable thrown = catchThrowable(() -> MailContainers.sendThrough(app, mail));

      // THEN
      assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage("call MailContainers.sendThrough before"
          + " the container starts: its network, DNS server and host entries are fixed when Docker creates it");
    }
  }

  @Test
  void should_refuse_the_host_network() {
    try (GenericContainer<?> app = debian().withNetworkMode("host")) {
      // WHEN
      Throwable thrown = catchThrowable(() -> MailContainers.sendThrough(app, mail));

      // THEN
      assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessage("the container uses network mode"
          + " \"host\": MailContainers routes containers on a Docker bridge network, its own or one given with"
          + " withNetwork");
    }
  }

  private static GenericContainer<?> debian() {
    return new GenericContainer<>(DebianSendmailImage.IMAGE).withStartupTimeout(Duration.ofSeconds(60));
  }

  private static String exec(GenericContainer<?> container, String... command) throws Exception {
    ExecResult result = container.execInContainer(command);
    assertThat(result.getExitCode())
        .as("exit code of %s%nstdout: %s%nstderr: %s", String.join(" ", command), result.getStdout(), result.getStderr())
        .isZero();
    return result.getStdout();
  }

  /** getent's output without its column padding, which depends on the address's length. */
  private static String[] fields(String getentLine) {
    return getentLine.trim().split("\\s+");
  }

  private static int networks(String id) {
    return DockerClientFactory.instance().client().listNetworksCmd().withIdFilter(id).exec().size();
  }
}
