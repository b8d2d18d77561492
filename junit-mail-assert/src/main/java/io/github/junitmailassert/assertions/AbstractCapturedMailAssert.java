package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.error.ShouldHaveEnvelopeField.shouldHaveDomain;
import static io.github.junitmailassert.assertions.error.ShouldHaveEnvelopeField.shouldHaveHeader;
import static io.github.junitmailassert.assertions.error.ShouldHaveEnvelopeField.shouldHaveHeloName;
import static io.github.junitmailassert.assertions.error.ShouldHaveEnvelopeField.shouldHaveRecipient;
import static io.github.junitmailassert.assertions.error.ShouldHaveEnvelopeField.shouldHaveRecipients;
import static io.github.junitmailassert.assertions.error.ShouldHaveEnvelopeField.shouldNotHaveHeader;
import static io.github.junitmailassert.assertions.error.ShouldHaveEnvelopeSender.shouldHaveEnvelopeSender;
import static io.github.junitmailassert.assertions.error.ShouldHaveEnvelopeSender.shouldHaveEnvelopeSenderDomain;
import static io.github.junitmailassert.assertions.error.ShouldHaveEnvelopeSender.shouldHaveNullSender;
import static io.github.junitmailassert.assertions.error.ShouldHaveNoLocalNameLeaks.shouldHaveNoLocalNameLeaks;

import io.github.junitmailassert.CapturedMail;
import io.github.junitmailassert.check.LocalNameLeak;
import io.github.junitmailassert.check.BlockLists;
import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.HeaderSanity;
import io.github.junitmailassert.check.LocalNames;
import io.github.junitmailassert.check.ProfileResult;
import io.github.junitmailassert.check.ReceiverProfile;
import io.github.junitmailassert.check.Verdict;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.check.ReceiverChecks;
import io.github.junitmailassert.dkim.DkimSignatureResult;
import io.github.junitmailassert.dmarc.DmarcResult;
import io.github.junitmailassert.dmarc.AuthorDomain;
import io.github.junitmailassert.internal.check.Domains;
import io.github.junitmailassert.internal.check.EachTestVerification;
import io.github.junitmailassert.internal.mail.Addresses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on one {@link CapturedMail}, checked as a receiving MTA would check it.
 *
 * @param <SELF> the assertion type, so subclasses keep their own methods in chains
 */
public abstract class AbstractCapturedMailAssert<SELF extends AbstractCapturedMailAssert<SELF>>
    extends AbstractObjectAssert<SELF, CapturedMail> {

  protected AbstractCapturedMailAssert(CapturedMail actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /**
   * Verifies the envelope sender ({@code MAIL FROM}), compared without regard to case.
   *
   * <pre>{@code
   * // passes for MAIL FROM:<no-reply@sample.co.jp>
   * assertThat(mail).hasEnvelopeSender("no-reply@sample.co.jp");
   * // fails for MAIL FROM:<apache@localhost.localdomain>
   * assertThat(mail).hasEnvelopeSender("no-reply@sample.co.jp");
   * }</pre>
   */
  public SELF hasEnvelopeSender(String expected) {
    isNotNull();
    requireArgument(expected, "envelope sender");
    if (!actual.envelopeSender().equalsIgnoreCase(expected)) {
      throwAssertionError(shouldHaveEnvelopeSender(actual, expected));
    }
    return myself;
  }

  /**
   * Verifies that the envelope sender's domain is {@code domain} or a subdomain of it: the domain
   * receivers check SPF for and send bounces to.
   *
   * <pre>{@code
   * // passes for MAIL FROM:<bounces@mail.sample.co.jp>
   * assertThat(mail).hasEnvelopeSenderDomain("sample.co.jp");
   * // fails for MAIL FROM:<apache@localhost.localdomain>, with the fix for Jakarta Mail, PHP and sendmail
   * assertThat(mail).hasEnvelopeSenderDomain("sample.co.jp");
   * }</pre>
   */
  public SELF hasEnvelopeSenderDomain(String domain) {
    isNotNull();
    requireArgument(domain, "domain");
    if (!Domains.isSameOrSubdomain(actual.envelopeSenderDomain().orElse(""), domain)) {
      throwAssertionError(shouldHaveEnvelopeSenderDomain(actual, domain));
    }
    return myself;
  }

  /**
   * Verifies the null sender {@code MAIL FROM:<>}, which bounces and auto-replies must use.
   *
   * <pre>{@code
   * // passes for MAIL FROM:<>
   * assertThat(bounce).hasNullSender();
   * // fails for MAIL FROM:<mailer-daemon@sample.co.jp>
   * assertThat(bounce).hasNullSender();
   * }</pre>
   */
  public SELF hasNullSender() {
    isNotNull();
    if (!actual.isNullSender()) {
      throwAssertionError(shouldHaveNullSender(actual));
    }
    return myself;
  }

  /**
   * Verifies the {@code Return-Path} a receiver would write on delivery, such as
   * {@code "<no-reply@sample.co.jp>"} (angle brackets optional in {@code expected}).
   *
   * <pre>{@code
   * assertThat(mail).hasReturnPath("<no-reply@sample.co.jp>"); // passes for MAIL FROM:<no-reply@sample.co.jp>
   * assertThat(mail).hasReturnPath("<>");                       // fails for the same mail
   * }</pre>
   */
  public SELF hasReturnPath(String expected) {
    requireArgument(expected, "Return-Path");
    String bare = expected.startsWith("<") && expected.endsWith(">") ? expected.substring(1, expected.length() - 1) : expected;
    return hasEnvelopeSender(bare);
  }

  /**
   * Verifies the HELO or EHLO name exactly as the client sent it.
   *
   * <pre>{@code
   * assertThat(mail).hasHeloName("mail.sample.co.jp"); // passes for EHLO mail.sample.co.jp
   * assertThat(mail).hasHeloName("mail.sample.co.jp"); // fails for EHLO localhost.localdomain
   * }</pre>
   */
  public SELF hasHeloName(String expected) {
    isNotNull();
    requireArgument(expected, "HELO name");
    if (!actual.heloName().map(expected::equals).orElse(false)) {
      throwAssertionError(shouldHaveHeloName(actual, expected));
    }
    return myself;
  }

  /**
   * Verifies the recipients ({@code RCPT TO}) exactly, in order.
   *
   * <pre>{@code
   * assertThat(mail).hasRecipients("alice@example.com", "bob@example.net"); // passes for those two RCPT TO
   * assertThat(mail).hasRecipients("alice@example.com");                    // fails: bob is there too
   * }</pre>
   */
  public SELF hasRecipients(String... expected) {
    isNotNull();
    requireArgument(expected, "recipients");
    if (!actual.recipients().equals(Arrays.asList(expected))) {
      throwAssertionError(shouldHaveRecipients(actual, Arrays.asList(expected)));
    }
    return myself;
  }

  /**
   * Verifies that {@code recipient} is among the recipients (case-insensitive).
   *
   * <pre>{@code
   * assertThat(mail).hasRecipient("alice@example.com"); // passes when Alice is a RCPT TO
   * assertThat(mail).hasRecipient("carol@example.com"); // fails when she is not
   * }</pre>
   */
  public SELF hasRecipient(String recipient) {
    isNotNull();
    requireArgument(recipient, "recipient");
    if (actual.recipients().stream().noneMatch(recipient::equalsIgnoreCase)) {
      throwAssertionError(shouldHaveRecipient(actual, recipient));
    }
    return myself;
  }

  /**
   * Verifies that a header field of that name is present.
   *
   * <pre>{@code
   * assertThat(mail).hasHeader("List-Unsubscribe"); // passes when the field is there
   * assertThat(mail).hasHeader("List-Unsubscribe"); // fails otherwise, listing the fields there are
   * }</pre>
   */
  public SELF hasHeader(String name) {
    isNotNull();
    requireArgument(name, "header name");
    if (actual.header(name).isEmpty()) {
      throwAssertionError(shouldHaveHeader(actual, name));
    }
    return myself;
  }

  /**
   * Verifies that some header field of that name has exactly {@code value} (unfolded, trimmed).
   *
   * <pre>{@code
   * assertThat(mail).hasHeader("Subject", "Your order"); // passes for Subject: Your order
   * assertThat(mail).hasHeader("Subject", "Welcome");    // fails, showing the subject there is
   * }</pre>
   */
  public SELF hasHeader(String name, String value) {
    isNotNull();
    requireArgument(name, "header name");
    requireArgument(value, "header value");
    List<String> values = actual.headers(name);
    if (!values.contains(value)) {
      throwAssertionError(shouldHaveHeader(actual, name, value, values));
    }
    return myself;
  }

  /**
   * Verifies that no header field of that name is present.
   *
   * <pre>{@code
   * assertThat(mail).doesNotHaveHeader("X-Authentication-Warning"); // passes when absent
   * assertThat(mail).doesNotHaveHeader("X-Authentication-Warning"); // fails when sendmail added one
   * }</pre>
   */
  public SELF doesNotHaveHeader(String name) {
    isNotNull();
    requireArgument(name, "header name");
    List<String> values = actual.headers(name);
    if (!values.isEmpty()) {
      throwAssertionError(shouldNotHaveHeader(actual, name, values));
    }
    return myself;
  }

  /**
   * Verifies the domain of the From address (the one DMARC aligns with), exactly: unlike the
   * envelope sender's, a subdomain is a different From domain.
   *
   * <pre>{@code
   * assertThat(mail).hasFromDomain("sample.co.jp"); // passes for From: Shop <shop@sample.co.jp>
   * assertThat(mail).hasFromDomain("sample.co.jp"); // fails for From: root@localhost.localdomain
   * }</pre>
   */
  public SELF hasFromDomain(String domain) {
    isNotNull();
    requireArgument(domain, "domain");
    // The From domain as DMARC reads it (RFC 5322 address list, IDNA), so both agree.
    Optional<String> seen = actual.header("From").flatMap(v -> AuthorDomain.fromFieldValue(v).domain());
    if (!seen.map(d -> d.equalsIgnoreCase(domain.replaceFirst("\\.$", ""))).orElse(false)) {
      throwAssertionError(shouldHaveDomain(actual, "From", domain, seen.orElse(null)));
    }
    return myself;
  }

  /**
   * Verifies the domain after the {@code @} of the Message-ID, exactly; mail libraries take it from
   * the local host name unless told otherwise.
   *
   * <pre>{@code
   * assertThat(mail).hasMessageIdDomain("sample.co.jp"); // passes for <1234.5678@sample.co.jp>
   * assertThat(mail).hasMessageIdDomain("sample.co.jp"); // fails for <1234.5678@localhost.localdomain>
   * }</pre>
   */
  public SELF hasMessageIdDomain(String domain) {
    isNotNull();
    requireArgument(domain, "domain");
    Optional<String> seen = actual.header("Message-ID").flatMap(Addresses::firstDomain);
    if (!seen.map(domain::equalsIgnoreCase).orElse(false)) {
      throwAssertionError(shouldHaveDomain(actual, "Message-ID", domain, seen.orElse(null)));
    }
    return myself;
  }

  /**
   * Verifies that no local host name or private address shows in {@code MAIL FROM}, the HELO name,
   * or the Return-Path, From, Sender, Reply-To, Message-ID and Received header fields. The failure
   * lists each leak with where it was found, and the usual fix in sendmail, PHP and Jakarta Mail.
   *
   * <pre>{@code
   * assertThat(mail).hasNoLocalNameLeaks(); // passes for a mail from a correctly named host
   * assertThat(mail).hasNoLocalNameLeaks(); // fails for MAIL FROM:<root@localhost.localdomain>
   * }</pre>
   */
  public SELF hasNoLocalNameLeaks() {
    isNotNull();
    List<LocalNameLeak> leaks = LocalNames.findLeaks(actual);
    if (!leaks.isEmpty()) {
      throwAssertionError(shouldHaveNoLocalNameLeaks(actual, leaks, domainForFixes()));
    }
    return myself;
  }

  /**
   * Navigates to the SPF result for the MAIL FROM identity, checked as a receiver would: against the
   * test's zone, with the declared client IP.
   *
   * <pre>{@code
   * assertThat(mail).spf().isPass();
   * }</pre>
   */
  public SpfResultAssert spf() {
    isNotNull();
    ReceiverChecks checks = ReceiverChecks.of(actual);
    return new SpfResultAssert(checks.spf(), actual, checks.view());
  }

  /** Navigates to the SPF result for the HELO identity (RFC 7208 section 2.3). */
  public SpfResultAssert spfForHelo() {
    isNotNull();
    ReceiverChecks checks = ReceiverChecks.of(actual);
    return new SpfResultAssert(checks.spfHelo(), actual, checks.view());
  }

  /**
   * Navigates to the DKIM results, one per signature.
   *
   * <pre>{@code
   * assertThat(mail).dkim().passesFor("sample.co.jp");
   * }</pre>
   */
  public DkimResultsAssert dkim() {
    isNotNull();
    return new DkimResultsAssert(ReceiverChecks.of(actual).dkim(), actual);
  }

  /**
   * Navigates to the DMARC result for the From domain.
   *
   * <pre>{@code
   * assertThat(mail).dmarc().isPass().hasPolicy(DmarcPolicy.REJECT);
   * }</pre>
   */
  public DmarcResultAssert dmarc() {
    isNotNull();
    return new DmarcResultAssert(ReceiverChecks.of(actual).dmarc(), actual);
  }

  /**
   * Navigates to the sending host's DNS: forward-confirmed reverse DNS and the HELO name.
   *
   * <pre>{@code
   * assertThat(mail).sendingHost().hasForwardConfirmedReverseDns().hasValidHeloName();
   * }</pre>
   */
  public SendingHostResultAssert sendingHost() {
    isNotNull();
    return new SendingHostResultAssert(ReceiverChecks.of(actual).sendingHost(), actual);
  }

  /**
   * Navigates to the {@code Authentication-Results} header field the receiver would add (unfolded).
   *
   * <pre>{@code
   * assertThat(mail).authenticationResults().contains("dmarc=pass");
   * }</pre>
   */
  public AbstractStringAssert<?> authenticationResults() {
    isNotNull();
    return Assertions.assertThat(ReceiverChecks.of(actual).authenticationResults().toString());
  }

  /**
   * Verifies the mail passes the given receiver checks (all of them when none are given), with
   * one report of every problem and its fix: what the CI gate ({@code verifyEachTest}) runs.
   *
   * <pre>{@code
   * assertThat(mail).passesReceiverChecks("sample.co.jp", MailCheck.SPF, MailCheck.DKIM, MailCheck.DMARC);
   * }</pre>
   *
   * @param domain the sending domain, for ENVELOPE_DOMAIN and the fixes
   */
  public SELF passesReceiverChecks(String domain, MailCheck... checks) {
    isNotNull();
    Set<MailCheck> chosen = checks.length == 0 ? EnumSet.allOf(MailCheck.class) : EnumSet.copyOf(Arrays.asList(checks));
    String report = EachTestVerification.report(List.of(actual), domain, chosen);
    if (report != null) {
      failWithMessage("%n%s", report.replace("%", "%%"));
    }
    return myself;
  }

  /**
   * Verifies the authentication part of the bulk sender requirements Gmail and Yahoo announced for
   * February 2024: SPF passes, DKIM passes, the From domain publishes DMARC, and From is aligned
   * with SPF or DKIM. Each unmet requirement is named. This checks what the announcements
   * describe; it does not claim to be either provider's filter.
   *
   * <pre>{@code
   * assertThat(mail).meetsBulkSenderAuthenticationRequirements();
   * }</pre>
   */
  public SELF meetsBulkSenderAuthenticationRequirements() {
    isNotNull();
    ReceiverChecks checks = ReceiverChecks.of(actual);
    List<String> unmet = new ArrayList<>();
    if (!checks.spf().isPass()) {
      unmet.add("SPF must pass: " + checks.receivedSpf());
    }
    if (checks.dkim().stream().noneMatch(DkimSignatureResult::isPass)) {
      unmet.add("DKIM must pass: " + (checks.dkim().isEmpty() ? "the mail is not signed"
          : checks.dkim().get(0).authenticationResultsPart() + " (" + checks.dkim().get(0).reason() + ")"));
    }
    DmarcResult dmarc = checks.dmarc();
    if (dmarc.record().isEmpty()) {
      unmet.add("the From domain must publish DMARC (p=none is enough): no record for "
          + (dmarc.authorDomain().isEmpty() ? "the From domain" : dmarc.authorDomain()));
    }
    if (dmarc.alignments().stream().noneMatch(a -> a.authenticated() && a.aligned())) {
      unmet.add("From must be aligned with the SPF or the DKIM domain: " + dmarc.reason());
    }
    if (!unmet.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (String u : unmet) {
        sb.append(String.format("%n  - %s", u));
      }
      failWithMessage("%nExpecting%n  %s%nto meet the authentication requirements for bulk senders"
          + " (Gmail and Yahoo, February 2024) but %d are not met:%s", actual, unmet.size(), sb.toString().replace("%", "%%"));
    }
    return myself;
  }

  /**
   * Verifies the header is RFC 5322: exactly one From and Date, at most one of the single fields,
   * lines within 998 characters, 8-bit header text only with SMTPUTF8.
   *
   * <pre>{@code
   * assertThat(mail).hasValidHeaderFormat(); // passes for what mail libraries build
   * assertThat(mail).hasValidHeaderFormat(); // fails for a hand-built message with two From fields
   * }</pre>
   */
  public SELF hasValidHeaderFormat() {
    isNotNull();
    List<Finding> errors = new ArrayList<>();
    for (Finding f : HeaderSanity.check(actual)) {
      if (f.severity() == Finding.Severity.ERROR) {
        errors.add(f);
      }
    }
    if (!errors.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (Finding f : errors) {
        sb.append(String.format("%n  - %s%n    Fix: %s", f.text(), f.fix()));
      }
      failWithMessage("%nExpecting the header of%n  %s%nto be RFC 5322 but:%s", actual, sb.toString().replace("%", "%%"));
    }
    return myself;
  }

  /**
   * Verifies that a receiver applying {@code profile}'s rules would put the mail in the inbox; the
   * failure names each broken rule, where it is published, and the fix.
   *
   * <pre>{@code
   * assertThat(mail).reachesInboxUnder(ReceiverProfile.bulkSenders2024());
   * assertThat(mail).reachesInboxUnder(ReceiverProfile.strictSpf()); // fails when SPF does not pass
   * }</pre>
   */
  public SELF reachesInboxUnder(ReceiverProfile profile) {
    return hasVerdictUnder(profile, Verdict.INBOX);
  }

  /**
   * Verifies the verdict of a receiver applying {@code profile}'s rules.
   *
   * <pre>{@code
   * assertThat(legacyMail).hasVerdictUnder(ReceiverProfile.strictSpf(), Verdict.REJECTED);
   * }</pre>
   */
  public SELF hasVerdictUnder(ReceiverProfile profile, Verdict expected) {
    isNotNull();
    requireArgument(profile, "profile");
    requireArgument(expected, "verdict");
    ProfileResult result = profile.evaluate(actual);
    if (result.verdict() != expected) {
      StringBuilder sb = new StringBuilder();
      for (ProfileResult.BrokenRule broken : result.broken()) {
        sb.append(String.format("%n  - [%s] %s: %s%n    (%s)%n    Fix: %s", broken.rule().consequence(),
            broken.rule().requirement(), broken.problem(), broken.rule().source(), broken.rule().fix()));
      }
      failWithMessage("%nExpecting%n  %s%nto get the verdict %s under the profile \"%s\" but it gets %s:%s%n"
          + "The profile applies published rules; it is not the provider's own filter.",
          actual, expected, profile.name(), result.verdict(), sb.toString().replace("%", "%%"));
    }
    return myself;
  }

  /**
   * Verifies that the client IP is on none of the given DNS block lists, asked as receivers ask
   * them (RFC 5782) through the test's zone, where the test publishes the listings it simulates.
   *
   * <pre>{@code
   * zone.a("25.113.0.203.zen.dnsbl.example", "127.0.0.2");     // simulate a listing
   * assertThat(mail).isNotListedOn("zen.dnsbl.example");       // fails, naming the list and its reason
   * }</pre>
   */
  public SELF isNotListedOn(String... blockListZones) {
    isNotNull();
    requireArgument(blockListZones, "block list zones");
    ReceiverChecks checks = ReceiverChecks.of(actual);
    List<BlockLists.Listing> listed = new ArrayList<>();
    for (BlockLists.Listing listing : BlockLists.check(checks.view().resolver(), checks.view().clientIpOf(actual),
        blockListZones)) {
      if (listing.isListed()) {
        listed.add(listing);
      }
    }
    if (!listed.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (BlockLists.Listing l : listed) {
        sb.append(String.format("%n  - %s: %s -> %s%s", l.zone(), l.query(), String.join(", ", l.returnCodes()),
            l.reason().isEmpty() ? "" : " (" + l.reason() + ")"));
      }
      failWithMessage("%nExpecting the %s of%n  %s%nto be on no block list but it is on %d:%s%n"
          + "Receivers that use these lists reject the mail or score it as spam. Fix: send from another address,"
          + " or have it delisted after fixing the cause.",
          checks.view().clientIpNote(actual), actual, listed.size(), sb.toString().replace("%", "%%"));
    }
    return myself;
  }

  /** A clear error for a null argument, as AssertJ gives. */
  protected static void requireArgument(Object argument, String what) {
    if (argument == null) {
      throw new NullPointerException("The expected " + what + " should not be null");
    }
  }

  /** The domain to write into fixes: the From domain unless that is local too. */
  protected String domainForFixes() {
    return actual.header("From").flatMap(Addresses::firstDomain)
        .filter(d -> LocalNames.whyLocal(d).isEmpty())
        .orElse(null);
  }
}
