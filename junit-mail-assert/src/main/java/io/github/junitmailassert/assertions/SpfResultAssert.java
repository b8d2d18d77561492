package io.github.junitmailassert.assertions;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.receiver.ReceiverResult;
import io.github.junitmailassert.spf.SpfFindings;
import io.github.junitmailassert.spf.SpfResult;
import io.github.junitmailassert.spf.SpfResultCode;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions on the SPF result of a captured mail, reached with
 * {@link AbstractCapturedMailAssert#spf()}. A failure shows the {@code Received-SPF} line a receiver
 * would write, the client IP used, the trace of every term and DNS answer, and the fix.
 */
public class SpfResultAssert extends AbstractObjectAssert<SpfResultAssert, SpfResult> {

  private final ReceiverResult result;
  private final AbstractCapturedMailAssert<?> origin;

  public SpfResultAssert(SpfResult actual) {
    this(actual, null, null);
  }

  SpfResultAssert(SpfResult actual, ReceiverResult result, AbstractCapturedMailAssert<?> origin) {
    super(actual, SpfResultAssert.class);
    this.result = result;
    this.origin = origin;
  }

  /**
   * Verifies that SPF passes, which receivers write as {@code Received-SPF: pass}.
   *
   * <pre>{@code
   * // passes: v=spf1 ip4:203.0.113.25 -all, client IP 203.0.113.25
   * assertThat(mail).spf().isPass();
   * // fails with the trace and the record to publish: no SPF record for the envelope domain
   * assertThat(mail).spf().isPass();
   * }</pre>
   */
  public SpfResultAssert isPass() {
    return hasResult(SpfResultCode.PASS);
  }

  /** Verifies {@code fail}: the domain says the client IP must not send its mail. */
  public SpfResultAssert isFail() {
    return hasResult(SpfResultCode.FAIL);
  }

  /** Verifies {@code softfail} ({@code ~all}). */
  public SpfResultAssert isSoftfail() {
    return hasResult(SpfResultCode.SOFTFAIL);
  }

  /** Verifies {@code neutral} ({@code ?all}, or no match with a neutral default). */
  public SpfResultAssert isNeutral() {
    return hasResult(SpfResultCode.NEUTRAL);
  }

  /** Verifies {@code none}: the domain publishes no SPF record (or is not a domain). */
  public SpfResultAssert isNone() {
    return hasResult(SpfResultCode.NONE);
  }

  /** Verifies {@code permerror}: the record is broken. */
  public SpfResultAssert isPermerror() {
    return hasResult(SpfResultCode.PERMERROR);
  }

  /** Verifies {@code temperror}: DNS failed while checking. */
  public SpfResultAssert isTemperror() {
    return hasResult(SpfResultCode.TEMPERROR);
  }

  /** Verifies any result other than {@code pass}. */
  public SpfResultAssert isNotPass() {
    isNotNull();
    if (actual.isPass()) {
      failWithMessage(report("not to pass"));
    }
    return myself;
  }

  /**
   * Verifies the result code.
   *
   * <pre>{@code
   * assertThat(mail).spf().hasResult(SpfResultCode.SOFTFAIL); // passes for ~all without a match
   * assertThat(mail).spf().hasResult(SpfResultCode.PASS);     // fails, showing the trace
   * }</pre>
   */
  public SpfResultAssert hasResult(SpfResultCode expected) {
    isNotNull();
    AbstractCapturedMailAssert.requireArgument(expected, "SPF result");
    if (actual.code() != expected) {
      failWithMessage(report("to be " + expected.keyword() + " but it was " + actual.code().keyword()));
    }
    return myself;
  }

  /**
   * Verifies the mechanism that decided the result, as written in the record.
   *
   * <pre>{@code
   * assertThat(mail).spf().hasMechanism("ip4:203.0.113.25"); // passes when that term matched
   * }</pre>
   */
  public SpfResultAssert hasMechanism(String expected) {
    isNotNull();
    AbstractCapturedMailAssert.requireArgument(expected, "mechanism");
    if (!actual.mechanism().equals(expected)) {
      failWithMessage(report("to be decided by " + expected + " but it was decided by "
          + (actual.mechanism().isEmpty() ? "no mechanism" : actual.mechanism())));
    }
    return myself;
  }

  /** Back to the mail's assertions. */
  public AbstractCapturedMailAssert<?> returnToMail() {
    if (origin == null) {
      throw new IllegalStateException("this SPF result was not reached from a captured mail");
    }
    return origin;
  }

  private String report(String expectation) {
    CapturedMail mail = result == null ? null : result.mail();
    String receiver = result == null ? "receiver" : result.receiver().receivingHost();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%nExpecting SPF for the %s identity of%n  %s%n%s, as a receiver would write it:%n  %s%n",
        actual.identity() == io.github.junitmailassert.spf.SpfIdentity.MAILFROM ? "MAIL FROM" : "HELO",
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
    // failWithMessage formats its text: keep the percent signs of macros.
    return sb.toString().stripTrailing().replace("%", "%%");
  }
}
