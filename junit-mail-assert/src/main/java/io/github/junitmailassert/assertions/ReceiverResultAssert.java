package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.error.ShouldHaveVerdict.shouldBeAccepted;
import static io.github.junitmailassert.assertions.error.ShouldHaveVerdict.shouldBeRefusedWith;
import static io.github.junitmailassert.assertions.error.ShouldHaveVerdict.shouldHaveVerdict;
import static io.github.junitmailassert.assertions.error.ShouldHaveVerdict.shouldMeetBulkSenderAuthentication;
import static io.github.junitmailassert.assertions.error.ShouldNotBeListed.shouldBeAskedAbout;
import static io.github.junitmailassert.assertions.error.ShouldNotBeListed.shouldNotBeListed;
import static io.github.junitmailassert.assertions.error.ShouldPassReceiverChecks.shouldPassReceiverChecks;

import io.github.junitmailassert.blocklist.BlockLists;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.profile.ProfileResult;
import io.github.junitmailassert.profile.ReceiverProfile;
import io.github.junitmailassert.profile.Verdict;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.receiver.ReceiverResult;
import io.github.junitmailassert.report.GateReport;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * The receiver's verdict on one captured mail, reached with
 * {@link AbstractCapturedMailAssert#receiver()}: the checks a test chooses, receiver profiles and
 * block lists, each rendering the mail's one {@link ReceiverResult}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public class ReceiverResultAssert extends AbstractObjectAssert<ReceiverResultAssert, ReceiverResult> {

  private AbstractCapturedMailAssert<?> origin;

  /**
   * Assertions on {@code actual}; tests start from {@link MailAssertions#assertThat}.
   *
   * @param actual what is checked
   */
  public ReceiverResultAssert(ReceiverResult actual) {
    super(actual, ReceiverResultAssert.class);
  }

  /** The assertion to return to; through a soft proxy too. */
  ReceiverResultAssert within(AbstractCapturedMailAssert<?> origin) {
    this.origin = origin;
    return myself;
  }

  /**
   * Verifies that the mail passes the given checks, with one report of every problem and its fix: what the CI gate ({@code verifyEachTest}) runs. A check
   * that could not run (no client IP declared, say) fails, saying why: not checked is not passed.
   *
   * <pre>{@code
   * assertThat(mail).receiver().passes(MailCheck.SPF, MailCheck.DKIM, MailCheck.DMARC); // passes for a signed, aligned mail
   * assertThat(mail).receiver().passes(MailCheck.SPF); // fails for MAIL FROM:<apache@localhost.localdomain>, with the fix
   * }</pre>
   *
   * @param check the check
   * @param more further checks
   * @return this assertion, to chain more
   */
  public ReceiverResultAssert passes(MailCheck check, MailCheck... more) {
    isNotNull();
    AbstractCapturedMailAssert.requireArgument(check, "check");
    AbstractCapturedMailAssert.requireArgument(more, "checks");
    Set<MailCheck> chosen = EnumSet.of(check, more);
    String report = GateReport.of(List.of(actual), chosen);
    if (report != null) {
      throwAssertionError(shouldPassReceiverChecks(report));
    }
    return myself;
  }

  /**
   * Verifies the authentication part of the bulk sender requirements Gmail and Yahoo announced for
   * February 2024 ({@link ReceiverProfile#bulkSenderAuthentication2024()}): SPF passes, DKIM passes,
   * the From domain publishes DMARC, and From is aligned with SPF or DKIM. Each unmet requirement is
   * named. This checks what the announcements describe; it does not claim to be either provider's
   * filter.
   *
   * <pre>{@code
   * assertThat(mail).receiver().meetsBulkSenderAuthenticationRequirements(); // passes for SPF, DKIM and DMARC aligned
   * assertThat(unsigned).receiver().meetsBulkSenderAuthenticationRequirements(); // fails: DKIM must pass
   * }</pre>
   *
   * @return this assertion, to chain more
   */
  public ReceiverResultAssert meetsBulkSenderAuthenticationRequirements() {
    isNotNull();
    ProfileResult result = ReceiverProfile.bulkSenderAuthentication2024().evaluate(actual);
    if (!result.broken().isEmpty()) {
      throwAssertionError(shouldMeetBulkSenderAuthentication(actual.mail(), result));
    }
    return myself;
  }

  /**
   * Verifies that a receiver applying {@code profile}'s rules would put the mail in the inbox; the
   * failure names each broken rule, where it is published, and the fix.
   *
   * <pre>{@code
   * assertThat(mail).receiver().reachesInboxUnder(ReceiverProfile.bulkSenders2024());
   * assertThat(mail).receiver().reachesInboxUnder(ReceiverProfile.strictSpf()); // fails when SPF does not pass
   * }</pre>
   *
   * @param profile the receiver profile
   * @return this assertion, to chain more
   */
  public ReceiverResultAssert reachesInboxUnder(ReceiverProfile profile) {
    return hasVerdictUnder(profile, Verdict.INBOX);
  }

  /**
   * Verifies the verdict of a receiver applying {@code profile}'s rules.
   *
   * <pre>{@code
   * assertThat(legacyMail).receiver().hasVerdictUnder(ReceiverProfile.strictSpf(), Verdict.REJECTED);
   * assertThat(fixedMail).receiver().hasVerdictUnder(ReceiverProfile.strictSpf(), Verdict.REJECTED); // fails: INBOX
   * }</pre>
   *
   * @param profile the receiver profile
   * @param expected the expected verdict
   * @return this assertion, to chain more
   */
  public ReceiverResultAssert hasVerdictUnder(ReceiverProfile profile, Verdict expected) {
    isNotNull();
    AbstractCapturedMailAssert.requireArgument(profile, "profile");
    AbstractCapturedMailAssert.requireArgument(expected, "verdict");
    ProfileResult result = profile.evaluate(actual);
    if (result.verdict() != expected) {
      throwAssertionError(shouldHaveVerdict(actual.mail(), profile, expected, result));
    }
    return myself;
  }

  /**
   * Verifies that a receiver applying {@code profile}'s rules would take the mail (into the inbox or
   * the spam folder); the failure quotes the reply the receiver would send, then names each broken
   * rule, where it is published, and the fix.
   *
   * <pre>{@code
   * // passes for a mail with SPF, DKIM, DMARC aligned, reverse DNS, TLS
   * assertThat(mail).receiver().isAcceptedBy(ReceiverProfile.gmailBulkSenders());
   * // fails for an unsigned one: "... but it would be rejected: 550 5.7.30 This message was blocked ..."
   * assertThat(unsigned).receiver().isAcceptedBy(ReceiverProfile.gmailBulkSenders());
   * }</pre>
   *
   * @param profile the receiver profile whose rules are applied
   * @return this assertion, to chain more
   */
  public ReceiverResultAssert isAcceptedBy(ReceiverProfile profile) {
    isNotNull();
    AbstractCapturedMailAssert.requireArgument(profile, "profile");
    ProfileResult result = profile.evaluate(actual);
    if (!result.verdict().isAccepted()) {
      throwAssertionError(shouldBeAccepted(actual.mail(), profile, result));
    }
    return myself;
  }

  /**
   * Verifies that a receiver applying {@code profile}'s rules would refuse the mail (reject or
   * defer it) with the given enhanced status code (such as {@code "5.7.27"}) or, for a receiver that
   * sends none, the given reply code (such as {@code "550"}).
   *
   * <pre>{@code
   * assertThat(unsigned).receiver().isRefusedWith(ReceiverProfile.gmailBulkSenders(), "5.7.30"); // passes
   * assertThat(unsigned).receiver().isRefusedWith(ReceiverProfile.gmailBulkSenders(), "5.7.27"); // fails: 5.7.30
   * }</pre>
   *
   * @param profile the receiver profile whose rules are applied
   * @param code the enhanced status code (such as {@code "5.7.26"}) or reply code (such as {@code "550"})
   * @return this assertion, to chain more
   */
  public ReceiverResultAssert isRefusedWith(ReceiverProfile profile, String code) {
    isNotNull();
    AbstractCapturedMailAssert.requireArgument(profile, "profile");
    AbstractCapturedMailAssert.requireArgument(code, "code");
    ProfileResult result = profile.evaluate(actual);
    boolean refusedSo = !result.verdict().isAccepted() && result.reply()
        .filter(r -> r.enhancedCode().equals(code) || Integer.toString(r.code()).equals(code)).isPresent();
    if (!refusedSo) {
      throwAssertionError(shouldBeRefusedWith(actual.mail(), profile, code, result));
    }
    return myself;
  }

  /**
   * Verifies that the client IP is on none of the given DNS block lists, asked as receivers ask
   * them (RFC 5782) through the test's zone, where the test publishes the listings it simulates.
   *
   * <pre>{@code
   * assertThat(mail).receiver().isNotListedOn("zen.dnsbl.example"); // passes when the zone lists nothing
   * zone.a("25.113.0.203.zen.dnsbl.example", "127.0.0.2");           // simulate a listing
   * assertThat(mail).receiver().isNotListedOn("zen.dnsbl.example"); // fails, naming the list and its reason
   * }</pre>
   *
   * @param blockListZones the block list zones, such as {@code zen.dnsbl.example}
   * @return this assertion, to chain more
   */
  public ReceiverResultAssert isNotListedOn(String... blockListZones) {
    isNotNull();
    AbstractCapturedMailAssert.requireArgument(blockListZones, "block list zones");
    Receiver receiver = actual.receiver();
    if (receiver.declaredClientIp().isEmpty()) {
      // 127.0.0.1 is never listed (RFC 5782), so a pass would prove nothing.
      throwAssertionError(shouldBeAskedAbout(actual.mail(), actual.outcome(MailCheck.SPF)));
    }
    List<BlockLists.Listing> listed = new ArrayList<>();
    for (BlockLists.Listing listing : BlockLists.check(receiver.resolver(), receiver.clientIpOf(actual.mail()),
        blockListZones)) {
      if (listing.isListed()) {
        listed.add(listing);
      }
    }
    if (!listed.isEmpty()) {
      throwAssertionError(shouldNotBeListed(actual.mail(), receiver.clientIpNote(actual.mail()), listed));
    }
    return myself;
  }

  /**
   * Back to the mail's assertions.
   *
   * @return the assertions on the mail
   */
  public AbstractCapturedMailAssert<?> returnToMail() {
    if (origin == null) {
      throw new IllegalStateException("this receiver result was not reached from a captured mail");
    }
    return origin;
  }
}
