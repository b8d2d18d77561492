package io.github.junitmailassert.mail;

import org.apiguardian.api.API;

/**
 * The loopback DNS server that answers from the test's fake zone, over UDP and TCP on the same
 * port: for other processes (an MTA, a script, a container) that must resolve through the zone.
 *
 * @param host the loopback address it listens on, such as {@code 127.0.0.1}
 * @param port the port for both UDP and TCP
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record DnsEndpoint(String host, int port) {

  @Override
  public String toString() {
    return "dns://" + host + ":" + port;
  }
}
