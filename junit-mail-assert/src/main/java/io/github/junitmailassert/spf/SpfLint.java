package io.github.junitmailassert.spf;

import io.github.junitmailassert.internal.dns.DnsLookup;
import io.github.junitmailassert.internal.spf.SpfLinter;
import java.util.Objects;
import org.apiguardian.api.API;
import org.xbill.DNS.Resolver;

/**
 * Checks a domain's published SPF record as administrators' tools do, before any mail is sent:
 * over 10 DNS lookups (counted through includes), {@code +all} or {@code ?all}, {@code ptr},
 * several records, syntax errors with their position, void lookups, includes that do not exist.
 *
 * <pre>{@code
 * SpfLintReport report = SpfLint.using(zone.resolver()).lint("sample.co.jp");
 * }</pre>
 *
 * <p>Never throws for anything DNS holds. Thread-safe and reusable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class SpfLint {

  private final DnsLookup dns;

  private SpfLint(DnsLookup dns) {
    this.dns = dns;
  }

  /**
   * {@return a lint that asks {@code resolver}; never dnsjava's static default resolver}
   *
   * @param resolver where DNS lookups go, typically the test zone's resolver
   */
  public static SpfLint using(Resolver resolver) {
    Objects.requireNonNull(resolver, "resolver");
    return new SpfLint(new DnsLookup(resolver));
  }

  /**
   * Lints the SPF record of {@code domain} and every record it includes or redirects to.
   *
   * @param domain the domain, such as {@code sample.co.jp}
   * @return the lint report
   */
  public SpfLintReport lint(String domain) {
    Objects.requireNonNull(domain, "domain");
    return new SpfLinter(dns).lint(domain.trim());
  }
}
