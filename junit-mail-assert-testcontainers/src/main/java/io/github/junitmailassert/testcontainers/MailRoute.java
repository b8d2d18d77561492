package io.github.junitmailassert.testcontainers;

import io.github.junitmailassert.mail.DnsEndpoint;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.internal.dns.LoopbackDnsServer;
import java.net.InetAddress;
import org.apiguardian.api.API;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;

/**
 * How one container reaches the test's capture server and fake DNS zone: a relay to the capture
 * server on port 25 and a DNS server on port 53, both on the test host's address in the
 * container's Docker network. Made by {@link MailContainers#sendThrough}.
 *
 * <p>Close it after the test (try-with-resources). When the route made the container's network,
 * closing it also stops the container if it still runs, since a container cannot outlive the
 * network it runs on; then the network is removed.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class MailRoute implements AutoCloseable {

  /** The name containers reach the test's host by: the one Testcontainers uses for host ports. */
  public static final String HOST_NAME = GenericContainer.INTERNAL_HOST_HOSTNAME;

  /** The SMTP port inside the container's network: the one MTAs deliver to at an MX host. */
  public static final int SMTP_PORT = 25;

  /** The DNS port inside the container's network: resolvers cannot be told another one. */
  public static final int DNS_PORT = 53;

  private final GenericContainer<?> container;
  private final Network ownNetwork;
  private final InetAddress hostAddress;
  private final TcpRelay relay;
  private final LoopbackDnsServer dns;
  private boolean closed;

  MailRoute(GenericContainer<?> container, Network ownNetwork, InetAddress hostAddress, TcpRelay relay,
      LoopbackDnsServer dns) {
    this.container = container;
    this.ownNetwork = ownNetwork;
    this.hostAddress = hostAddress;
    this.relay = relay;
    this.dns = dns;
  }

  /**
   * Where the application in the container sends its mail: {@code host.testcontainers.internal}
   * port 25, relayed byte for byte to the capture server.
   *
   * @return the container's SMTP endpoint
   */
  public SmtpEndpoint smtp() {
    return new SmtpEndpoint(HOST_NAME, SMTP_PORT);
  }

  /** {@return the DNS server the container resolves through (its {@code --dns}): the fake zone, on port 53} */
  public DnsEndpoint dns() {
    return new DnsEndpoint(hostAddress.getHostAddress(), DNS_PORT);
  }

  /**
   * The test host's address in the container's network, such as {@code 172.18.0.1}: what
   * {@link #HOST_NAME} resolves to inside the container. Publish it as the A record of an MX
   * host, and an MTA in the container delivers to the capture server as it would on the internet.
   *
   * @return the address, as text
   */
  public String hostAddress() {
    return hostAddress.getHostAddress();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (ownNetwork != null && container.getContainerId() != null) {
        container.stop();
      }
    } finally {
      try {
        relay.close();
        dns.close();
      } finally {
        if (ownNetwork != null) {
          ownNetwork.close();
        }
      }
    }
  }

  @Override
  public String toString() {
    return "mail route " + smtp() + " and " + dns() + (ownNetwork != null ? " (own network)" : "");
  }
}
