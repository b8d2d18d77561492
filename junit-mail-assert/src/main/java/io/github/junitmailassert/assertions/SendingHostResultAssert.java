package io.github.junitmailassert.assertions;

import io.github.junitmailassert.receiver.ReceiverResult;
import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.host.SendingHostResult;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions on the sending host's DNS as a receiver checks it: forward-confirmed reverse DNS of the
 * client IP and the HELO name. Reached with {@link AbstractCapturedMailAssert#sendingHost()}.
 */
public class SendingHostResultAssert extends AbstractObjectAssert<SendingHostResultAssert, SendingHostResult> {

  private final ReceiverResult result;
  private final AbstractCapturedMailAssert<?> origin;

  public SendingHostResultAssert(SendingHostResult actual) {
    this(actual, null, null);
  }

  SendingHostResultAssert(SendingHostResult actual, ReceiverResult result, AbstractCapturedMailAssert<?> origin) {
    super(actual, SendingHostResultAssert.class);
    this.result = result;
    this.origin = origin;
  }

  /**
   * Verifies that the client IP's PTR name resolves back to the IP.
   *
   * <pre>{@code
   * assertThat(mail).sendingHost().hasForwardConfirmedReverseDns(); // PTR and A agree
   * assertThat(mail).sendingHost().hasForwardConfirmedReverseDns(); // fails: no PTR, with the record to publish
   * }</pre>
   */
  public SendingHostResultAssert hasForwardConfirmedReverseDns() {
    isNotNull();
    if (!actual.reverseDns().isConfirmed()) {
      failWithMessage(report("forward-confirmed reverse DNS", f -> true));
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
   */
  public SendingHostResultAssert hasValidHeloName() {
    isNotNull();
    if (!actual.helo().fullyQualified() || !actual.helo().resolvesToClient()) {
      failWithMessage(report("a HELO name that is a real name of the client", f -> true));
    }
    return myself;
  }

  /** Verifies that neither check found anything a receiver holds against the mail. */
  public SendingHostResultAssert isConsistent() {
    isNotNull();
    if (!actual.isConsistent()) {
      failWithMessage(report("consistent DNS for the sending host", f -> f.severity() != Finding.Severity.INFO));
    }
    return myself;
  }

  /** Back to the mail's assertions. */
  public AbstractCapturedMailAssert<?> returnToMail() {
    if (origin == null) {
      throw new IllegalStateException("this result was not reached from a captured mail");
    }
    return origin;
  }

  private String report(String expectation, Predicate<Finding> shown) {
    StringBuilder sb = new StringBuilder(String.format("%nExpecting %s for%n  %s%n(client IP %s, HELO %s) but found:%n",
        expectation, result == null ? "the sending host" : result.mail().toString(), actual.clientIp().getHostAddress(),
        actual.heloName().isEmpty() ? "(none)" : actual.heloName()));
    for (Finding f : actual.findings()) {
      if (shown.test(f)) {
        sb.append(String.format("  - %s%n    Fix: %s%n", f.text(), f.fix()));
      }
    }
    return sb.toString().stripTrailing().replace("%", "%%");
  }
}
