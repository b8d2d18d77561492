package io.github.junitmailassert.assertions;

import io.github.junitmailassert.CapturedMail;
import io.github.junitmailassert.dmarc.DmarcPolicy;
import io.github.junitmailassert.dmarc.DmarcResult;
import io.github.junitmailassert.dmarc.DmarcStatus;
import io.github.junitmailassert.dmarc.IdentifierAlignment;
import io.github.junitmailassert.internal.check.Fixes;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions on the DMARC result of a captured mail, reached with
 * {@link AbstractCapturedMailAssert#dmarc()}. A failure shows the result as a receiver writes it,
 * each identifier's alignment with the From domain, and the fix.
 */
public class DmarcResultAssert extends AbstractObjectAssert<DmarcResultAssert, DmarcResult> {

  private final CapturedMail mail;

  public DmarcResultAssert(DmarcResult actual) {
    this(actual, null);
  }

  DmarcResultAssert(DmarcResult actual, CapturedMail mail) {
    super(actual, DmarcResultAssert.class);
    this.mail = mail;
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
  public CapturedMailAssert returnToMail() {
    if (mail == null) {
      throw new IllegalStateException("this DMARC result was not reached from a captured mail");
    }
    return new CapturedMailAssert(mail);
  }

  private String report(String expectation) {
    StringBuilder sb = new StringBuilder(String.format("%nExpecting DMARC for the From domain %s of%n  %s%n%s:%n  %s%n%s%n",
        actual.authorDomain().isEmpty() ? "(none)" : actual.authorDomain(),
        mail == null ? "the message" : mail.toString(), expectation, actual.authenticationResultsPart(), actual.reason()));
    if (!actual.alignments().isEmpty()) {
      sb.append(String.format("Alignment:%n"));
      for (IdentifierAlignment a : actual.alignments()) {
        sb.append(String.format("  - %s%n", a.explanation()));
      }
    }
    if (!actual.isPass()) {
      sb.append(String.format("Fix: %s", Fixes.forDmarc(actual)));
    }
    return sb.toString().stripTrailing().replace("%", "%%");
  }
}
