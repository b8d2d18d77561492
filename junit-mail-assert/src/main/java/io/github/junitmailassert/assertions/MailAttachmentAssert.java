package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.error.ShouldHaveAttachment.shouldHaveContent;
import static io.github.junitmailassert.assertions.error.ShouldHaveAttachment.shouldHaveContentType;
import static io.github.junitmailassert.assertions.error.ShouldHaveAttachment.shouldHaveSize;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.MailAttachment;
import java.util.Locale;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions on one attachment of a captured mail, reached with
 * {@link AbstractCapturedMailAssert#attachment(String)}: its content type, decoded size and content.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public class MailAttachmentAssert extends AbstractObjectAssert<MailAttachmentAssert, MailAttachment> {

  private CapturedMail mail;
  private AbstractCapturedMailAssert<?> origin;

  /**
   * Assertions on {@code actual}; failures name no mail unless reached from one.
   *
   * @param actual the attachment
   */
  public MailAttachmentAssert(MailAttachment actual) {
    super(actual, MailAttachmentAssert.class);
  }

  /** The mail the attachment belongs to, and the assertion to return to; through a soft proxy too. */
  MailAttachmentAssert within(CapturedMail mail, AbstractCapturedMailAssert<?> origin) {
    this.mail = mail;
    this.origin = origin;
    return myself;
  }

  /**
   * Verifies the base content type, without regard to case and parameters.
   *
   * <pre>{@code
   * assertThat(mail).attachment("請求書.pdf").hasContentType("application/pdf"); // passes for application/pdf; name=...
   * assertThat(mail).attachment("請求書.pdf").hasContentType("application/pdf"); // fails for application/octet-stream
   * }</pre>
   *
   * @param expected the content type, such as {@code "application/pdf"}; parameters after {@code ;} are ignored
   * @return this assertion, to chain more
   */
  public MailAttachmentAssert hasContentType(String expected) {
    isNotNull();
    AbstractCapturedMailAssert.requireArgument(expected, "content type");
    String base = expected.contains(";") ? expected.substring(0, expected.indexOf(';')) : expected;
    if (!actual.contentType().equals(base.strip().toLowerCase(Locale.ROOT))) {
      throwAssertionError(shouldHaveContentType(mail, actual, expected));
    }
    return myself;
  }

  /**
   * Verifies the size of the decoded content in bytes (not of its base64 form in the mail).
   *
   * <pre>{@code
   * assertThat(mail).attachment("report.csv").hasSize(1234); // passes for a 1234-byte file
   * assertThat(mail).attachment("report.csv").hasSize(0);    // fails, showing the size it has
   * }</pre>
   *
   * @param expected the decoded size, in bytes
   * @return this assertion, to chain more
   */
  public MailAttachmentAssert hasSize(long expected) {
    isNotNull();
    if (actual.size() != expected) {
      throwAssertionError(shouldHaveSize(mail, actual, expected));
    }
    return myself;
  }

  /**
   * Verifies the decoded content byte for byte.
   *
   * <pre>{@code
   * assertThat(mail).attachment("report.csv").hasContent(Files.readAllBytes(expectedCsv)); // passes when equal
   * assertThat(mail).attachment("report.csv").hasContent(new byte[0]); // fails, naming the first byte that differs
   * }</pre>
   *
   * @param expected the decoded content
   * @return this assertion, to chain more
   */
  public MailAttachmentAssert hasContent(byte[] expected) {
    isNotNull();
    AbstractCapturedMailAssert.requireArgument(expected, "content");
    byte[] content = actual.content();
    int at = java.util.Arrays.mismatch(content, expected);
    if (at >= 0) {
      throwAssertionError(shouldHaveContent(mail, actual, expected, content, at));
    }
    return myself;
  }

  /**
   * Back to the mail's assertions.
   *
   * @return the assertion on the mail this attachment was reached from
   * @throws IllegalStateException when it was not reached from a mail
   */
  public AbstractCapturedMailAssert<?> returnToMail() {
    if (origin == null) {
      throw new IllegalStateException("this attachment was not reached from a captured mail");
    }
    return origin;
  }
}
