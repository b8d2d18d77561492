package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.error.ShouldHaveConsistentSendingHost.shouldBeCheckable;
import static io.github.junitmailassert.assertions.error.ShouldHaveConsistentSendingHost.shouldHaveConsistentSendingHost;

import io.github.junitmailassert.receiver.ReceiverResult;
import io.github.junitmailassert.check.CheckOutcome;
import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.host.SendingHostResult;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions on the sending host's DNS as a receiver checks it: forward-confirmed reverse DNS of the
 * client IP and the HELO name. Reached with {@link AbstractCapturedMailAssert#sendingHost()}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public class SendingHostResultAssert extends AbstractObjectAssert<SendingHostResultAssert, SendingHostResult> {

  private ReceiverResult result;
  private AbstractCapturedMailAssert<?> origin;

  /**
   * Assertions on {@code actual}; tests start from {@link MailAssertions#assertThat}.
   *
   * @param actual what is checked
   */
  public SendingHostResultAssert(SendingHostResult actual) {
    super(actual, SendingHostResultAssert.class);
  }

  /** The mail this result belongs to, and the assertion to return to; through a soft proxy too. */
  SendingHostResultAssert within(ReceiverResult result, AbstractCapturedMailAssert<?> origin) {
    this.result = result;
    this.origin = origin;
    return myself;
  }

  /**
   * Verifies that the client IP's PTR name resolves back to the IP.
   *
   * <pre>{@code
   * assertThat(mail).sendingHost().hasForwardConfirmedReverseDns(); // PTR and A agree
   * assertThat(mail).sendingHost().hasForwardConfirmedReverseDns(); // fails: no PTR, with the record to publish
   * }</pre>
   *
   * @return this assertion, to chain more
   */
  public SendingHostResultAssert hasForwardConfirmedReverseDns() {
    isNotNull();
    requireCheckable("forward-confirmed reverse DNS");
    if (!actual.reverseDns().isConfirmed()) {
      throwAssertionError(shouldHaveConsistentSendingHost(actual, result, "forward-confirmed reverse DNS", f -> true));
    }
    return myself;
  }

  /**
   * Verifies that the HELO name is a fully qualified name that resolves to the client IP.
   *
   * <pre>{@code
   * assertThat(mail).sendingHost().hasValidHeloName(); // EHLO mail.sample.co.jp with matching A record
   * assertThat(mail).sendingHost().hasValidHeloName(); // fails for EHLO localhost
   * }</pre>
   *
   * @return this assertion, to chain more
   */
  public SendingHostResultAssert hasValidHeloName() {
    isNotNull();
    requireCheckable("a HELO name that is a real name of the client");
    if (!actual.helo().fullyQualified() || !actual.helo().resolvesToClient()) {
      throwAssertionError(shouldHaveConsistentSendingHost(actual, result, "a HELO name that is a real name of the client", f -> true));
    }
    return myself;
  }

  /**
   * Verifies that neither check found anything a receiver holds against the mail.
   *
   * @return this assertion, to chain more
   */
  public SendingHostResultAssert isConsistent() {
    isNotNull();
    requireCheckable("consistent DNS for the sending host");
    if (!actual.isConsistent()) {
      throwAssertionError(shouldHaveConsistentSendingHost(actual, result, "consistent DNS for the sending host", f -> f.severity() != Finding.Severity.INFO));
    }
    return myself;
  }

  /** The loopback address has no DNS worth judging: without a declared client IP there is nothing to assert. */
  private void requireCheckable(String expectation) {
    if (result != null && result.outcome(MailCheck.REVERSE_DNS).status() == CheckOutcome.Status.NOT_CHECKED) {
      throwAssertionError(shouldBeCheckable(result, expectation, result.outcome(MailCheck.REVERSE_DNS)));
    }
  }

  /**
   * Back to the mail's assertions.
   *
   * @return the assertions on the mail
   */
  public AbstractCapturedMailAssert<?> returnToMail() {
    if (origin == null) {
      throw new IllegalStateException("this result was not reached from a captured mail");
    }
    return origin;
  }
}
