package io.github.junitmailassert.spf;

import io.github.junitmailassert.internal.dns.DnsLookup;
import io.github.junitmailassert.internal.mail.Domains;
import io.github.junitmailassert.internal.spf.DomainNames;
import io.github.junitmailassert.internal.spf.IpAddresses;
import io.github.junitmailassert.internal.spf.MacroString;
import io.github.junitmailassert.internal.spf.SpfEvaluation;
import io.github.junitmailassert.internal.spf.SpfRecordCache;
import io.github.junitmailassert.internal.spf.SpfSyntaxException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.xbill.DNS.Resolver;

/**
 * Checks SPF as a receiving MTA does (RFC 7208 {@code check_host()}), for the MAIL FROM and the
 * HELO identity, through the given resolver: usually the test's fake zone.
 *
 * <pre>{@code
 * SpfVerifier spf = SpfVerifier.using(zone.resolver()).withReceivingHost("mx.example.net");
 * SpfResult r = spf.checkMailFrom(InetAddress.getByName("203.0.113.25"), "info@sample.co.jp", "mail.sample.co.jp");
 * }</pre>
 *
 * <p>An internationalized domain (an SMTPUTF8 sender such as {@code ユーザー@例え.jp}) is checked in
 * its A-label form, as RFC 7208 section 4.3 requires: the result's domain and sender are
 * {@code xn--r8jz45g.jp} and {@code ユーザー@xn--r8jz45g.jp}, and so are {@code %{d}} and {@code %{s}}.
 *
 * <p>Bad records and DNS failures never throw: they are {@code permerror} and {@code temperror}
 * results. Thread-safe and reusable; each check keeps its own state. Settings return a new
 * verifier.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class SpfVerifier {

  /** RFC 7208 section 4.6.4 asks for at least 20 seconds. */
  public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(20);

  /** The explanation of a fail when the domain gives none; a macro-string. */
  public static final String DEFAULT_EXPLANATION = "%{i} is not one of %{d}'s designated mail servers.";

  private final DnsLookup dns;
  private final String receivingHost;
  private final Duration budget;
  private final MacroString defaultExplanation;
  private final SpfRecordCache records;
  private final Clock clock;

  private SpfVerifier(DnsLookup dns, String receivingHost, Duration budget, MacroString defaultExplanation,
      SpfRecordCache records, Clock clock) {
    this.dns = dns;
    this.receivingHost = receivingHost;
    this.budget = budget;
    this.defaultExplanation = defaultExplanation;
    this.records = records;
    this.clock = clock;
  }

  /**
   * {@return a verifier that asks {@code resolver}; never dnsjava's static default resolver}
   *
   * @param resolver where DNS lookups go, typically the test zone's resolver
   */
  public static SpfVerifier using(Resolver resolver) {
    Objects.requireNonNull(resolver, "resolver");
    return new SpfVerifier(new DnsLookup(resolver), "unknown", DEFAULT_TIME_BUDGET,
        MacroString.parse(DEFAULT_EXPLANATION, true), new SpfRecordCache(), Clock.systemUTC());
  }

  /**
   * {@return the receiving host's name, which explanations show as %{r}}
   *
   * @param receivingHost the receiver's own host name, written into Authentication-Results and Received-SPF
   */
  public SpfVerifier withReceivingHost(String receivingHost) {
    Objects.requireNonNull(receivingHost, "receivingHost");
    return new SpfVerifier(dns, receivingHost, budget, defaultExplanation, records, clock);
  }

  /**
   * {@return the wall-clock time one check may take; checked before each DNS lookup, then temperror}
   *
   * @param timeBudget how long one check may take in total, DNS lookups included
   */
  public SpfVerifier withTimeBudget(Duration timeBudget) {
    if (timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()) {
      throw new IllegalArgumentException("the time budget must be positive, was " + timeBudget);
    }
    return new SpfVerifier(dns, receivingHost, timeBudget, defaultExplanation, records, clock);
  }

  /**
   * {@return the receiver's clock, which explanations show as %{t}; the system clock by default}
   *
   * @param clock the receiver's clock (signature expiry, timestamps)
   */
  public SpfVerifier withClock(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return new SpfVerifier(dns, receivingHost, budget, defaultExplanation, records, clock);
  }

  /**
   * The explanation given for a fail when the domain has no usable {@code exp=}: a macro-string as
   * in RFC 7208 section 7, e.g. {@code "%{i} is not allowed to send for %{d}"}.
   *
   * @throws IllegalArgumentException when it is not a valid macro-string
   * @param macroString the explanation, as an SPF macro-string
   * @return a verifier that gives it
   */
  public SpfVerifier withDefaultExplanation(String macroString) {
    Objects.requireNonNull(macroString, "macroString");
    MacroString parsed;
    try {
      parsed = MacroString.parse(macroString, true);
    } catch (SpfSyntaxException e) {
      throw new IllegalArgumentException("not a macro-string at position " + e.position() + ": " + e.getMessage(), e);
    }
    return new SpfVerifier(dns, receivingHost, budget, parsed, records, clock);
  }

  /**
   * Checks the MAIL FROM identity.
   *
   * @param clientIp the SMTP client's address
   * @param mailFrom the envelope sender, "" for the null sender {@code MAIL FROM:<>} (then
   *     {@code postmaster@<heloName>} is checked, RFC 7208 section 2.4)
   * @param heloName the HELO/EHLO name
   * @return the SPF result for the MAIL FROM identity
   */
  public SpfResult checkMailFrom(InetAddress clientIp, String mailFrom, String heloName) {
    String helo = heloName == null ? "" : heloName.trim();
    String from = mailFrom == null ? "" : mailFrom.trim();
    if (from.startsWith("<") && from.endsWith(">")) {
      from = from.substring(1, from.length() - 1);
    }
    String local;
    String domain;
    if (from.isEmpty()) {
      local = "postmaster";
      domain = helo;
    } else {
      int at = from.lastIndexOf('@');
      local = at <= 0 ? "postmaster" : from.substring(0, at);
      domain = at < 0 ? from : from.substring(at + 1);
    }
    return check(SpfIdentity.MAILFROM, clientIp, local, domain, helo);
  }

  /**
   * Checks the HELO identity: the HELO name's own SPF record, for sender {@code postmaster@<heloName>}.
   *
   * @param clientIp the client IP address receivers would see
   * @param heloName the HELO or EHLO name as the client sent it
   * @return the SPF result for the HELO identity
   */
  public SpfResult checkHelo(InetAddress clientIp, String heloName) {
    String helo = heloName == null ? "" : heloName.trim();
    return check(SpfIdentity.HELO, clientIp, "postmaster", helo, helo);
  }

  private SpfResult check(SpfIdentity identity, InetAddress clientIp, String local, String rawDomain, String helo) {
    Objects.requireNonNull(clientIp, "clientIp");
    InetAddress ip = IpAddresses.normalize(clientIp);
    String domain = aLabels(DomainNames.stripTrailingDot(rawDomain));
    String sender = local + "@" + domain;
    if (!DomainNames.isCheckableDomain(domain)) {
      String why = "\"" + domain + "\" is not a fully qualified domain name, so there is nothing to check"
          + " (RFC 7208 section 4.3)";
      return new SpfResult(SpfResultCode.NONE, identity, domain, sender, helo, ip, "", "", 0, "", List.of(why));
    }
    SpfEvaluation evaluation = new SpfEvaluation(dns, records, IpAddresses.bytes(ip), sender, local, domain, helo,
        receivingHost, defaultExplanation, budget, clock);
    SpfEvaluation.Outcome outcome = evaluation.run(domain);
    return new SpfResult(outcome.code(), identity, domain, sender, helo, ip, outcome.mechanism(),
        outcome.explanation(), evaluation.lookups(), evaluation.problem(), evaluation.trace());
  }

  /**
   * RFC 7208 section 4.3 and RFC 8616 section 4: an internationalized domain is checked in its
   * A-label form ({@code ユーザー@例え.jp} is checked as {@code xn--r8jz45g.jp}). One that cannot be
   * converted stays as written, and is not a name there is anything to check for.
   */
  private static String aLabels(String domain) {
    try {
      return Domains.toAscii(domain);
    } catch (IllegalArgumentException e) {
      return domain;
    }
  }

  @Override
  public String toString() {
    return "SpfVerifier using " + dns.resolver() + " (receiving host " + receivingHost + ", budget " + budget + ")";
  }
}
