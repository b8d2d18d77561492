package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.format.OneClickUnsubscribe;
import io.github.junitmailassert.mail.CapturedMail;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The mail does not offer one-click unsubscribe (RFC 8058). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldOfferOneClickUnsubscribe extends BasicErrorMessageFactory {

  private ShouldOfferOneClickUnsubscribe(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * The failure message when the mail does not offer one-click unsubscribe: what is missing or
   * wrong, both fields as the mail has them, and the fix.
   *
   * @param actual the mail checked
   * @param oneClick the mail's one-click unsubscribe check, which names the problem
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldOfferOneClickUnsubscribe(CapturedMail actual, OneClickUnsubscribe oneClick) {
    return new ShouldOfferOneClickUnsubscribe("%nExpecting%n  %s%nto offer one-click unsubscribe (RFC 8058) but %s:%n"
        + "  List-Unsubscribe: %s%n  List-Unsubscribe-Post: %s%n"
        + "Gmail and Yahoo require it of bulk senders since February 2024.%nFix: %s",
        unquotedString(actual.toString()), unquotedString(oneClick.problem().orElse("")),
        unquotedString(oneClick.listUnsubscribe().orElse("(none)")),
        unquotedString(oneClick.listUnsubscribePost().orElse("(none)")), unquotedString(OneClickUnsubscribe.FIX));
  }
}
