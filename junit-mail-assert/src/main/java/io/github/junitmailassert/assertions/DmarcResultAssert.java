package io.github.junitmailassert.assertions;

import io.github.junitmailassert.receiver.ReceiverResult;
import io.github.junitmailassert.dmarc.DmarcPolicy;
import io.github.junitmailassert.dmarc.DmarcResult;
import io.github.junitmailassert.dmarc.DmarcStatus;
import io.github.junitmailassert.dmarc.IdentifierAlignment;
import io.github.junitmailassert.dmarc.DmarcFindings;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions on the DMARC result of a captured mail, reached with
 * {@link AbstractCapturedMailAssert#dmarc()}. A failure shows the result as a receiver writes it,
 * each identifier's alignment with the From domain, and the fix.
 */
public class DmarcResultAssert extends AbstractObjectAssert<DmarcResultAssert, DmarcResult> {

  private final ReceiverResult result;
  private final AbstractCapturedMailAssert<?> origin;

  public DmarcResultAssert(DmarcResult actual) {
    this(actual, null, null);
  }

  DmarcResultAssert(DmarcResult actual, ReceiverResult result, AbstractCapturedMailAssert<?> origin) {
    super(actual, DmarcResultAssert.class);
    this.result = result;
    this.origin = origin;
  }

  /**
   * Verifies that DMARC passes: an SPF or DKIM identity that passed is aligned with the From domain.
   *
   * <pre>{@code
   * assertThat(mail).dmarc().isPass(); // passes: From sample.co.jp, DKIM d=sample.co.jp passes
   * assertThat(mail).dmarc().isPass(); // fails: From sample.co.jp, only the ESP's d= passes
   * }</pre>
   */
  public DmarcResultAssert isPass() {
    return hasStatus(DmarcStatus.PASS);
  }

  /** Verifies the DMARC result. */
  public DmarcResultAssert hasStatus(DmarcStatus expected) {
    isNotNull();
    AbstractCapturedMailAssert.requireArgument(expected, "DMARC result");
    if (actual.status() != expected) {
      failWithMessage(report("to be " + expected.keyword() + " but it was " + actual.status().keyword()));
    }
    return myself;
  }

  /**
   * Verifies the policy the From domain publishes ({@code p}, or {@code sp}/{@code np} where they apply).
   *
   * <pre>{@code
   * assertThat(mail).dmarc().hasPolicy(DmarcPolicy.REJECT); // passes for v=DMARC1; p=reject
   * }</pre>
   */
  public DmarcResultAssert hasPolicy(DmarcPolicy expected) {
    isNotNull();
    AbstractCapturedMailAssert.requireArgument(expected, "policy");
    if (actual.policy() != expected) {
      failWithMessage(report("to have policy " + expected.keyword() + " but it has " + actual.policy().keyword()));
    }
    return myself;
  }

  /**
   * Verifies what the domain asks receivers to do with this mail (none for a mail that passes).
   *
   * <pre>{@code
   * assertThat(mail).dmarc().hasDisposition(DmarcPolicy.NONE); // passes for a passing mail
   * }</pre>
   */
  public DmarcResultAssert hasDisposition(DmarcPolicy expected) {
    isNotNull();
    AbstractCapturedMailAssert.requireArgument(expected, "disposition");
    if (actual.disposition() != expected) {
      failWithMessage(report("to ask for disposition " + expected.keyword() + " but it asks for "
          + actual.disposition().keyword()));
    }
    return myself;
  }

  /** Back to the mail's assertions. */
  public AbstractCapturedMailAssert<?> returnToMail() {
    if (origin == null) {
      throw new IllegalStateException("this DMARC result was not reached from a captured mail");
    }
    return origin;
  }

  private String report(String expectation) {
    StringBuilder sb = new StringBuilder(String.format("%nExpecting DMARC for the From domain %s of%n  %s%n%s:%n  %s%n%s%n",
        actual.authorDomain().isEmpty() ? "(none)" : actual.authorDomain(),
        result == null ? "the message" : result.mail().toString(), expectation, actual.authenticationResultsPart(), actual.reason()));
    if (!actual.alignments().isEmpty()) {
      sb.append(String.format("Alignment:%n"));
      for (IdentifierAlignment a : actual.alignments()) {
        sb.append(String.format("  - %s%n", a.explanation()));
      }
    }
    if (!actual.isPass()) {
      sb.append(String.format("Fix: %s", DmarcFindings.fix(actual)));
    }
    return sb.toString().stripTrailing().replace("%", "%%");
  }
}
