package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.mail.CapturedMail;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Failures about the subject and header fields read decoded (RFC 2047). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldHaveSubject extends BasicErrorMessageFactory {

  private ShouldHaveSubject(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * The failure message when the decoded subject is not {@code expected}; it shows the subject
   * decoded and, when that differs, as written.
   *
   * @param actual the mail checked
   * @param expected the decoded subject the test expects
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveSubject(CapturedMail actual, String expected) {
    Optional<String> written = actual.header("Subject");
    if (written.isEmpty()) {
      return new ShouldHaveSubject("%nExpecting the subject of%n  %s%nto be:%n  %s%nbut the mail has no Subject header field",
          unquotedString(actual.toString()), expected);
    }
    String decoded = actual.subject().orElse("");
    if (decoded.equals(written.get())) {
      return new ShouldHaveSubject("%nExpecting the subject of%n  %s%nto be:%n  %s%nbut was:%n  %s",
          unquotedString(actual.toString()), expected, decoded);
    }
    return new ShouldHaveSubject("%nExpecting the subject of%n  %s%nto be:%n  %s%nbut was:%n  %s%nas written:%n  %s",
        unquotedString(actual.toString()), expected, decoded, written.get());
  }

  /**
   * The failure message when no field of that name has the decoded value {@code expected}.
   *
   * @param actual the mail checked
   * @param name the header field's name
   * @param expected the decoded (RFC 2047) value the test expects
   * @return the failure message, for AssertJ, with the decoded values found
   */
  public static ErrorMessageFactory shouldHaveDecodedHeader(CapturedMail actual, String name, String expected) {
    List<String> values = actual.decodedHeaders(name);
    return new ShouldHaveSubject("%nExpecting the %s header field of%n  %s%nto be, decoded (RFC 2047):%n  %s%nbut %s",
        unquotedString(name), unquotedString(actual.toString()), expected,
        unquotedString(values.isEmpty() ? "there is none" : "found: " + Shown.quoted(values)));
  }
}
