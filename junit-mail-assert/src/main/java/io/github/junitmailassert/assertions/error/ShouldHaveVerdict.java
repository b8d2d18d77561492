package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.profile.ProfileResult;
import io.github.junitmailassert.profile.ReceiverProfile;
import io.github.junitmailassert.profile.Verdict;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Failures of a receiver profile: each broken rule, where it is published, and the fix. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldHaveVerdict extends BasicErrorMessageFactory {

  private ShouldHaveVerdict(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * The failure message when it should have verdict but does not.
   *
   * @param actual what is checked
   * @param profile the receiver profile
   * @param expected the expected value
   * @param result the profile's result on the mail
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveVerdict(CapturedMail actual, ReceiverProfile profile, Verdict expected,
      ProfileResult result) {
    StringBuilder sb = new StringBuilder();
    for (ProfileResult.BrokenRule broken : result.broken()) {
      sb.append(String.format("%n  - [%s] %s: %s%n    (%s)", broken.rule().consequence(),
          broken.rule().requirement(), broken.problem(), broken.rule().source()));
      if (!broken.fix().isEmpty()) {
        sb.append(String.format("%n    Fix: %s", broken.fix()));
      }
    }
    return new ShouldHaveVerdict("%nExpecting%n  %s%nto get the verdict %s under the profile \"%s\" but it gets %s:%s%n"
        + "The profile applies published rules; it is not the provider's own filter.", unquotedString(actual.toString()),
        unquotedString(expected.name()), unquotedString(profile.name()), unquotedString(result.verdict().name()),
        unquotedString(sb.toString()));
  }

  /**
   * The failure of {@code meetsBulkSenderAuthenticationRequirements}: each unmet requirement.
   *
   * @param actual what is checked
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
