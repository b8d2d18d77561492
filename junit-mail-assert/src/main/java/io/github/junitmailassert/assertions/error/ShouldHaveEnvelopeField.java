package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.mail.CapturedMail;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Failures about the HELO name, the recipients and header fields. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldHaveEnvelopeField extends BasicErrorMessageFactory {

  private ShouldHaveEnvelopeField(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * The failure message when it should have helo name but does not.
   *
   * @param actual what is checked
   * @param expected the expected value
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveHeloName(CapturedMail actual, String expected) {
    return new ShouldHaveEnvelopeField("%nExpecting the HELO/EHLO name of%n  %s%nto be:%n  %s%nbut was:%n  %s",
        unquotedString(actual.toString()), expected,
        actual.heloName().map(n -> (Object) n).orElse(unquotedString("(no HELO or EHLO sent)")));
  }

  /**
   * The failure message when it should have recipients but does not.
   *
   * @param actual what is checked
   * @param expected the expected value
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveRecipients(CapturedMail actual, List<String> expected) {
    return new ShouldHaveEnvelopeField("%nExpecting the recipients (RCPT TO) of%n  %s%nto be exactly:%n  %s%nbut were:%n  %s",
        unquotedString(actual.toString()), expected, actual.recipients());
  }

  /**
   * The failure message when it should have recipient but does not.
   *
   * @param actual what is checked
   * @param expected the expected value
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveRecipient(CapturedMail actual, String expected) {
    return new ShouldHaveEnvelopeField("%nExpecting the recipients (RCPT TO) of%n  %s%nto contain:%n  %s%nbut were:%n  %s",
        unquotedString(actual.toString()), expected, actual.recipients());
  }

  /**
   * The failure message when it should have header but does not.
   *
   * @param actual what is checked
   * @param name the header field's name
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveHeader(CapturedMail actual, String name) {
    return new ShouldHaveEnvelopeField("%nExpecting%n  %s%nto have a %s header field but it has only:%n  %s",
        unquotedString(actual.toString()), unquotedString(name), actual.headerNames());
  }

  /**
   * The failure message when no field of that name has {@code expected} as written; it says so when
   * the decoded value has it, and points to {@code hasDecodedHeader}.
   *
   * @param actual the mail checked
   * @param name the header field's name
   * @param expected the value the test expects, as written in the mail
   * @param values every value of that field the mail has, as written
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveHeader(CapturedMail actual, String name, String expected, List<String> values) {
    Object seen = values.isEmpty() ? unquotedString("there is none") : (Object) unquotedString("found: " + Shown.quoted(values));
    if (actual.decodedHeaders(name).contains(expected)) {
      // The test wrote the text a mail client shows; the field is RFC 2047 encoded.
      return new ShouldHaveEnvelopeField("%nExpecting the %s header field of%n  %s%nto be:%n  %s%nbut %s%n"
          + "hasHeader compares the field as written; decoded (RFC 2047) it matches: assert hasDecodedHeader(\"%s\", ...)"
          + "%s instead",
          unquotedString(name), unquotedString(actual.toString()), expected, seen, unquotedString(name),
          unquotedString(name.equalsIgnoreCase("Subject") ? " or hasSubject(...)" : ""));
    }
    return new ShouldHaveEnvelopeField("%nExpecting the %s header field of%n  %s%nto be:%n  %s%nbut %s",
        unquotedString(name), unquotedString(actual.toString()), expected, seen);
  }

  /**
   * The failure message when it should not have the header field but has it.
   *
   * @param actual what is checked
   * @param name the header field's name
   * @param values the field values seen
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldNotHaveHeader(CapturedMail actual, String name, List<String> values) {
    return new ShouldHaveEnvelopeField("%nExpecting%n  %s%nnot to have a %s header field but found:%n  %s",
        unquotedString(actual.toString()), unquotedString(name), values);
  }

  /**
   * The failure message when it should have domain but does not.
   *
   * @param actual what is checked
   * @param what the argument's name, for the message
   * @param expected the expected value
   * @param seen what was seen instead
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveDomain(CapturedMail actual, String what, String expected, String seen) {
    return new ShouldHaveEnvelopeField("%nExpecting the %s domain of%n  %s%nto be:%n  %s%nbut was:%n  %s",
        unquotedString(what), unquotedString(actual.toString()), expected,
        seen == null ? unquotedString("(none)") : seen);
  }
}
