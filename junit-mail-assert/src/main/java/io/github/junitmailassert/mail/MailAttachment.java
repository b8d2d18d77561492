package io.github.junitmailassert.mail;

import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * One attachment of a captured mail: a MIME part with the disposition {@code attachment}, a part
 * with a file name, or an attached message ({@code message/rfc822}). The file name is decoded
 * (RFC 2231 parameters and RFC 2047 encoded words), the content is decoded from its transfer
 * encoding (as far as it decodes: a broken base64 part gives the bytes before the break, as mail
 * clients show it).
 *
 * <p>Immutable: {@link #content()} gives a new array each call, read again from the mail's bytes.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class MailAttachment {

  private final String fileName;
  private final String contentType;
  private final long size;
  private final Supplier<byte[]> content;

  MailAttachment(String fileName, String contentType, long size, Supplier<byte[]> content) {
    this.fileName = Objects.requireNonNull(fileName, "fileName");
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    this.size = size;
    this.content = content;
  }

  /**
   * An attachment made by hand, for tests of code that consumes captured mails; {@code content} is copied.
   *
   * @param fileName the file name, such as {@code 請求書.pdf}; "" for none
   * @param contentType the base content type, such as {@code application/pdf}
   * @param content the decoded content
   * @return the attachment
   */
  public static MailAttachment of(String fileName, String contentType, byte[] content) {
    byte[] copy = Objects.requireNonNull(content, "content").clone();
    return new MailAttachment(fileName, contentType, copy.length, copy::clone);
  }

  /** {@return the decoded file name, such as {@code 請求書.pdf}; "" when the part has none} */
  public String fileName() {
    return fileName;
  }

  /** {@return the base content type, lower-cased, such as {@code application/pdf}} */
  public String contentType() {
    return contentType;
  }

  /** {@return the size of the decoded content in bytes} */
  public long size() {
    return size;
  }

  /** {@return the decoded content, as a new array} */
  public byte[] content() {
    return content.get();
  }

  /** {@code "請求書.pdf" (application/pdf, 1234 bytes)}. */
  @Override
  public String toString() {
    return "\"" + fileName + "\" (" + contentType + ", " + size + " bytes)";
  }
}
