package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.mail.SmtpAttempt;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Failures of the assertions on SMTP attempts: what was expected, and every attempt as it ended. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldHaveSmtpAttempts extends BasicErrorMessageFactory {

  private ShouldHaveSmtpAttempts(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * The failure message when the attempts did not end with these reply codes, in this order.
   *
   * @param actual every SMTP attempt, in the order they began
   * @param expected the reply codes the test expects, one per attempt
   * @param codes the reply code each attempt ended with
   * @return the failure message, for AssertJ, listing every attempt
   */
  public static ErrorMessageFactory shouldHaveReplyCodes(List<SmtpAttempt> actual, List<Integer> expected,
      List<Integer> codes) {
    return new ShouldHaveSmtpAttempts("%nExpecting the SMTP attempts to end with the reply codes%n  %s%nbut they ended with%n"
        + "  %s%s", unquotedString(expected.toString()), unquotedString(codes.toString()), unquotedString(listing(actual)));
  }

  /**
   * The failure message when not this many attempts were accepted.
   *
   * @param actual every SMTP attempt, in the order they began
   * @param expected how many accepted attempts the test expects
   * @param accepted how many were accepted
   * @return the failure message, for AssertJ, listing every attempt
   */
  public static ErrorMessageFactory shouldHaveAccepted(List<SmtpAttempt> actual, int expected, long accepted) {
    return new ShouldHaveSmtpAttempts("%nExpecting %s SMTP attempt(s) to be accepted but %s were%s",
        unquotedString(Integer.toString(expected)), unquotedString(Long.toString(accepted)),
        unquotedString(listing(actual)));
  }

  /**
   * The failure message when the attempts did not end with these outcomes, in this order.
   *
   * @param actual every SMTP attempt, in the order they began
   * @param expected the outcomes the test expects, one per attempt
   * @param outcomes the outcome each attempt ended with
   * @return the failure message, for AssertJ, listing every attempt
   */
  public static ErrorMessageFactory shouldHaveOutcomes(List<SmtpAttempt> actual, List<SmtpAttempt.Outcome> expected,
      List<SmtpAttempt.Outcome> outcomes) {
    return new ShouldHaveSmtpAttempts("%nExpecting the SMTP attempts to end%n  %s%nbut they ended%n  %s%s",
        unquotedString(expected.toString()), unquotedString(outcomes.toString()), unquotedString(listing(actual)));
  }

  private static String listing(List<SmtpAttempt> attempts) {
    if (attempts.isEmpty()) {
      return String.format("%n(no attempt: nothing connected to the capture server)");
    }
    StringBuilder sb = new StringBuilder(String.format("%nAttempts:"));
    for (SmtpAttempt a : attempts) {
      sb.append(String.format("%n  - %s", a));
    }
    return sb.toString();
  }
}
