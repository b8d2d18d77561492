package io.github.junitmailassert.testcontainers;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.HostConfig;
import io.github.junitmailassert.MailDeliverabilityExtension;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.internal.dns.IpLiterals;
import io.github.junitmailassert.internal.dns.LoopbackDnsServer;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import org.apiguardian.api.API;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;

/**
 * Makes an application or an MTA in a Testcontainers container send its mail to the test's capture
 * server and resolve names through the test's fake DNS zone:
 *
 * <pre>{@code
 * @Test
 * void sendsTheWelcomeMail(SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) {
 *   try (GenericContainer<?> app = new GenericContainer<>("shop:latest");
 *        MailRoute route = MailContainers.sendThrough(app, smtp, zone)) {
 *     app.withEnv("SPRING_MAIL_HOST", route.smtp().host()).start();
 *     // ... make the application send
 *     assertThat(mails.single()).hasEnvelopeSenderDomain("sample.co.jp").hasNoLocalNameLeaks();
 *   }
 * }
 * }</pre>
 *
 * <p>The container gets, before it starts: a Docker network of its own (unless it was given one),
 * {@code host.testcontainers.internal} pointing at the test host's address in that network, and
 * that address as its DNS server ({@code --dns}). On that address a relay passes port 25 on to the
 * capture server, and a DNS server answers from the fake zone on port 53. The checks still use
 * the client IP the test declared: the container's address is as private as 127.0.0.1.
 *
 * <p>Why not {@code Testcontainers.exposeHostPorts}: it forwards TCP only, through an SSH
 * container that must be pulled, and a resolver only asks port 53 over UDP first. Why not
 * writing {@code /etc/resolv.conf}: Docker mounts its own over it, and a resolver cannot be told a
 * port there either.
 *
 * <p>Needs a Docker engine on this machine (Linux; the network's gateway is a local address) and
 * the right to listen on ports 25 and 53: root, {@code CAP_NET_BIND_SERVICE}, or
 * {@code sysctl net.ipv4.ip_unprivileged_port_start=25}. Each route has its own network, so routes
 * of tests running in parallel never meet.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class MailContainers {

  private MailContainers() {}

  /**
   * Routes {@code container}'s mail and DNS lookups to the running test of {@code mail}, a
   * {@code @RegisterExtension} field. Call it before the container starts.
   *
   * @param container the container, not started yet
   * @param mail the extension whose test is running
   * @return the route; close it after the test
   * @throws IllegalStateException when no test of that extension is running, the container already
   *     runs, or the route cannot listen on its ports (the message says why)
   */
  public static MailRoute sendThrough(GenericContainer<?> container, MailDeliverabilityExtension mail) {
    Objects.requireNonNull(mail, "mail");
    return sendThrough(container, mail.smtp(), mail.zone());
  }

  /**
   * Routes {@code container}'s mail to {@code smtp} and its DNS lookups to {@code zone}: the
   * parameters {@code @MailDeliverability} injects. Call it before the container starts, and after
   * {@code withNetwork} if the container has a network of yours: the route serves that network.
   *
   * @param container the container, not started yet
   * @param smtp the test's capture server
   * @param zone the test's fake DNS zone
   * @return the route; close it after the test
   * @throws IllegalStateException when the container already runs, or the route cannot listen on
   *     its ports (the message says why)
   * @throws IllegalArgumentException when the container uses a network mode other than a bridge
   */
  public static MailRoute sendThrough(GenericContainer<?> container, SmtpEndpoint smtp, DnsZone zone) {
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(smtp, "smtp");
    Objects.requireNonNull(zone, "zone");
    if (container.getContainerId() != null) {
      throw new IllegalStateException("call MailContainers.sendThrough before the container starts:"
          + " its network, DNS server and host entries are fixed when Docker creates it");
    }
    Network network = container.getNetwork();
    Network ownNetwork = null;
    if (network == null) {
      String mode = container.getNetworkMode();
      if (mode != null && !mode.equals("bridge") && !mode.equals("default")) {
        throw new IllegalArgumentException("the container uses network mode \"" + mode + "\": MailContainers routes"
            + " containers on a Docker bridge network, its own or one given with withNetwork");
      }
      ownNetwork = Network.newNetwork();
      network = ownNetwork;
    }
    TcpRelay relay = null;
    LoopbackDnsServer dns = null;
    try {
      InetAddress hostAddress = gatewayOf(network);
      relay = TcpRelay.start(hostAddress, MailRoute.SMTP_PORT, new InetSocketAddress(smtp.host(), smtp.port()));
      dns = LoopbackDnsServer.start(zone, hostAddress, MailRoute.DNS_PORT);
      if (ownNetwork != null) {
        container.withNetwork(ownNetwork);
      }
      String dnsServer = hostAddress.getHostAddress();
      container.withExtraHost(MailRoute.HOST_NAME, dnsServer);
      container.withCreateContainerCmdModifier(cmd -> useDnsServer(cmd, dnsServer));
      return new MailRoute(container, ownNetwork, hostAddress, relay, dns);
    } catch (UncheckedIOException e) {
      closeAll(relay, dns, ownNetwork);
      throw new IllegalStateException(explain(e), e);
    } catch (RuntimeException e) {
      closeAll(relay, dns, ownNetwork);
      throw e;
    }
  }

  private static void useDnsServer(CreateContainerCmd cmd, String dnsServer) {
    HostConfig hostConfig = cmd.getHostConfig();
    if (hostConfig == null) {
      hostConfig = HostConfig.newHostConfig();
      cmd.withHostConfig(hostConfig);
    }
    hostConfig.withDns(dnsServer);
  }

  /** The test host's IPv4 address in {@code network}: its gateway, which Docker puts on a bridge of this machine. */
  private static InetAddress gatewayOf(Network network) {
    com.github.dockerjava.api.model.Network inspected = DockerClientFactory.instance().client()
        .inspectNetworkCmd().withNetworkId(network.getId()).exec();
    List<com.github.dockerjava.api.model.Network.Ipam.Config> configs =
        inspected.getIpam() == null ? null : inspected.getIpam().getConfig();
    if (configs != null) {
      for (com.github.dockerjava.api.model.Network.Ipam.Config config : configs) {
        String gateway = config.getGateway();
        Optional<InetAddress> address = IpLiterals.parseIpv4(gateway);
        if (address.isPresent()) {
          return address.get();
        }
      }
    }
    throw new IllegalStateException("Docker network " + inspected.getName() + " has no IPv4 gateway:"
        + " MailContainers needs a bridge network, whose gateway is this machine's address in it");
  }

  private static String explain(UncheckedIOException e) {
    String reason = String.valueOf(e.getCause() == null ? null : e.getCause().getMessage());
    String hint;
    if (reason.contains("Permission denied") || reason.contains("Access denied")) {
      hint = "ports below 1024 need root, CAP_NET_BIND_SERVICE, or sysctl net.ipv4.ip_unprivileged_port_start=25";
    } else if (reason.contains("assign requested address")) {
      hint = "the network's gateway is not an address of this machine: MailContainers needs a Docker engine running"
          + " on this Linux machine (not Docker Desktop's VM or a remote engine)";
    } else if (reason.contains("in use")) {
      hint = "another route already serves this Docker network: give each container routed at the same time its"
          + " own network (or none, and the route makes one)";
    } else {
      hint = "see the cause";
    }
    return e.getMessage() + " (" + hint + ")";
  }

  private static void closeAll(TcpRelay relay, LoopbackDnsServer dns, Network network) {
    if (relay != null) {
      relay.close();
    }
    if (dns != null) {
      dns.close();
    }
    if (network != null) {
      network.close();
    }
  }
}
