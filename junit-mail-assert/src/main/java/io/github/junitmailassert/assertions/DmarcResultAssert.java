package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.error.ShouldHaveDmarcResult.shouldHaveDmarcResult;

import io.github.junitmailassert.receiver.ReceiverResult;
import io.github.junitmailassert.dmarc.DmarcPolicy;
import io.github.junitmailassert.dmarc.DmarcResult;
import io.github.junitmailassert.dmarc.DmarcResultCode;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions on the DMARC result of a captured mail, reached with
 * {@link AbstractCapturedMailAssert#dmarc()}. A failure shows the result as a receiver writes it,
 * each identifier's alignment with the From domain, and the fix.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public class DmarcResultAssert extends AbstractObjectAssert<DmarcResultAssert, DmarcResult> {

  private ReceiverResult result;
  private AbstractCapturedMailAssert<?> origin;

  /**
   * Assertions on {@code actual}; tests start from {@link MailAssertions#assertThat}.
   *
   * @param actual what is checked
   */
  public DmarcResultAssert(DmarcResult actual) {
    super(actual, DmarcResultAssert.class);
  }

  /** The mail this result belongs to, and the assertion to return to; through a soft proxy too. */
  DmarcResultAssert within(ReceiverResult result, AbstractCapturedMailAssert<?> origin) {
    this.result = result;
    this.origin = origin;
    return myself;
  }

  /**
   * Verifies that DMARC passes: an SPF or DKIM identity that passed is aligned with the From domain.
   *
   * <pre>{@code
   * assertThat(mail).dmarc().isPass(); // passes: From sample.co.jp, DKIM d=sample.co.jp passes
   * assertThat(mail).dmarc().isPass(); // fails: From sample.co.jp, only the ESP's d= passes
   * }</pre>
   *
   * @return this assertion, to chain more
   */
  public DmarcResultAssert isPass() {
    return hasCode(DmarcResultCode.PASS);
  }

  /**
   * Verifies {@code fail}: a policy exists and nothing aligns.
   *
   * @return this assertion, to chain more
   */
  public DmarcResultAssert isFail() {
    return hasCode(DmarcResultCode.FAIL);
  }

  /**
   * Verifies {@code none}: no DMARC policy applies to the From domain.
   *
   * @return this assertion, to chain more
   */
  public DmarcResultAssert isNone() {
    return hasCode(DmarcResultCode.NONE);
  }

  /**
   * Verifies {@code temperror}: a DNS failure; receivers try again later.
   *
   * @return this assertion, to chain more
   */
  public DmarcResultAssert isTemperror() {
    return hasCode(DmarcResultCode.TEMPERROR);
  }

  /**
   * Verifies {@code permerror}: the message cannot be evaluated, such as one without a usable From.
   *
   * @return this assertion, to chain more
   */
  public DmarcResultAssert isPermerror() {
    return hasCode(DmarcResultCode.PERMERROR);
  }

  /**
   * Verifies the DMARC result code.
   *
   * <pre>{@code
   * assertThat(mail).dmarc().hasCode(DmarcResultCode.FAIL); // passes when nothing aligns under a policy
   * }</pre>
   *
   * @param expected the expected value
   * @return this assertion, to chain more
   */
  public DmarcResultAssert hasCode(DmarcResultCode expected) {
    isNotNull();
    AbstractCapturedMailAssert.requireArgument(expected, "DMARC result");
    if (actual.code() != expected) {
      throwAssertionError(shouldHaveDmarcResult(actual, result, "to be " + expected.keyword() + " but it was " + actual.code().keyword()));
    }
    return myself;
  }

  /**
   * Verifies the policy the From domain publishes ({@code p}, or {@code sp}/{@code np} where they apply).
   *
   * <pre>{@code
   * assertThat(mail).dmarc().hasPolicy(DmarcPolicy.REJECT); // passes for v=DMARC1; p=reject
   * }</pre>
   *
   * @param expected the expected value
   * @return this assertion, to chain more
   */
  public DmarcResultAssert hasPolicy(DmarcPolicy expected) {
    isNotNull();
    AbstractCapturedMailAssert.requireArgument(expected, "policy");
    if (actual.policy() != expected) {
      throwAssertionError(shouldHaveDmarcResult(actual, result, "to have policy " + expected.keyword() + " but it has " + actual.policy().keyword()));
    }
    return myself;
  }

  /**
   * Verifies what the domain asks receivers to do with this mail (none for a mail that passes).
   *
   * <pre>{@code
   * assertThat(mail).dmarc().hasDisposition(DmarcPolicy.NONE); // passes for a passing mail
   * }</pre>
   *
   * @param expected the expected value
   * @return this assertion, to chain more
   */
  public DmarcResultAssert hasDisposition(DmarcPolicy expected) {
    isNotNull();
    AbstractCapturedMailAssert.requireArgument(expected, "disposition");
    if (actual.disposition() != expected) {
      throwAssertionError(shouldHaveDmarcResult(actual, result, "to ask for disposition " + expected.keyword() + " but it asks for "
          + actual.disposition().keyword()));
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
      throw new IllegalStateException("this DMARC result was not reached from a captured mail");
    }
    return origin;
  }
}
