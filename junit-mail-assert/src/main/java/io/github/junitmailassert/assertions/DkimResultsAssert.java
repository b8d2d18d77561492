package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.error.ShouldHaveDkimResult.shouldHaveDkimResult;

import io.github.junitmailassert.receiver.ReceiverResult;
import io.github.junitmailassert.dkim.DkimResultCode;
import io.github.junitmailassert.dkim.DkimSignatureResult;
import java.util.List;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions on the DKIM results of a captured mail, one per signature, reached with
 * {@link AbstractCapturedMailAssert#dkim()}. A failure lists each signature as a receiver writes it
 * in Authentication-Results, with the reason it did not pass.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public class DkimResultsAssert extends AbstractObjectAssert<DkimResultsAssert, List<DkimSignatureResult>> {

  private ReceiverResult result;
  private AbstractCapturedMailAssert<?> origin;

  /**
   * Assertions on {@code actual}; tests start from {@link MailAssertions#assertThat}.
   *
   * @param actual what is checked
   */
  public DkimResultsAssert(List<? extends DkimSignatureResult> actual) {
    super(actual == null ? null : List.copyOf(actual), DkimResultsAssert.class);
  }

  /** The mail this result belongs to, and the assertion to return to; through a soft proxy too. */
  DkimResultsAssert within(ReceiverResult result, AbstractCapturedMailAssert<?> origin) {
    this.result = result;
    this.origin = origin;
    return myself;
  }

  /**
   * Verifies that at least one signature passes.
   *
   * <pre>{@code
   * assertThat(mail).dkim().isPass(); // passes for a mail signed with a published key
   * assertThat(mail).dkim().isPass(); // fails for an unsigned mail, or one changed after signing
   * }</pre>
   *
   * @return this assertion, to chain more
   */
  public DkimResultsAssert isPass() {
    return hasPassing(r -> true, "a signature that passes");
  }

  /**
   * Verifies that a signature with {@code d=domain} passes.
   *
   * <pre>{@code
   * assertThat(mail).dkim().isPassFor("sample.co.jp"); // passes when d=sample.co.jp verifies
   * assertThat(mail).dkim().isPassFor("sample.co.jp"); // fails when only the provider's d= verifies
   * }</pre>
   *
   * @param domain the signing domain (d=), such as {@code sample.co.jp}
   * @return this assertion, to chain more
   */
  public DkimResultsAssert isPassFor(String domain) {
    AbstractCapturedMailAssert.requireArgument(domain, "domain");
    return hasPassing(r -> r.domain().equalsIgnoreCase(domain), "a passing signature with d=" + domain);
  }

  /**
   * Verifies that a signature with {@code d=domain} and {@code s=selector} passes.
   *
   * <pre>{@code
   * assertThat(mail).dkim().isPassFor("sample.co.jp", "mail2026"); // passes for that key
   * }</pre>
   *
   * @param domain the signing domain (d=), such as {@code sample.co.jp}
   * @param selector the DKIM selector, such as {@code s1}
   * @return this assertion, to chain more
   */
  public DkimResultsAssert isPassFor(String domain, String selector) {
    AbstractCapturedMailAssert.requireArgument(domain, "domain");
    AbstractCapturedMailAssert.requireArgument(selector, "selector");
    return hasPassing(r -> r.domain().equalsIgnoreCase(domain) && r.selector().equals(selector),
        "a passing signature with d=" + domain + " s=" + selector);
  }

  /**
   * Verifies that every signature passes (there is at least one).
   *
   * @return this assertion, to chain more
   */
  public DkimResultsAssert allPass() {
    isNotNull();
    if (actual.isEmpty() || !actual.stream().allMatch(DkimSignatureResult::isPass)) {
      throwAssertionError(shouldHaveDkimResult(actual, result, "every signature to pass"));
    }
    return myself;
  }

  /**
   * Verifies that signatures are there and none passes ({@code dkim=fail}, {@code permerror}, ...).
   *
   * <pre>{@code
   * assertThat(tampered).dkim().isFail(); // passes for a mail changed after signing
   * }</pre>
   *
   * @return this assertion, to chain more
   */
  public DkimResultsAssert isFail() {
    isNotNull();
    if (actual.isEmpty() || actual.stream().anyMatch(DkimSignatureResult::isPass)) {
      throwAssertionError(shouldHaveDkimResult(actual, result, "signatures none of which passes"));
    }
    return myself;
  }

  /**
   * Verifies that the mail carries no DKIM signature ({@code dkim=none}).
   *
   * @return this assertion, to chain more
   */
  public DkimResultsAssert isNone() {
    isNotNull();
    if (!actual.isEmpty()) {
      throwAssertionError(shouldHaveDkimResult(actual, result, "no signature"));
    }
    return myself;
  }

  /**
   * Verifies the result of the signature at {@code index} (0 is the topmost).
   *
   * <pre>{@code
   * assertThat(mail).dkim().hasCode(0, DkimResultCode.POLICY); // rsa-sha1, refused by RFC 8301
   * }</pre>
   *
   * @param index the signature's position, from 0
   * @param expected the expected value
   * @return this assertion, to chain more
   */
  public DkimResultsAssert hasCode(int index, DkimResultCode expected) {
    isNotNull();
    AbstractCapturedMailAssert.requireArgument(expected, "DKIM result");
    if (index < 0 || index >= actual.size() || actual.get(index).code() != expected) {
      throwAssertionError(shouldHaveDkimResult(actual, result, "signature " + index + " to be " + expected.keyword()));
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
      throw new IllegalStateException("these DKIM results were not reached from a captured mail");
    }
    return origin;
  }

  private DkimResultsAssert hasPassing(Predicate<DkimSignatureResult> which, String what) {
    isNotNull();
    if (actual.stream().noneMatch(r -> r.isPass() && which.test(r))) {
      throwAssertionError(shouldHaveDkimResult(actual, result, what));
    }
    return myself;
  }
}
