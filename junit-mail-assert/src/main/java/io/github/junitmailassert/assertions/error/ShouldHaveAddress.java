package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.MailAddress;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Failures about the addresses of From, To, Cc and Reply-To, shown with their display names decoded. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldHaveAddress extends BasicErrorMessageFactory {

  private ShouldHaveAddress(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * The failure message when the From field does not hold exactly the one address {@code expected}.
   *
   * @param actual the mail checked
   * @param expected the From address the test expects
   * @return the failure message, for AssertJ, with the From addresses the mail has
   */
  public static ErrorMessageFactory shouldHaveFrom(CapturedMail actual, String expected) {
    List<MailAddress> from = actual.addresses("From");
    return new ShouldHaveAddress("%nExpecting the From address of%n  %s%nto be:%n  %s%nbut %s",
        unquotedString(actual.toString()), expected, seen(from, "From"));
  }

  /**
   * The failure message when the From address's decoded display name is not {@code expected}.
   *
   * @param actual the mail checked
   * @param expected the decoded display name the test expects
   * @return the failure message, for AssertJ, with the From addresses the mail has
   */
  public static ErrorMessageFactory shouldHaveFromDisplayName(CapturedMail actual, String expected) {
    List<MailAddress> from = actual.addresses("From");
    return new ShouldHaveAddress("%nExpecting the display name of the From address of%n  %s%nto be:%n  %s%nbut %s",
        unquotedString(actual.toString()), expected, seen(from, "From"));
  }

  /**
   * The failure message when the field's addresses are not exactly {@code expected}.
   *
   * @param actual the mail checked
   * @param field the address field, such as {@code "To"} or {@code "Reply-To"}
   * @param expected the addresses the test expects, in any order
   * @return the failure message, for AssertJ, with the addresses the field has
   */
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
