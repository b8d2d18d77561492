package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.internal.mail.MimeContent;
import io.github.junitmailassert.internal.mail.ParsedMessages;
import io.github.junitmailassert.mail.CapturedMail;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Failures about the text and HTML bodies, shown decoded. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldHaveBody extends BasicErrorMessageFactory {

  private ShouldHaveBody(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * The failure message when the mail has no such body; it lists the mail's MIME parts.
   *
   * @param actual the mail checked
   * @param kind {@code "text"} or {@code "HTML"}
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveBody(CapturedMail actual, String kind) {
    MimeContent content = ParsedMessages.contentOf(actual);
    List<String> parts = new ArrayList<>(content.structure());
    if (!content.problem().isEmpty()) {
      parts.add("(" + content.problem() + ")");
    }
    return new ShouldHaveBody("%nExpecting%n  %s%nto have %s body (a %s part that is not an attachment) but it has none;"
        + " its MIME parts are:%n%s",
        unquotedString(actual.toString()), unquotedString("text".equals(kind) ? "a text" : "an HTML"),
        unquotedString("text".equals(kind) ? "text/plain" : "text/html"), unquotedString(Shown.indented(parts)));
  }

  /**
   * The failure message when the body does not contain {@code expected}.
   *
   * @param actual the mail checked
   * @param kind {@code "text"} or {@code "HTML"}
   * @param body the decoded body
   * @param expected the text the test expects in it
   * @return the failure message, for AssertJ, with the body shown
   */
  public static ErrorMessageFactory shouldContain(CapturedMail actual, String kind, String body, String expected) {
    return new ShouldHaveBody("%nExpecting the %s body of%n  %s%nto contain:%n  %s%nbut was:%n  %s",
        unquotedString(kind), unquotedString(actual.toString()), expected, unquotedString(Shown.body(body)));
  }

  /**
   * The failure message when no part of the body matches {@code regex}.
   *
   * @param actual the mail checked
   * @param kind {@code "text"} or {@code "HTML"}
   * @param body the decoded body
   * @param regex the regular expression the test expects to find in it
   * @return the failure message, for AssertJ, with the body shown
   */
  public static ErrorMessageFactory shouldMatch(CapturedMail actual, String kind, String body, String regex) {
    return new ShouldHaveBody("%nExpecting the %s body of%n  %s%nto contain a match for the regular expression:%n  %s%n"
        + "but was:%n  %s",
        unquotedString(kind), unquotedString(actual.toString()), regex, unquotedString(Shown.body(body)));
  }
}
