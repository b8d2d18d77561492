package io.github.junitmailassert.assertions;

import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dkim.DkimFindings;
import io.github.junitmailassert.receiver.ReceiverResult;
import io.github.junitmailassert.dkim.DkimResult;
import io.github.junitmailassert.dkim.DkimSignatureResult;
import java.util.List;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions on the DKIM results of a captured mail, one per signature, reached with
 * {@link AbstractCapturedMailAssert#dkim()}. A failure lists each signature as a receiver writes it
 * in Authentication-Results, with the reason it did not pass.
 */
public class DkimResultsAssert extends AbstractObjectAssert<DkimResultsAssert, List<DkimSignatureResult>> {

  private final ReceiverResult result;
  private final AbstractCapturedMailAssert<?> origin;

  @SuppressWarnings("unchecked")
  public DkimResultsAssert(List<? extends DkimSignatureResult> actual) {
    this((List<DkimSignatureResult>) actual, null, null);
  }

  DkimResultsAssert(List<DkimSignatureResult> actual, ReceiverResult result, AbstractCapturedMailAssert<?> origin) {
    super(actual, DkimResultsAssert.class);
    this.result = result;
    this.origin = origin;
  }

  /**
   * Verifies that at least one signature passes.
   *
   * <pre>{@code
   * assertThat(mail).dkim().passes(); // passes for a mail signed with a published key
   * assertThat(mail).dkim().passes(); // fails for an unsigned mail, or one changed after signing
   * }</pre>
   */
  public DkimResultsAssert passes() {
    return hasPassing(r -> true, "a signature that passes");
  }

  /**
   * Verifies that a signature with {@code d=domain} passes.
   *
   * <pre>{@code
   * assertThat(mail).dkim().passesFor("sample.co.jp"); // passes when d=sample.co.jp verifies
   * assertThat(mail).dkim().passesFor("sample.co.jp"); // fails when only the provider's d= verifies
   * }</pre>
   */
  public DkimResultsAssert passesFor(String domain) {
    AbstractCapturedMailAssert.requireArgument(domain, "domain");
    return hasPassing(r -> r.domain().equalsIgnoreCase(domain), "a passing signature with d=" + domain);
  }

  /**
   * Verifies that a signature with {@code d=domain} and {@code s=selector} passes.
   *
   * <pre>{@code
   * assertThat(mail).dkim().passesFor("sample.co.jp", "mail2026"); // passes for that key
   * }</pre>
   */
  public DkimResultsAssert passesFor(String domain, String selector) {
    AbstractCapturedMailAssert.requireArgument(domain, "domain");
    AbstractCapturedMailAssert.requireArgument(selector, "selector");
    return hasPassing(r -> r.domain().equalsIgnoreCase(domain) && r.selector().equals(selector),
        "a passing signature with d=" + domain + " s=" + selector);
  }

  /** Verifies that every signature passes (there is at least one). */
  public DkimResultsAssert allPass() {
    isNotNull();
    if (actual.isEmpty() || !actual.stream().allMatch(DkimSignatureResult::isPass)) {
      failWithMessage(report("every signature to pass"));
    }
    return myself;
  }

  /** Verifies that the mail carries no DKIM signature. */
  public DkimResultsAssert isUnsigned() {
    isNotNull();
    if (!actual.isEmpty()) {
      failWithMessage(report("no signature"));
    }
    return myself;
  }

  /**
   * Verifies the result of the signature at {@code index} (0 is the topmost).
   *
   * <pre>{@code
   * assertThat(mail).dkim().hasResult(0, DkimResult.POLICY); // rsa-sha1, refused by RFC 8301
   * }</pre>
   */
  public DkimResultsAssert hasResult(int index, DkimResult expected) {
    isNotNull();
    AbstractCapturedMailAssert.requireArgument(expected, "DKIM result");
    if (index < 0 || index >= actual.size() || actual.get(index).result() != expected) {
      failWithMessage(report("signature " + index + " to be " + expected.keyword()));
    }
    return myself;
  }

  /** Back to the mail's assertions. */
  public AbstractCapturedMailAssert<?> returnToMail() {
    if (origin == null) {
      throw new IllegalStateException("these DKIM results were not reached from a captured mail");
    }
    return origin;
  }

  private DkimResultsAssert hasPassing(Predicate<DkimSignatureResult> which, String what) {
    isNotNull();
    if (actual.stream().noneMatch(r -> r.isPass() && which.test(r))) {
      failWithMessage(report(what));
    }
    return myself;
  }

  private String report(String expectation) {
    StringBuilder sb = new StringBuilder(String.format("%nExpecting DKIM of%n  %s%nto have %s but ",
        result == null ? "the message" : result.mail().toString(), expectation));
    if (actual.isEmpty()) {
      String fix = result == null ? DkimFindings.fix(actual, "<domain>")
          : result.outcome(MailCheck.DKIM).findings().get(0).fix();
      sb.append(String.format("it is not signed.%nFix: %s", fix));
    } else {
      sb.append(String.format("found:%n"));
      for (DkimSignatureResult r : actual) {
        sb.append(String.format("  - %s: %s%n", r.authenticationResultsPart(), r.reason()));
      }
    }
    return sb.toString().stripTrailing().replace("%", "%%");
  }
}
