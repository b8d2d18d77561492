package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.receiver.ReceiverResult;
import io.github.junitmailassert.spf.SpfFindings;
import io.github.junitmailassert.spf.SpfIdentity;
import io.github.junitmailassert.spf.SpfResult;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * An SPF result other than expected: the {@code Received-SPF} line the receiver writes, the client
 * IP used and why, the trace of every term and DNS answer, and the fix.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldHaveSpfResult extends BasicErrorMessageFactory {

  private ShouldHaveSpfResult(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * The failure message when the SPF result is not the expected one.
   *
   * @param result the mail's receiver result, or null for a result checked on its own
   * @param expectation such as {@code "to be pass but it was none"}
   * @param actual the SPF result
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveSpfResult(SpfResult actual, ReceiverResult result, String expectation) {
    CapturedMail mail = result == null ? null : result.mail();
    String receiver = result == null ? "receiver" : result.receiver().receivingHost();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%nExpecting SPF for the %s identity of%n  %s%n%s, as a receiver would write it:%n  %s%n",
        actual.identity() == SpfIdentity.MAILFROM ? "MAIL FROM" : "HELO",
        mail == null ? actual.sender() : mail.toString(), expectation, actual.receivedSpf(receiver)));
    if (mail != null) {
      sb.append(String.format("Checked with the %s.%n", result.receiver().clientIpNote(mail)));
    }
    sb.append(String.format("Trace:%n"));
    for (String line : actual.trace()) {
      sb.append(String.format("  %s%n", line));
    }
    String fix = SpfFindings.fix(actual, result == null || result.receiver().declaredClientIp().isPresent());
    if (!fix.isEmpty()) {
      sb.append(String.format("Fix: %s", fix));
    }
    return new ShouldHaveSpfResult("%s", unquotedString(sb.toString().stripTrailing()));
  }
}
