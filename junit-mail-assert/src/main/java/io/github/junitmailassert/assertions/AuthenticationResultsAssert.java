package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.error.ShouldHaveAuthenticationResult.shouldHaveMethodResult;
import static io.github.junitmailassert.assertions.error.ShouldHaveAuthenticationResult.shouldHaveProperty;

import io.github.junitmailassert.authresults.AuthenticationResults;
import io.github.junitmailassert.authresults.MethodResult;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * The {@code Authentication-Results} header field the receiver would add, reached with
 * {@link AbstractCapturedMailAssert#authenticationResults()}: per method and per property.
 * {@code asString()} gives the field's text.
 *
 * <pre>{@code
 * assertThat(mail).authenticationResults().hasResult("dmarc", "pass")
 *     .hasProperty("dkim", "header.d", "sample.co.jp");
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public class AuthenticationResultsAssert extends AbstractObjectAssert<AuthenticationResultsAssert, AuthenticationResults> {

  private AbstractCapturedMailAssert<?> origin;

  /**
   * Assertions on {@code actual}; tests start from {@link MailAssertions#assertThat}.
   *
   * @param actual what is checked
   */
  public AuthenticationResultsAssert(AuthenticationResults actual) {
    super(actual, AuthenticationResultsAssert.class);
  }

  /** The assertion to return to; through a soft proxy too. */
  AuthenticationResultsAssert within(AbstractCapturedMailAssert<?> origin) {
    this.origin = origin;
    return myself;
  }

  /**
   * Verifies that some result of {@code method} is {@code result}, as written in the field.
   *
   * <pre>{@code
   * assertThat(mail).authenticationResults().hasResult("spf", "pass"); // passes for spf=pass smtp.mailfrom=...
   * assertThat(mail).authenticationResults().hasResult("dkim", "pass"); // fails for dkim=none, showing the field
   * }</pre>
   *
   * @param method the method name, such as {@code spf} or {@code dkim}
   * @param result the expected result, such as {@code pass}
   * @return this assertion, to chain more
   */
  public AuthenticationResultsAssert hasResult(String method, String result) {
    isNotNull();
    AbstractCapturedMailAssert.requireArgument(method, "method");
    AbstractCapturedMailAssert.requireArgument(result, "result");
    List<MethodResult> results = actual.resultsOf(method);
    if (results.stream().noneMatch(r -> r.result().equalsIgnoreCase(result))) {
      throwAssertionError(shouldHaveMethodResult(actual, method, result));
    }
    return myself;
  }

  /**
   * Verifies that some result of {@code method} has the property {@code name} (such as
   * {@code header.d} or {@code smtp.mailfrom}) with {@code value}, compared without regard to case.
   *
   * <pre>{@code
   * assertThat(mail).authenticationResults().hasProperty("dkim", "header.d", "sample.co.jp");
   * assertThat(mail).authenticationResults().hasProperty("spf", "smtp.mailfrom", "sample.co.jp"); // fails for esp.example
   * }</pre>
   *
   * @param method the method name, such as {@code spf} or {@code dkim}
   * @param name the property, such as {@code header.d} or {@code smtp.mailfrom}
   * @param value the property's expected value
   * @return this assertion, to chain more
   */
  public AuthenticationResultsAssert hasProperty(String method, String name, String value) {
    isNotNull();
    AbstractCapturedMailAssert.requireArgument(method, "method");
    AbstractCapturedMailAssert.requireArgument(name, "property");
    AbstractCapturedMailAssert.requireArgument(value, "property value");
    boolean found = actual.resultsOf(method).stream().map(r -> r.property(name)).flatMap(Optional::stream)
        .anyMatch(value::equalsIgnoreCase);
    if (!found) {
      throwAssertionError(shouldHaveProperty(actual, method, name, value));
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
      throw new IllegalStateException("these Authentication-Results were not reached from a captured mail");
    }
    return origin;
  }
}
