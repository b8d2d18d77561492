package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.profile.ProfileResult;
import io.github.junitmailassert.profile.ReceiverProfile;
import io.github.junitmailassert.profile.SmtpReply;
import io.github.junitmailassert.profile.Verdict;
import java.util.Optional;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Failures of a receiver profile: the reply the receiver sends, each broken rule, where it is
 * published, and the fix.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldHaveVerdict extends BasicErrorMessageFactory {

  private ShouldHaveVerdict(String format, Object... arguments) {
    super(format, arguments);
  }

  private static final String NOT_THE_PROVIDER = "The profile applies published rules; it is not the provider's own"
      + " filter.";

  /**
   * The failure of {@code hasVerdictUnder} and {@code reachesInboxUnder}: the verdict the mail gets
   * instead, and each broken rule.
   *
   * @param actual the mail checked
   * @param profile the receiver profile applied
   * @param expected the verdict the test expects
   * @param result the profile's result on the mail
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveVerdict(CapturedMail actual, ReceiverProfile profile, Verdict expected,
      ProfileResult result) {
    return new ShouldHaveVerdict("%nExpecting%n  %s%nto get the verdict %s under the profile \"%s\" but it gets %s:%s%n"
        + NOT_THE_PROVIDER, unquotedString(actual.toString()),
        unquotedString(expected.name()), unquotedString(profile.name()), unquotedString(result.verdict().name()),
        unquotedString(brokenRules(result, Optional.empty())));
  }

  /**
   * The failure of {@code isAcceptedBy}: the reply the receiver sends, then each broken rule.
   *
   * @param actual the mail checked
   * @param profile the receiver profile applied
   * @param result the profile's result on the mail
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldBeAccepted(CapturedMail actual, ReceiverProfile profile,
      ProfileResult result) {
    return new ShouldHaveVerdict("%nExpecting%n  %s%nto be accepted by %s but it would %s%s" + NOT_THE_PROVIDER,
        unquotedString(actual.toString()), unquotedString(profile.name()), unquotedString(outcome(result, true)),
        unquotedString(brokenRules(result, result.reply()) + String.format("%n")));
  }

  /**
   * The failure of {@code isRefusedWith}: what the receiver does instead, and why.
   *
   * @param actual the mail checked
   * @param profile the receiver profile applied
   * @param code the reply code the test expects, such as {@code "550"} or {@code "5.7.26"}
   * @param result the profile's result on the mail
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldBeRefusedWith(CapturedMail actual, ReceiverProfile profile, String code,
      ProfileResult result) {
    String rules = result.broken().isEmpty() ? "" : brokenRules(result, result.reply());
    return new ShouldHaveVerdict("%nExpecting%n  %s%nto be refused by %s with %s but it would %s%s%n"
        + NOT_THE_PROVIDER, unquotedString(actual.toString()), unquotedString(profile.name()), unquotedString(code),
        unquotedString(outcome(result, !rules.isEmpty())), unquotedString(rules));
  }

  /** "be rejected: 550 5.7.26 ...", or "reach the inbox", as the headline says it; a colon when rules follow. */
  private static String outcome(ProfileResult result, boolean rulesFollow) {
    String phrase = result.verdict().phrase();
    return result.reply().map(r -> phrase + ": " + r).orElse(phrase
        + (result.verdict().isAccepted() ? "" : " (the profile names no reply)") + (rulesFollow ? ":" : ""));
  }

  /** Each broken rule with its consequence, source, reply (unless it is {@code shown} already) and fix. */
  private static String brokenRules(ProfileResult result, Optional<SmtpReply> shown) {
    StringBuilder sb = new StringBuilder();
    for (ProfileResult.BrokenRule broken : result.broken()) {
      sb.append(String.format("%n  - [%s] %s: %s%n    (%s)", broken.rule().consequence(),
          broken.rule().requirement(), broken.problem(), broken.rule().source()));
      if (broken.reply().isPresent() && !broken.reply().equals(shown)) {
        sb.append(String.format("%n    Reply: %s", broken.reply().get()));
      }
      if (!broken.fix().isEmpty()) {
        sb.append(String.format("%n    Fix: %s", broken.fix()));
      }
    }
    return sb.toString();
  }

  /**
   * The failure of {@code meetsBulkSenderAuthenticationRequirements}: each unmet requirement.
   *
   * @param actual the mail checked
   * @param result the profile's result on the mail
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldMeetBulkSenderAuthentication(CapturedMail actual, ProfileResult result) {
    StringBuilder sb = new StringBuilder();
    for (ProfileResult.BrokenRule broken : result.broken()) {
      sb.append(String.format("%n  - %s: %s", broken.rule().requirement(), broken.problem()));
    }
    return new ShouldHaveVerdict("%nExpecting%n  %s%nto meet the authentication requirements for bulk senders (Gmail"
        + " and Yahoo, February 2024) but %s are not met:%s", unquotedString(actual.toString()),
        unquotedString(Integer.toString(result.broken().size())), unquotedString(sb.toString()));
  }
}
