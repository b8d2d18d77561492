package io.github.junitmailassert.host;

import io.github.junitmailassert.internal.dns.DnsLookup;
import io.github.junitmailassert.internal.host.SendingHostChecks;
import io.github.junitmailassert.internal.spf.IpAddresses;
import java.net.InetAddress;
import io.github.junitmailassert.dmarc.DmarcVerifier;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.xbill.DNS.Resolver;

/**
 * Checks the sending host's DNS the way receivers do before they read a mail: forward-confirmed
 * reverse DNS of the client IP, and the HELO name (fully qualified, resolving to the client,
 * matching the PTR name). Each finding says which record to publish or what to configure.
 *
 * <pre>{@code
 * SendingHostResult r = SendingHostVerifier.using(zone.resolver())
 *     .check(InetAddress.getByName("203.0.113.25"), "mail.sample.co.jp");
 * }</pre>
 *
 * <p>Never throws for anything DNS holds. Thread-safe and reusable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class SendingHostVerifier {

  private final SendingHostChecks checks;
  private final Resolver resolver;

  private SendingHostVerifier(SendingHostChecks checks, Resolver resolver) {
    this.checks = checks;
    this.resolver = resolver;
  }

  /**
   * {@return a verifier that asks {@code resolver}; never dnsjava's static default resolver}
   *
   * @param resolver where DNS lookups go, typically the test zone's resolver
   */
  public static SendingHostVerifier using(Resolver resolver) {
    Objects.requireNonNull(resolver, "resolver");
    return new SendingHostVerifier(new SendingHostChecks(new DnsLookup(resolver),
        DmarcVerifier.using(resolver)::organizationalDomain), resolver);
  }

  /**
   * A verifier that tells whether the HELO name and the PTR name are in one domain by
   * {@code organizationalDomain} (for example {@code DmarcVerifier::organizationalDomain} in the
   * receiver's DMARC mode); by default the RFC 9989 DNS tree walk.
   *
   * @param organizationalDomain the organizational domain of a name, as DMARC finds it
   * @return a verifier that uses it
   */
  public SendingHostVerifier withOrganizationalDomains(Function<String, Optional<String>> organizationalDomain) {
    Objects.requireNonNull(organizationalDomain, "organizationalDomain");
    return new SendingHostVerifier(new SendingHostChecks(new DnsLookup(resolver), organizationalDomain), resolver);
  }

  /**
   * Checks the reverse DNS of {@code clientIp} and the HELO name it gave.
   *
   * @param clientIp the client IP address receivers would see
   * @param heloName the HELO or EHLO name as the client sent it
   * @return the sending host's result
   */
  public SendingHostResult check(InetAddress clientIp, String heloName) {
    Objects.requireNonNull(clientIp, "clientIp");
    InetAddress ip = IpAddresses.normalize(clientIp);
    String helo = heloName == null ? "" : heloName.trim();
    ReverseDns reverse = checks.reverseDns(ip, helo);
    HeloCheck heloCheck = checks.helo(ip, helo, reverse);
    return new SendingHostResult(ip, helo, reverse, heloCheck);
  }
}
