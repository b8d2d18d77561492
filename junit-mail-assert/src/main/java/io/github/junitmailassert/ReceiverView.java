package io.github.junitmailassert;

import io.github.junitmailassert.dmarc.DmarcMode;
import java.net.InetAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.xbill.DNS.Resolver;

/**
 * How a receiving MTA sees a captured mail: the DNS it resolves through (the test's fake zone), the
 * client IP it would see (over loopback every client is 127.0.0.1, so the test declares the public
 * address), its own host name and its clock. The receiver checks take it from here.
 *
 * @param resolver the DNS the receiver uses; the in-process zone resolver in tests
 * @param declaredClientIp the public client IP the test declared, if any
 * @param declaredClientHostName the sending host's name the test declared, if any
 * @param receivingHost the receiver's host name, written in {@code Received-SPF} and {@code Authentication-Results}
 * @param clock the receiver's clock, for DKIM {@code x=} and {@code t=}
 * @param dmarcMode how the receiver finds the DMARC policy: the RFC 9989 tree walk, or RFC 7489
 *     with the Public Suffix List (needs Guava)
 */
public record ReceiverView(Resolver resolver, Optional<InetAddress> declaredClientIp,
    Optional<String> declaredClientHostName, String receivingHost, Clock clock, DmarcMode dmarcMode) {

  /** The receiving host name used unless a test names another. */
  public static final String DEFAULT_RECEIVING_HOST = "mx.receiver.test";

  public ReceiverView {
    Objects.requireNonNull(resolver, "resolver");
    Objects.requireNonNull(declaredClientIp, "declaredClientIp");
    Objects.requireNonNull(declaredClientHostName, "declaredClientHostName");
    Objects.requireNonNull(receivingHost, "receivingHost");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(dmarcMode, "dmarcMode");
  }

  /** A view with the RFC 9989 DMARC tree walk, the default of receivers that follow the current RFC. */
  public ReceiverView(Resolver resolver, Optional<InetAddress> declaredClientIp,
      Optional<String> declaredClientHostName, String receivingHost, Clock clock) {
    this(resolver, declaredClientIp, declaredClientHostName, receivingHost, clock, DmarcMode.RFC9989);
  }

  /** The client IP the checks use for {@code mail}: the declared one, else the socket address. */
  public InetAddress clientIpOf(CapturedMail mail) {
    return declaredClientIp.orElseGet(() -> mail.clientAddress().getAddress());
  }

  /** A sentence for reports saying which client IP the checks used and why. */
  public String clientIpNote(CapturedMail mail) {
    return declaredClientIp
        .map(ip -> "client IP " + ip.getHostAddress() + " (declared by the test; the socket address was "
            + mail.clientAddress().getAddress().getHostAddress() + ")")
        .orElseGet(() -> "client IP " + mail.clientAddress().getAddress().getHostAddress()
            + " (the socket address: declare clientIp to check as receivers on the internet would)");
  }
}
