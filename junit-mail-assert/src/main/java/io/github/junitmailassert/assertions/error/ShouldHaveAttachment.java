package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.MailAttachment;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Failures about attachments: their decoded file names, content types, sizes and content. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldHaveAttachment extends BasicErrorMessageFactory {

  private ShouldHaveAttachment(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * The failure message when no attachment has the decoded file name {@code fileName}.
   *
   * @param actual the mail checked
   * @param fileName the decoded file name the test expects
   * @return the failure message, for AssertJ, listing the attachments the mail has
   */
  public static ErrorMessageFactory shouldHaveAttachment(CapturedMail actual, String fileName) {
    return new ShouldHaveAttachment("%nExpecting%n  %s%nto have an attachment named:%n  %s%nbut it has %s",
        unquotedString(actual.toString()), fileName, unquotedString(actual.attachments().isEmpty() ? "none"
            : "only:" + System.lineSeparator() + "  " + Shown.listed(actual.attachments())));
  }

  /**
   * The failure message when the attachment's content type is not {@code expected}.
   *
   * @param mail the mail the attachment belongs to
   * @param actual the attachment checked
   * @param expected the content type the test expects
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveContentType(CapturedMail mail, MailAttachment actual, String expected) {
    return new ShouldHaveAttachment("%nExpecting the content type of the attachment %s of%n  %s%nto be:%n  %s%nbut was:%n  %s",
        actual.fileName(), unquotedString(String.valueOf(mail)), expected, actual.contentType());
  }

  /**
   * The failure message when the attachment's decoded size is not {@code expected}.
   *
   * @param mail the mail the attachment belongs to
   * @param actual the attachment checked
   * @param expected the decoded size the test expects, in bytes
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveSize(CapturedMail mail, MailAttachment actual, long expected) {
    return new ShouldHaveAttachment("%nExpecting the size of the attachment %s of%n  %s%nto be:%n  %s bytes%n"
        + "but was:%n  %s bytes",
        actual.fileName(), unquotedString(String.valueOf(mail)), unquotedString(String.valueOf(expected)),
        unquotedString(String.valueOf(actual.size())));
  }

  /**
   * The failure message when the attachment's decoded content differs from {@code expected}.
   *
   * @param mail the mail the attachment belongs to
   * @param actual the attachment checked
   * @param expected the content the test expects
   * @param content the attachment's decoded content
   * @param at the index of the first byte that differs (the shorter one's length when one is a prefix)
   * @return the failure message, for AssertJ, with the first differing byte of each
   */
  public static ErrorMessageFactory shouldHaveContent(CapturedMail mail, MailAttachment actual, byte[] expected,
      byte[] content, int at) {
    return new ShouldHaveAttachment("%nExpecting the content of the attachment %s of%n  %s%nto be the expected %s bytes"
        + "%nbut it has %s bytes and differs first at byte %s (%s where %s was expected)",
        actual.fileName(), unquotedString(String.valueOf(mail)), expected.length, content.length, at,
        unquotedString(at < content.length ? String.format("0x%02x", content[at] & 0xff) : "its end"),
        unquotedString(at < expected.length ? String.format("0x%02x", expected[at] & 0xff) : "the end"));
  }
}
