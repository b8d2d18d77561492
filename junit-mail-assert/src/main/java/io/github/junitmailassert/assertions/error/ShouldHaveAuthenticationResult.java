package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.authresults.AuthenticationResults;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** An Authentication-Results field without the expected method result or property: the field as written. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldHaveAuthenticationResult extends BasicErrorMessageFactory {

  private ShouldHaveAuthenticationResult(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * The failure message when it should have method result but does not.
   *
   * @param actual what is checked
   * @param method the method name, such as {@code spf} or {@code dkim}
   * @param result the result
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveMethodResult(AuthenticationResults actual, String method, String result) {
    return new ShouldHaveAuthenticationResult("%nExpecting the receiver's%n  %s%nto have %s=%s but it does not",
        unquotedString(actual.toString()), unquotedString(method), unquotedString(result));
  }

  /**
   * The failure message when it should have property but does not.
   *
   * @param actual what is checked
   * @param method the method name, such as {@code spf} or {@code dkim}
   * @param property the property, such as {@code mailfrom} or {@code d}
   * @param value the value
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveProperty(AuthenticationResults actual, String method, String property,
      String value) {
    return new ShouldHaveAuthenticationResult("%nExpecting the receiver's%n  %s%nto have a %s result with %s=%s but it"
        + " does not", unquotedString(actual.toString()), unquotedString(method), unquotedString(property),
        unquotedString(value));
  }
}
