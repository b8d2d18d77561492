package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.MailAddress;
import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Failures about the addresses of From, To, Cc and Reply-To, shown with their display names decoded. */
public final class ShouldHaveAddress extends BasicErrorMessageFactory {

  private ShouldHaveAddress(String format, Object... arguments) {
    super(format, arguments);
  }

  /** The From field does not hold exactly the one address {@code expected}. */
  public static ErrorMessageFactory shouldHaveFrom(CapturedMail actual, String expected) {
    List<MailAddress> from = actual.addresses("From");
    return new ShouldHaveAddress("%nExpecting the From address of%n  %s%nto be:%n  %s%nbut %s",
        unquotedString(actual.toString()), expected, seen(from, "From"));
  }

  /** The From address's decoded display name is not {@code expected}. */
  public static ErrorMessageFactory shouldHaveFromDisplayName(CapturedMail actual, String expected) {
    List<MailAddress> from = actual.addresses("From");
    return new ShouldHaveAddress("%nExpecting the display name of the From address of%n  %s%nto be:%n  %s%nbut %s",
        unquotedString(actual.toString()), expected, seen(from, "From"));
  }

  /** The field's addresses are not exactly {@code expected}. */
  public static ErrorMessageFactory shouldHaveAddresses(CapturedMail actual, String field, List<String> expected) {
    return new ShouldHaveAddress("%nExpecting the %s addresses of%n  %s%nto be exactly:%n  %s%nbut were:%n  %s",
        unquotedString(field), unquotedString(actual.toString()), expected,
        unquotedString(Shown.listed(actual.addresses(field))));
  }

  private static Object seen(List<MailAddress> addresses, String field) {
    if (addresses.isEmpty()) {
      return unquotedString("the mail has no " + field + " address");
    }
    String shown = Shown.listed(addresses);
    return unquotedString("the " + field + (addresses.size() == 1 ? " address is" : " addresses are") + ":"
        + System.lineSeparator() + "  " + shown.substring(1, shown.length() - 1));
  }
}
