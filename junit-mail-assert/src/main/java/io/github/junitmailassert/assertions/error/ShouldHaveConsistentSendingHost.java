package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.check.CheckOutcome;
import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.host.SendingHostResult;
import io.github.junitmailassert.receiver.ReceiverResult;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The sending host's DNS other than expected: each finding with the record to publish or the setting to change. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldHaveConsistentSendingHost extends BasicErrorMessageFactory {

  private ShouldHaveConsistentSendingHost(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * A sending host that could not be checked: no client IP was declared, so its DNS says nothing.
   *
   * @param result the receiver's result on the mail
   * @param expectation what the assertion expected, in words
   * @param outcome the check's outcome
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldBeCheckable(ReceiverResult result, String expectation, CheckOutcome outcome) {
    return new ShouldHaveConsistentSendingHost("%nExpecting %s for%n  %s%nbut it was not checked: %s.%nFix: %s",
        unquotedString(expectation), unquotedString(result.mail().toString()), unquotedString(outcome.reason()),
        unquotedString(outcome.fix()));
  }

  /**
   * The failure message when the sending host is not consistent.
   *
   * @param shown which findings to list
   * @param actual the sending host's result
   * @param result the receiver's result on the mail
   * @param expectation what the assertion expected, in words
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveConsistentSendingHost(SendingHostResult actual, ReceiverResult result,
      String expectation, Predicate<Finding> shown) {
    StringBuilder sb = new StringBuilder(String.format("%nExpecting %s for%n  %s%n(client IP %s, HELO %s) but found:%n",
        expectation, result == null ? "the sending host" : result.mail().toString(), actual.clientIp().getHostAddress(),
        actual.heloName().isEmpty() ? "(none)" : actual.heloName()));
    for (Finding f : actual.findings()) {
      if (shown.test(f)) {
        sb.append(String.format("  - %s%n    Fix: %s%n", f.text(), f.fix()));
      }
    }
    return new ShouldHaveConsistentSendingHost("%s", unquotedString(sb.toString().stripTrailing()));
  }
}
