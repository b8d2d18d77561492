package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.dmarc.DmarcFindings;
import io.github.junitmailassert.dmarc.DmarcResult;
import io.github.junitmailassert.dmarc.IdentifierAlignment;
import io.github.junitmailassert.receiver.ReceiverResult;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** A DMARC result other than expected: the result as written, why, each alignment, and the fix. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldHaveDmarcResult extends BasicErrorMessageFactory {

  private ShouldHaveDmarcResult(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * The failure message when it should have dmarc result but does not.
   *
   * @param actual what is checked
   * @param result the result
   * @param expectation what the assertion expected, in words
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveDmarcResult(DmarcResult actual, ReceiverResult result, String expectation) {
    StringBuilder sb = new StringBuilder(String.format("%nExpecting DMARC for the From domain %s of%n  %s%n%s:%n  %s%n%s%n",
        actual.authorDomain().isEmpty() ? "(none)" : actual.authorDomain(),
        result == null ? "the message" : result.mail().toString(), expectation, actual.authenticationResultsPart(),
        actual.reason()));
    if (!actual.alignments().isEmpty()) {
      sb.append(String.format("Alignment:%n"));
      for (IdentifierAlignment a : actual.alignments()) {
        sb.append(String.format("  - %s%n", a.explanation()));
      }
    }
    if (!actual.isPass()) {
      sb.append(String.format("Fix: %s", DmarcFindings.fix(actual)));
    }
    return new ShouldHaveDmarcResult("%s", unquotedString(sb.toString().stripTrailing()));
  }
}
