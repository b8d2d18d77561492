package io.github.junitmailassert.receiver;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.authresults.AuthenticationResults;
import io.github.junitmailassert.blocklist.BlockLists;
import io.github.junitmailassert.check.CheckOutcome;
import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dkim.DkimFindings;
import io.github.junitmailassert.dkim.DkimSignatureResult;
import io.github.junitmailassert.dmarc.AuthorDomain;
import io.github.junitmailassert.dmarc.DmarcFindings;
import io.github.junitmailassert.dmarc.DmarcInput;
import io.github.junitmailassert.dmarc.DmarcResult;
import io.github.junitmailassert.envelope.EnvelopeChecks;
import io.github.junitmailassert.envelope.LocalNameLeak;
import io.github.junitmailassert.envelope.LocalNames;
import io.github.junitmailassert.filter.SpamFilter;
import io.github.junitmailassert.filter.SpamFilterResult;
import io.github.junitmailassert.format.HeaderSanity;
import io.github.junitmailassert.host.SendingHostResult;
import io.github.junitmailassert.internal.filter.FilterRequest;
import io.github.junitmailassert.internal.filter.SpamFilters;
import io.github.junitmailassert.spf.SpfFindings;
import io.github.junitmailassert.spf.SpfResult;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Everything the receiver made of one captured mail: each check's typed result (SPF for both
 * identities, DKIM per signature, DMARC, the sending host, local-name leaks, header format, block
 * lists), and per check its {@link CheckOutcome} with the findings. One cause gives one finding: a
 * HELO name of {@code localhost.localdomain} is one local-name finding, which the reverse DNS check
 * shares instead of finding it again.
 *
 * <p>Each part is computed on first use and then kept; the result is safe to read from any thread.
 * Get it from {@link Receiver#check(CapturedMail)}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ReceiverResult {

  static final String NO_CLIENT_IP = "no clientIp declared: over loopback every client is 127.0.0.1, which no"
      + " receiver on the internet sees";
  static final String DECLARE_CLIENT_IP = "declare clientIp, the public address receivers see for the sending host"
      + " (@MailDeliverability(clientIp = \"203.0.113.25\") or the builder's clientIp(...))";

  private final Receiver receiver;
  private final CapturedMail mail;
  private final Lazy<SpfResult> spf;
  private final Lazy<SpfResult> spfHelo;
  private final Lazy<List<DkimSignatureResult>> dkim;
  private final Lazy<DmarcResult> dmarc;
  private final Lazy<SendingHostResult> sendingHost;
  private final Lazy<List<LocalNameLeak>> leaks;
  private final Lazy<List<Finding>> leakFindings;
  private final Lazy<List<BlockLists.Listing>> blockListings;
  private final Lazy<AuthenticationResults> authenticationResults;
  private final Lazy<AuthorDomain> author;
  private final Lazy<String> domainForFixes;
  private final Map<MailCheck, Lazy<CheckOutcome>> outcomes = new EnumMap<>(MailCheck.class);
  private final Map<SpamFilter, Lazy<SpamFilterResult>> filters = new EnumMap<>(SpamFilter.class);

  ReceiverResult(Receiver receiver, CapturedMail mail) {
    this.receiver = receiver;
    this.mail = mail;
    this.author = new Lazy<>(() -> AuthorDomain.fromMail(mail));
    this.domainForFixes = new Lazy<>(() -> receiver.domainForFixes(mail));
    InetAddress ip = receiver.clientIpOf(mail);
    String helo = mail.heloName().map(String::trim).orElse("");
    this.spf = new Lazy<>(() -> receiver.spf.checkMailFrom(ip, mail.envelopeSender(), helo));
    this.spfHelo = new Lazy<>(() -> receiver.spf.checkHelo(ip, helo));
    this.dkim = new Lazy<>(() -> receiver.dkim.verify(mail));
    this.dmarc = new Lazy<>(this::evaluateDmarc);
    this.sendingHost = new Lazy<>(() -> receiver.sendingHost.check(ip, helo));
    this.leaks = new Lazy<>(() -> LocalNames.findLeaks(mail));
    this.leakFindings = new Lazy<>(() -> EnvelopeChecks.leakFindings(localNameLeaks(), domainForFixes.get()));
    this.blockListings = new Lazy<>(() -> BlockLists.check(receiver.resolver(), ip,
        receiver.blockLists().toArray(String[]::new)));
    this.authenticationResults = new Lazy<>(this::buildAuthenticationResults);

    for (MailCheck check : MailCheck.values()) {
      outcomes.put(check, new Lazy<>(() -> evaluate(check)));
    }
    for (SpamFilter filter : SpamFilter.values()) {
      filters.put(filter, new Lazy<>(() -> FilterExplanations.explain(SpamFilters.score(filter,
          receiver.spamFilterLauncher(), filterRequest()), this)));
    }
  }

  /** {@return the mail checked} */
  public CapturedMail mail() {
    return mail;
  }

  /** {@return the receiver that checked the mail} */
  public Receiver receiver() {
    return receiver;
  }

  /** {@return SPF for the MAIL FROM identity (the HELO identity for the null sender, RFC 7208 section 2.4)} */
  public SpfResult spf() {
    return spf.get();
  }

  /** {@return SPF for the HELO identity (RFC 7208 section 2.3)} */
  public SpfResult spfHelo() {
    return spfHelo.get();
  }

  /** {@return each DKIM signature's result, top to bottom; empty when the mail is not signed} */
  public List<DkimSignatureResult> dkim() {
    return dkim.get();
  }

  /** {@return DMARC for the From domain, from the SPF and DKIM results above} */
  public DmarcResult dmarc() {
    return dmarc.get();
  }

  /**
   * Forward-confirmed reverse DNS of the client IP and the HELO name's consistency.
   *
   * @return the sending host's result
   */
  public SendingHostResult sendingHost() {
    return sendingHost.get();
  }

  /** {@return each local name or private address that shows in the envelope or the header} */
  public List<LocalNameLeak> localNameLeaks() {
    return leaks.get();
  }

  /** {@return the answer of each block list the receiver asks; empty when it asks none} */
  public List<BlockLists.Listing> blockListings() {
    return List.copyOf(blockListings.get());
  }

  /** {@return the {@code Received-SPF} header field the receiver would add} */
  public String receivedSpf() {
    return spf().receivedSpf(receiver.receivingHost());
  }

  /** {@return the {@code Authentication-Results} header field the receiver would add, for spf, dkim and dmarc} */
  public AuthenticationResults authenticationResults() {
    return authenticationResults.get();
  }

  /**
   * SpamAssassin's verdict on this mail, scored on first use by the JVM's one spamd (started then),
   * with its DNS answered from this receiver's zone; see {@link #spamFilter(SpamFilter)}.
   *
   * @return SpamAssassin's verdict, or why it could not score the mail
   */
  public SpamFilterResult spamAssassin() {
    return spamFilter(SpamFilter.SPAMASSASSIN);
  }

  /**
   * rspamd's verdict on this mail, scored on first use; see {@link #spamFilter(SpamFilter)}.
   *
   * @return rspamd's verdict, or why it could not score the mail
   */
  public SpamFilterResult rspamd() {
    return spamFilter(SpamFilter.RSPAMD);
  }

  /**
   * {@code filter}'s verdict on this mail as the receiver hands it over: the message with the
   * client IP receivers see, its reverse DNS name, the HELO name, the envelope sender and the
   * recipients, the filter's DNS answered from this receiver's zone. Made once per mail; each rule
   * that one of the receiver's checks explains carries that check's findings. A filter that is not
   * installed gives a result that is not scored and says how to install it.
   *
   * @param filter the spam filter to ask
   * @return the filter's verdict, or why it could not score the mail
   */
  public SpamFilterResult spamFilter(SpamFilter filter) {
    return filters.get(filter).get();
  }

  /**
   * {@code filter}'s verdict if something asked for it already; reports show it so, without
   * starting a filter.
   *
   * @param filter the spam filter
   * @return its verdict, or empty when nothing has asked it about this mail yet
   */
  public Optional<SpamFilterResult> spamFilterIfScored(SpamFilter filter) {
    return filters.get(filter).ifComputed();
  }

  private FilterRequest filterRequest() {
    InetAddress ip = receiver.clientIpOf(mail);
    String name = receiver.declaredClientIp().isPresent() && sendingHost().reverseDns().isConfirmed()
        ? sendingHost().reverseDns().confirmedName() : "";
    return new FilterRequest(mail.rawMessage(), ip, name, mail.heloName().map(String::trim).orElse(""),
        mail.envelopeSender(), mail.recipients(), receiver.receivingHost(), mail.receivedAt(), receiver.resolver());
  }

  /**
   * How {@code check} ended for this mail; run on first use, then remembered.
   *
   * @param check the check
   * @return its outcome, with the reason, the fix and the findings
   */
  public CheckOutcome outcome(MailCheck check) {
    return outcomes.get(check).get();
  }

  /** {@return every check's outcome, in the order of {@link MailCheck}} */
  public List<CheckOutcome> outcomes() {
    List<CheckOutcome> all = new ArrayList<>();
    for (MailCheck check : MailCheck.values()) {
      all.add(outcome(check));
    }
    return List.copyOf(all);
  }

  /**
   * {@return whether every check in {@code checks} passed (a check not checked does not pass)}
   *
   * @param checks the checks that count
   */
  public boolean passes(Collection<MailCheck> checks) {
    return checks.stream().allMatch(c -> outcome(c).isPassed());
  }

  /**
   * {@return what fails the given checks, each cause once, in the order of the checks}
   *
   * @param checks the checks that count
   */
  public List<Finding> failures(Set<MailCheck> checks) {
    return distinct(checks, true);
  }

  /**
   * Everything every check found, each cause once, in the order of the checks.
   *
   * @return the findings
   */
  public List<Finding> findings() {
    return distinct(Set.of(MailCheck.values()), false);
  }

  private List<Finding> distinct(Set<MailCheck> checks, boolean failingOnly) {
    Set<Finding> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Finding> out = new ArrayList<>();
    for (MailCheck check : MailCheck.values()) {
      if (!checks.contains(check)) {
        continue;
      }
      CheckOutcome o = outcome(check);
      for (Finding f : failingOnly ? (o.isFailed() ? o.failures() : List.<Finding>of()) : o.findings()) {
        if (seen.add(f)) {
          out.add(f);
        }
      }
    }
    return out;
  }

  private CheckOutcome evaluate(MailCheck check) {
    boolean declared = receiver.declaredClientIp().isPresent();
    return switch (check) {
      case ENVELOPE_DOMAIN -> envelopeDomain();
      case LOCAL_NAMES -> CheckOutcome.of(check, leakFindings.get());
      // SpfFindings and DkimFindings give a pass no finding; asked only otherwise, a pass writes no
      // Received-SPF text and looks up no domain for fixes.
      case SPF -> !declared ? CheckOutcome.notChecked(check, NO_CLIENT_IP, DECLARE_CLIENT_IP)
          : CheckOutcome.of(check, spf().isPass() ? List.of() : SpfFindings.of(spf(), receivedSpf(), true));
      case REVERSE_DNS -> declared ? CheckOutcome.of(check, sendingHostFindings())
          : CheckOutcome.notChecked(check, NO_CLIENT_IP, DECLARE_CLIENT_IP);
      case DKIM -> CheckOutcome.of(check, dkim().stream().anyMatch(DkimSignatureResult::isPass) ? List.of()
          : DkimFindings.of(dkim(), dkimDomainForFixes(domainForFixes.get())));
      // Without a client IP, SPF's answer for 127.0.0.1 says nothing: only an aligned DKIM pass decides.
      case DMARC -> declared || dmarc().isPass() ? CheckOutcome.of(check, DmarcFindings.of(dmarc()))
          : CheckOutcome.notChecked(check, NO_CLIENT_IP + ", so SPF cannot align and no aligned DKIM signature passes",
              DECLARE_CLIENT_IP);
      case FORMAT -> CheckOutcome.of(check, HeaderSanity.check(mail));
      case BLOCK_LISTS -> receiver.blockLists().isEmpty()
          ? CheckOutcome.notChecked(check, "no block lists declared for the receiver to ask",
              "declare blockLists, the DNS block list zones the receiver asks")
          : declared ? CheckOutcome.of(check, BlockLists.findings(blockListings()))
          : CheckOutcome.notChecked(check, NO_CLIENT_IP, DECLARE_CLIENT_IP);
      case SPAM_SCORE -> spamScore();
    };
  }

  /**
   * One finding per filter the receiver asks: an error when it calls the mail spam, with the
   * rules that counted and the receiver's fixes for those it explains; else information. Not
   * checked when a filter could not score (not installed), with how to install it.
   */
  private CheckOutcome spamScore() {
    if (receiver.spamFilters().isEmpty()) {
      return CheckOutcome.notChecked(MailCheck.SPAM_SCORE, "no spam filter declared for the receiver to ask",
          "declare spamFilters, the real filters whose verdict counts (@MailDeliverability(spamFilters ="
              + " SpamFilter.SPAMASSASSIN) or the builder's spamFilters(...))");
    }
    List<Finding> findings = new ArrayList<>();
    for (SpamFilter filter : receiver.spamFilters()) {
      SpamFilterResult verdict = spamFilter(filter);
      if (!verdict.isScored()) {
        return CheckOutcome.notChecked(MailCheck.SPAM_SCORE, verdict.reason(), filter.installHint());
      }
      findings.add(new Finding(MailCheck.SPAM_SCORE, verdict.isSpam() ? Finding.Severity.ERROR : Finding.Severity.INFO,
          verdict.summaryWithCountedRules(), verdict.isSpam() ? verdict.fixes() : "", filter.displayName() + " as shipped by Debian"));
    }
    return CheckOutcome.of(MailCheck.SPAM_SCORE, findings);
  }

  /**
   * The sending host's findings, where a HELO name that is a local name (or a dotless one, or a
   * private address) is the local-name finding itself: one cause, one finding.
   */
  private List<Finding> sendingHostFindings() {
    SendingHostResult host = sendingHost();
    List<Finding> findings = new ArrayList<>(host.reverseDns().findings());
    List<Finding> heloLeaks = leakFindings(LocalNameLeak.Place.HELO);
    if (!host.helo().fullyQualified() && !heloLeaks.isEmpty()) {
      findings.addAll(heloLeaks);
    } else {
      findings.addAll(host.helo().findings());
    }
    return findings;
  }

  /** The local-name findings of one place; EnvelopeChecks.leakFindings gives one finding per leak, in order. */
  List<Finding> leakFindings(LocalNameLeak.Place place) {
    List<Finding> found = new ArrayList<>();
    List<LocalNameLeak> leaks = localNameLeaks();
    List<Finding> findings = leakFindings.get();
    for (int i = 0; i < leaks.size(); i++) {
      if (leaks.get(i).place() == place) {
        found.add(findings.get(i));
      }
    }
    return found;
  }

  /**
   * The envelope sender's domain; when it is a local name, the local-name finding of MAIL FROM is
   * this check's finding too: one cause, one finding.
   */
  private CheckOutcome envelopeDomain() {
    CheckOutcome own = EnvelopeChecks.envelopeDomain(mail, receiver.senderDomain());
    List<Finding> mailFromLeaks = leakFindings(LocalNameLeak.Place.MAIL_FROM);
    return own.isFailed() && !mailFromLeaks.isEmpty() ? CheckOutcome.of(MailCheck.ENVELOPE_DOMAIN, mailFromLeaks) : own;
  }

  /** The From domain, to sign with (DMARC aligns it), unless it is missing or local. */
  private String dkimDomainForFixes(String fallback) {
    String from = author.get().domain().orElse("");
    return from.isBlank() || LocalNames.whyLocal(from).isPresent() ? fallback : from;
  }

  private DmarcResult evaluateDmarc() {
    DmarcInput.Builder input = DmarcInput.builder(author.get());
    SpfResult s = spf();
    input.spf(s.domain(), s.isPass());
    for (DkimSignatureResult signature : dkim()) {
      input.dkim(signature.domain(), signature.selector(), signature.isPass());
    }
    return receiver.dmarc.evaluate(input.build());
  }

  private AuthenticationResults buildAuthenticationResults() {
    AuthenticationResults.Builder builder = AuthenticationResults.builder(receiver.receivingHost());
    builder.add(spf().methodResult());
    List<DkimSignatureResult> signatures = dkim();
    if (signatures.isEmpty()) {
      builder.add(io.github.junitmailassert.authresults.MethodResult.none("dkim"));
    }
    for (DkimSignatureResult signature : signatures) {
      builder.add(signature.methodResult());
    }
    builder.add(dmarc().methodResult());
    return builder.build();
  }

  @Override
  public String toString() {
    return "receiver result of " + mail;
  }

  /** A value computed once, on first use, by whichever thread asks first. */
  private static final class Lazy<T> {
    private final Supplier<T> supplier;
    private volatile T value;

    Lazy(Supplier<T> supplier) {
      this.supplier = supplier;
    }

    Optional<T> ifComputed() {
      return Optional.ofNullable(value);
    }

    T get() {
      T v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            v = supplier.get();
            value = v;
          }
        }
      }
      return v;
    }
  }
}
