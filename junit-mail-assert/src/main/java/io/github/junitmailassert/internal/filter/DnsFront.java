package io.github.junitmailassert.internal.filter;

import io.github.junitmailassert.internal.dns.LoopbackDnsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Resolver;

/**
 * The one DNS server a filter process resolves through, on a loopback port: it answers from the
 * zone of the mail being scored ({@link ZoneGate#current()}), and refuses every query while no
 * mail is scored, so nothing a filter asks between mails (remote maps, update checks) ever gets
 * an answer from a test's zone or the internet. Internal.
 */
final class DnsFront implements AutoCloseable {

  private final ZoneGate gate;
  private final LoopbackDnsServer server;

  DnsFront(ZoneGate gate) {
    this.gate = gate;
    this.server = LoopbackDnsServer.start(this::answer, InetAddress.getLoopbackAddress());
  }

  private Message answer(Message query) {
    Resolver dns = gate.current();
    if (dns == null) {
      return LoopbackDnsServer.errorResponse(query, Rcode.REFUSED);
    }
    try {
      return dns.send(query);
    } catch (SocketTimeoutException e) {
      return null; // the zone simulates a timeout: stay silent, as the real server would
    } catch (IOException | RuntimeException e) {
      return LoopbackDnsServer.errorResponse(query, Rcode.SERVFAIL);
    }
  }

  int port() {
    return server.port();
  }

  String address() {
    return server.address().getHostAddress();
  }

  @Override
  public void close() {
    server.close();
  }
}
