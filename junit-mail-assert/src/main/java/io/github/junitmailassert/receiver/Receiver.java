package io.github.junitmailassert.receiver;

import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.MailReceiver;
import io.github.junitmailassert.dkim.DkimPolicy;
import io.github.junitmailassert.dkim.DkimVerifier;
import io.github.junitmailassert.dmarc.DmarcMode;
import io.github.junitmailassert.dmarc.DmarcVerifier;
import io.github.junitmailassert.envelope.LocalNames;
import io.github.junitmailassert.filter.FilterLauncher;
import io.github.junitmailassert.filter.SpamFilter;
import io.github.junitmailassert.host.SendingHostVerifier;
import io.github.junitmailassert.internal.dns.IpLiterals;
import io.github.junitmailassert.internal.mail.Addresses;
import io.github.junitmailassert.spf.SpfVerifier;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.xbill.DNS.Resolver;

/**
 * The receiving MTA of a test: everything a receiver knows besides the mail (the DNS it resolves
 * through, the client IP it would see, its own name, its clock, how it finds DMARC policies, which
 * DKIM signatures it accepts, which block lists it asks) and the one place that judges a captured
 * mail. Built once per test environment; {@link #check(CapturedMail)} gives each mail's
 * {@link ReceiverResult}, made once and shared by the assertions, the CI gate, the profiles and
 * both reports.
 *
 * <pre>{@code
 * Receiver receiver = Receiver.builder(zone.resolver()).clientIp("203.0.113.25").build();
 * ReceiverResult result = receiver.check(mail);
 * result.spf().isPass();
 * }</pre>
 *
 * <p>Thread-safety: immutable apart from the per-mail memo, which is safe to use from any thread.
 * {@link #checkAll} checks mails on several threads at once, so the resolver, the clock and the
 * spam filters' launcher it is given must be safe to call from several threads (the zone's
 * resolver, the JDK's clocks and the library's launchers are).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Receiver implements MailReceiver {

  /** The receiving host name used unless a test names another. */
  public static final String DEFAULT_RECEIVING_HOST = "mx.receiver.test";

  private final Resolver resolver;
  private final Optional<InetAddress> declaredClientIp;
  private final Optional<String> declaredClientHostName;
  private final String receivingHost;
  private final Clock clock;
  private final DmarcMode dmarcMode;
  private final DkimPolicy dkimPolicy;
  private final List<String> blockLists;
  private final Optional<String> senderDomain;
  private final List<SpamFilter> spamFilters;
  private final Optional<FilterLauncher> spamFilterLauncher;
  final SpfVerifier spf;
  final DkimVerifier dkim;
  final DmarcVerifier dmarc;
  final SendingHostVerifier sendingHost;
  // Keyed by identity (CapturedMail keeps Object's equals); cleared with the mails of a shared environment.
  private final Map<CapturedMail, ReceiverResult> results = new ConcurrentHashMap<>();

  private Receiver(Builder b) {
    this.resolver = b.resolver;
    this.declaredClientIp = b.clientIp;
    this.declaredClientHostName = b.clientHostName;
    this.receivingHost = b.receivingHost;
    this.clock = b.clock;
    this.dmarcMode = b.dmarcMode;
    this.dkimPolicy = b.dkimPolicy;
    this.blockLists = List.copyOf(b.blockLists);
    this.senderDomain = b.senderDomain;
    this.spamFilters = List.copyOf(b.spamFilters);
    this.spamFilterLauncher = b.spamFilterLauncher;
    this.spf = SpfVerifier.using(resolver).withReceivingHost(receivingHost).withClock(clock);
    this.dkim = dkimPolicy.apply(DkimVerifier.builder(resolver).clock(clock)).build();
    this.dmarc = DmarcVerifier.builder(resolver).mode(dmarcMode).build();
    this.sendingHost = SendingHostVerifier.using(resolver).withOrganizationalDomains(dmarc::organizationalDomain);
  }

  /**
   * Starts a receiver that resolves through {@code resolver} (in a test, {@code DnsZone.resolver()}).
   *
   * @param resolver where DNS lookups go, typically the test zone's resolver
   * @return a new builder
   */
  public static Builder builder(Resolver resolver) {
    return new Builder(Objects.requireNonNull(resolver, "resolver"));
  }

  /**
   * {@return the receiver that captured {@code mail}}
   *
   * @throws IllegalStateException when the mail was built by hand without one
   * @param mail the captured mail
   */
  public static Receiver of(CapturedMail mail) {
    Objects.requireNonNull(mail, "mail");
    return mail.receiver().filter(Receiver.class::isInstance).map(Receiver.class::cast)
        .orElseThrow(() -> new IllegalStateException("The receiver checks need the DNS and client IP a receiver"
            + " would see, but " + mail + " has none: check mails captured by @MailDeliverability, or build them"
            + " with receiver(...)"));
  }

  /**
   * {@return the result of {@code mail} as the receiver that captured it judges it; see {@link #of(CapturedMail)}}
   *
   * @param mail the captured mail
   */
  public static ReceiverResult checkOf(CapturedMail mail) {
    return of(mail).check(mail);
  }

  /**
   * Every check of {@code mail}, made once per mail, on first use: later calls return the same
   * result. Publish the records a mail needs before its first assertion; a change to the zone
   * after that is not seen by the mail's result.
   *
   * @param mail the captured mail
   * @return the receiver's result on the mail
   */
  public ReceiverResult check(CapturedMail mail) {
    Objects.requireNonNull(mail, "mail");
    return results.computeIfAbsent(mail, m -> new ReceiverResult(this, m));
  }

  /**
   * The result of each of {@code mails}, in their order, with the outcome of each of {@code checks}
   * made: the results {@link #check(CapturedMail)} gives, made the same way, but many mails are
   * checked on all of the machine's cores. The CI gate checks a test's mails this way. A check that
   * throws does so on the calling thread, for the first mail in order that it throws for.
   *
   * @param mails the captured mails
   * @param checks the checks to run now; the others still run on first use
   * @return each mail's result, in the order of {@code mails}
   */
  public List<ReceiverResult> checkAll(List<CapturedMail> mails, Set<MailCheck> checks) {
    Objects.requireNonNull(checks, "checks");
    List<ReceiverResult> all = new ArrayList<>(mails.size());
    for (CapturedMail mail : mails) {
      all.add(check(mail));
    }
    ParallelChecks.run(all, checks, ParallelChecks.helpers(), ParallelChecks.helperCount());
    return List.copyOf(all);
  }

  /** Forgets the results made so far; the extension calls it when a shared environment clears its mails. */
  public void clearResults() {
    results.clear();
  }

  /** {@return where this receiver's DNS lookups go} */
  public Resolver resolver() {
    return resolver;
  }

  /** {@return the public client IP the test declared, if any} */
  public Optional<InetAddress> declaredClientIp() {
    return declaredClientIp;
  }

  /** {@return the sending host's name the test declared, if any} */
  public Optional<String> declaredClientHostName() {
    return declaredClientHostName;
  }

  @Override
  public String receivingHost() {
    return receivingHost;
  }

  /** {@return the receiver's clock, for DKIM {@code x=} and {@code t=} and SPF's {@code %{t}}} */
  public Clock clock() {
    return clock;
  }

  /** {@return how this receiver finds the DMARC policy} */
  public DmarcMode dmarcMode() {
    return dmarcMode;
  }

  /** {@return which DKIM signatures this receiver accepts} */
  public DkimPolicy dkimPolicy() {
    return dkimPolicy;
  }

  /** {@return the DNS block list zones the receiver asks (RFC 5782); empty when it asks none} */
  public List<String> blockLists() {
    return blockLists;
  }

  /** {@return the real spam filters whose verdict {@code MailCheck.SPAM_SCORE} counts; empty when it counts none} */
  public List<SpamFilter> spamFilters() {
    return spamFilters;
  }

  /**
   * {@return where the real spam filters run: the launcher given to {@link Builder#spamFiltersIn},
   * or empty for processes of this machine}
   */
  public Optional<FilterLauncher> spamFilterLauncher() {
    return spamFilterLauncher;
  }

  /** {@return the domain the application sends from, as the test declared it} */
  public Optional<String> senderDomain() {
    return senderDomain;
  }

  /**
   * {@return the client IP the checks use for {@code mail}: the declared one, else the socket address}
   *
   * @param mail the captured mail
   */
  public InetAddress clientIpOf(CapturedMail mail) {
    return declaredClientIp.orElseGet(() -> mail.clientAddress().getAddress());
  }

  /**
   * {@return a sentence for reports saying which client IP the checks used and why}
   *
   * @param mail the captured mail
   */
  public String clientIpNote(CapturedMail mail) {
    String socket = mail.clientAddress().getAddress().getHostAddress();
    return declaredClientIp
        .map(ip -> "client IP " + ip.getHostAddress() + " (declared by the test; the socket address was " + socket + ")")
        .orElseGet(() -> "client IP " + socket
            + " (the socket address: declare clientIp to check as receivers on the internet would)");
  }

  /**
   * The domain to write into fixes for {@code mail}: the declared sending domain, else the From
   * domain unless that is local too, else a placeholder.
   *
   * @param mail the captured mail
   * @return the domain fixes are written for
   */
  public String domainForFixes(CapturedMail mail) {
    return senderDomain.or(() -> mail.header("From").flatMap(Addresses::firstDomain)
            .filter(d -> LocalNames.whyLocal(d).isEmpty()))
        .orElse("your-domain.example");
  }

  /** Builds a {@link Receiver}; the only way to make one, so that settings can grow. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private final Resolver resolver;
    private Optional<InetAddress> clientIp = Optional.empty();
    private Optional<String> clientHostName = Optional.empty();
    private String receivingHost = DEFAULT_RECEIVING_HOST;
    private Clock clock = Clock.systemUTC();
    private DmarcMode dmarcMode = DmarcMode.RFC9989;
    private DkimPolicy dkimPolicy = DkimPolicy.RFC8301;
    private final List<String> blockLists = new ArrayList<>();
    private Optional<String> senderDomain = Optional.empty();
    private final java.util.LinkedHashSet<SpamFilter> spamFilters = new java.util.LinkedHashSet<>();
    private Optional<FilterLauncher> spamFilterLauncher = Optional.empty();

    private Builder(Resolver resolver) {
      this.resolver = resolver;
    }

    /**
     * The public address receivers would see, as an IPv4 or IPv6 literal (nothing is looked up).
     *
     * @throws IllegalArgumentException for anything else
     * @param clientIp the client IP address receivers would see
     * @return this builder
     */
    public Builder clientIp(String clientIp) {
      Objects.requireNonNull(clientIp, "clientIp");
      return clientIp(IpLiterals.parse(clientIp.strip()).orElseThrow(() ->
          new IllegalArgumentException("clientIp must be an IPv4 or IPv6 address, not \"" + clientIp + "\"")));
    }

    /**
     * The public address receivers would see; over loopback every client is 127.0.0.1.
     *
     * @param clientIp the client IP address receivers would see
     * @return this builder
     */
    public Builder clientIp(InetAddress clientIp) {
      this.clientIp = Optional.of(Objects.requireNonNull(clientIp, "clientIp"));
      return this;
    }

    /**
     * The sending host's public name, as the test declared it (reports only; the zone has its records).
     *
     * @param clientHostName the sending host's name: its A and PTR records are added to the zone
     * @return this builder
     */
    public Builder clientHostName(String clientHostName) {
      this.clientHostName = Optional.of(Objects.requireNonNull(clientHostName, "clientHostName"));
      return this;
    }

    /**
     * The receiver's own host name, written in {@code Received-SPF} and {@code Authentication-Results}.
     *
     * @param receivingHost the receiver's own host name, written into Authentication-Results and Received-SPF
     * @return this builder
     */
    public Builder receivingHost(String receivingHost) {
      this.receivingHost = Objects.requireNonNull(receivingHost, "receivingHost");
      return this;
    }

    /**
     * Sets the receiver's clock.
     *
     * @param clock the clock (signature expiry, timestamps)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how the receiver finds the DMARC policy.
     *
     * @param dmarcMode the mode
     * @return this builder
     */
    public Builder dmarcMode(DmarcMode dmarcMode) {
      this.dmarcMode = Objects.requireNonNull(dmarcMode, "dmarcMode");
      return this;
    }

    /**
     * Sets which DKIM signatures the receiver accepts.
     *
     * @param dkimPolicy the policy
     * @return this builder
     */
    public Builder dkimPolicy(DkimPolicy dkimPolicy) {
      this.dkimPolicy = Objects.requireNonNull(dkimPolicy, "dkimPolicy");
      return this;
    }

    /**
     * DNS block list zones the receiver asks for the client IP, such as {@code zen.dnsbl.example}.
     *
     * @param zones block list zones, such as {@code zen.dnsbl.example}
     * @return this builder
     */
    public Builder blockLists(List<String> zones) {
      for (String zone : Objects.requireNonNull(zones, "zones")) {
        blockLists.add(Objects.requireNonNull(zone, "a block list zone"));
      }
      return this;
    }

    /**
     * The real spam filters whose verdict counts for {@code MailCheck.SPAM_SCORE} (the CI gate):
     * a mail that one of them calls spam fails it. Any mail can be scored without this, by asking
     * {@link ReceiverResult#spamAssassin()} or {@link ReceiverResult#rspamd()}.
     *
     * @param filters the filters, added to those given before
     * @return this builder
     */
    public Builder spamFilters(List<SpamFilter> filters) {
      for (SpamFilter filter : Objects.requireNonNull(filters, "filters")) {
        spamFilters.add(Objects.requireNonNull(filter, "a spam filter"));
      }
      return this;
    }

    /**
     * Where the real spam filters run, such as {@code FilterContainers.image("my/filters:1")} of
     * {@code junit-mail-assert-testcontainers}; by default they are processes of this machine. The
     * configuration, the DNS and the verdicts are the same wherever they run.
     *
     * @param launcher what starts the filters' programs (once per JVM for equal launchers)
     * @return this builder
     */
    public Builder spamFiltersIn(FilterLauncher launcher) {
      this.spamFilterLauncher = Optional.of(Objects.requireNonNull(launcher, "launcher"));
      return this;
    }

    /**
     * The domain the application sends from, for {@code ENVELOPE_DOMAIN} and the fixes.
     *
     * @param domain the sender's domain, such as {@code sample.co.jp}; a blank one declares none
     * @return this builder
     */
    public Builder senderDomain(String domain) {
      this.senderDomain = Optional.of(Objects.requireNonNull(domain, "domain")).filter(d -> !d.isBlank());
      return this;
    }

    /**
     * Builds the receiver.
     *
     * @throws IllegalStateException when a setting cannot work on this class path, such as
     *     {@link DmarcMode#RFC7489_PSL} without Guava
     * @return the receiver
     */
    public Receiver build() {
      return new Receiver(this);
    }
  }
}
