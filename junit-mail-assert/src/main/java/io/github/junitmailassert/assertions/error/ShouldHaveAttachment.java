package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.MailAttachment;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Failures about attachments: their decoded file names, content types, sizes and content. */
public final class ShouldHaveAttachment extends BasicErrorMessageFactory {

  private ShouldHaveAttachment(String format, Object... arguments) {
    super(format, arguments);
  }

  /** No attachment has the decoded file name {@code fileName}. */
  public static ErrorMessageFactory shouldHaveAttachment(CapturedMail actual, String fileName) {
    return new ShouldHaveAttachment("%nExpecting%n  %s%nto have an attachment named:%n  %s%nbut it has %s",
        unquotedString(actual.toString()), fileName, unquotedString(actual.attachments().isEmpty() ? "none"
            : "only:" + System.lineSeparator() + "  " + Shown.listed(actual.attachments())));
  }

  /** The attachment's content type is not {@code expected}. */
  public static ErrorMessageFactory shouldHaveContentType(CapturedMail mail, MailAttachment actual, String expected) {
    return new ShouldHaveAttachment("%nExpecting the content type of the attachment %s of%n  %s%nto be:%n  %s%nbut was:%n  %s",
        actual.fileName(), unquotedString(String.valueOf(mail)), expected, actual.contentType());
  }

  /** The attachment's decoded size is not {@code expected}. */
  public static ErrorMessageFactory shouldHaveSize(CapturedMail mail, MailAttachment actual, long expected) {
    return new ShouldHaveAttachment("%nExpecting the size of the attachment %s of%n  %s%nto be:%n  %s bytes%n"
        + "but was:%n  %s bytes",
        actual.fileName(), unquotedString(String.valueOf(mail)), unquotedString(String.valueOf(expected)),
        unquotedString(String.valueOf(actual.size())));
  }

  /** The attachment's decoded content differs from {@code expected}, first at byte {@code at}. */
  public static ErrorMessageFactory shouldHaveContent(CapturedMail mail, MailAttachment actual, byte[] expected,
      byte[] content, int at) {
    return new ShouldHaveAttachment("%nExpecting the content of the attachment %s of%n  %s%nto be the expected %s bytes"
        + "%nbut it has %s bytes and differs first at byte %s (%s where %s was expected)",
        actual.fileName(), unquotedString(String.valueOf(mail)), expected.length, content.length, at,
        unquotedString(at < content.length ? String.format("0x%02x", content[at] & 0xff) : "its end"),
        unquotedString(at < expected.length ? String.format("0x%02x", expected[at] & 0xff) : "the end"));
  }
}
