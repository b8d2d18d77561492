package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dkim.DkimFindings;
import io.github.junitmailassert.dkim.DkimSignatureResult;
import io.github.junitmailassert.receiver.ReceiverResult;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** DKIM results other than expected: each signature as written in Authentication-Results, with its reason; or the fix for an unsigned mail. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldHaveDkimResult extends BasicErrorMessageFactory {

  private ShouldHaveDkimResult(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * The failure message when it should have dkim result but does not.
   *
   * @param actual what is checked
   * @param result the result
   * @param expectation what the assertion expected, in words
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveDkimResult(List<DkimSignatureResult> actual, ReceiverResult result,
      String expectation) {
    StringBuilder sb = new StringBuilder(String.format("%nExpecting DKIM of%n  %s%nto have %s but ",
        result == null ? "the message" : result.mail().toString(), expectation));
    if (actual.isEmpty()) {
      String fix = result == null ? DkimFindings.fix(actual, "<domain>")
          : result.outcome(MailCheck.DKIM).findings().get(0).fix();
      sb.append(String.format("it is not signed.%nFix: %s", fix));
    } else {
      sb.append(String.format("found:%n"));
      for (DkimSignatureResult r : actual) {
        sb.append(String.format("  - %s: %s%n", r.authenticationResultsPart(), r.reason()));
      }
    }
    return new ShouldHaveDkimResult("%s", unquotedString(sb.toString().stripTrailing()));
  }
}
