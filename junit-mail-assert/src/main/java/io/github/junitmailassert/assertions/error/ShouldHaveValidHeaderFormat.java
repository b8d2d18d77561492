package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.check.Finding;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure of {@code hasValidHeaderFormat}: each format error and its fix. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldHaveValidHeaderFormat extends BasicErrorMessageFactory {

  private ShouldHaveValidHeaderFormat(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * The failure message when it should have valid header format but does not.
   *
   * @param actual what is checked
   * @param errors the header format errors found
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveValidHeaderFormat(CapturedMail actual, List<Finding> errors) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : errors) {
      sb.append(String.format("%n  - %s%n    Fix: %s", f.text(), f.fix()));
    }
    return new ShouldHaveValidHeaderFormat("%nExpecting the header of%n  %s%nto be RFC 5322 but:%s",
        unquotedString(actual.toString()), unquotedString(sb.toString()));
  }
}
