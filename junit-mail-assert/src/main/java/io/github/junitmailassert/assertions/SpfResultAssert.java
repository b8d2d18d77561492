package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.error.ShouldHaveSpfResult.shouldHaveSpfResult;

import io.github.junitmailassert.receiver.ReceiverResult;
import io.github.junitmailassert.spf.SpfResult;
import io.github.junitmailassert.spf.SpfResultCode;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions on the SPF result of a captured mail, reached with
 * {@link AbstractCapturedMailAssert#spf()}. A failure shows the {@code Received-SPF} line a receiver
 * would write, the client IP used, the trace of every term and DNS answer, and the fix.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public class SpfResultAssert extends AbstractObjectAssert<SpfResultAssert, SpfResult> {

  private ReceiverResult result;
  private AbstractCapturedMailAssert<?> origin;

  /**
   * Assertions on {@code actual}; tests start from {@link MailAssertions#assertThat}.
   *
   * @param actual what is checked
   */
  public SpfResultAssert(SpfResult actual) {
    super(actual, SpfResultAssert.class);
  }

  /** The mail this result belongs to, and the assertion to return to; through a soft proxy too. */
  SpfResultAssert within(ReceiverResult result, AbstractCapturedMailAssert<?> origin) {
    this.result = result;
    this.origin = origin;
    return myself;
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
   *
   * @return this assertion, to chain more
   */
  public SpfResultAssert isPass() {
    return hasCode(SpfResultCode.PASS);
  }

  /**
   * Verifies {@code fail}: the domain says the client IP must not send its mail.
   *
   * @return this assertion, to chain more
   */
  public SpfResultAssert isFail() {
    return hasCode(SpfResultCode.FAIL);
  }

  /**
   * Verifies {@code softfail} ({@code ~all}).
   *
   * @return this assertion, to chain more
   */
  public SpfResultAssert isSoftfail() {
    return hasCode(SpfResultCode.SOFTFAIL);
  }

  /**
   * Verifies {@code neutral} ({@code ?all}, or no match with a neutral default).
   *
   * @return this assertion, to chain more
   */
  public SpfResultAssert isNeutral() {
    return hasCode(SpfResultCode.NEUTRAL);
  }

  /**
   * Verifies {@code none}: the domain publishes no SPF record (or is not a domain).
   *
   * @return this assertion, to chain more
   */
  public SpfResultAssert isNone() {
    return hasCode(SpfResultCode.NONE);
  }

  /**
   * Verifies {@code permerror}: the record is broken.
   *
   * @return this assertion, to chain more
   */
  public SpfResultAssert isPermerror() {
    return hasCode(SpfResultCode.PERMERROR);
  }

  /**
   * Verifies {@code temperror}: DNS failed while checking.
   *
   * @return this assertion, to chain more
   */
  public SpfResultAssert isTemperror() {
    return hasCode(SpfResultCode.TEMPERROR);
  }

  /**
   * Verifies any result other than {@code pass}.
   *
   * @return this assertion, to chain more
   */
  public SpfResultAssert isNotPass() {
    isNotNull();
    if (actual.isPass()) {
      throwAssertionError(shouldHaveSpfResult(actual, result, "not to pass"));
    }
    return myself;
  }

  /**
   * Verifies the result code.
   *
   * <pre>{@code
   * assertThat(mail).spf().hasCode(SpfResultCode.SOFTFAIL); // passes for ~all without a match
   * assertThat(mail).spf().hasCode(SpfResultCode.PASS);     // fails, showing the trace
   * }</pre>
   *
   * @param expected the expected value
   * @return this assertion, to chain more
   */
  public SpfResultAssert hasCode(SpfResultCode expected) {
    isNotNull();
    AbstractCapturedMailAssert.requireArgument(expected, "SPF result");
    if (actual.code() != expected) {
      throwAssertionError(shouldHaveSpfResult(actual, result, "to be " + expected.keyword() + " but it was " + actual.code().keyword()));
    }
    return myself;
  }

  /**
   * Verifies the mechanism that decided the result, as written in the record.
   *
   * <pre>{@code
   * assertThat(mail).spf().hasMechanism("ip4:203.0.113.25"); // passes when that term matched
   * }</pre>
   *
   * @param expected the expected value
   * @return this assertion, to chain more
   */
  public SpfResultAssert hasMechanism(String expected) {
    isNotNull();
    AbstractCapturedMailAssert.requireArgument(expected, "mechanism");
    if (!actual.mechanism().equals(expected)) {
      throwAssertionError(shouldHaveSpfResult(actual, result, "to be decided by " + expected + " but it was decided by "
          + (actual.mechanism().isEmpty() ? "no mechanism" : actual.mechanism())));
    }
    return myself;
  }

  /**
   * Back to the mail's assertions.
   *
   * @return the assertions on the mail
   */
  public AbstractCapturedMailAssert<?> returnToMail() {
    if (origin == null) {
      throw new IllegalStateException("this SPF result was not reached from a captured mail");
    }
    return origin;
  }
}
