package io.github.junitmailassert.assertions.error;

import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure of {@code receiver().passes(...)}: the gate's report of the mail. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldPassReceiverChecks extends BasicErrorMessageFactory {

  private ShouldPassReceiverChecks(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * The failure message when the receiver checks fail.
   *
   * @param gateReport the CI gate's report of the mail, as {@code GateReport} renders it
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldPassReceiverChecks(String gateReport) {
    return new ShouldPassReceiverChecks("%n%s", unquotedString(gateReport));
  }
}
