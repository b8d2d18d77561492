package io.github.junitmailassert.mail;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One attachment of a captured mail: a MIME part with the disposition {@code attachment}, a part
 * with a file name, or an attached message ({@code message/rfc822}). The file name is decoded
 * (RFC 2231 parameters and RFC 2047 encoded words), the content is decoded from its transfer
 * encoding (as far as it decodes: a broken base64 part gives the bytes before the break, as mail
 * clients show it).
 *
 * <p>Immutable: {@link #content()} gives a new array each call, read again from the mail's bytes.
 */
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

  /** An attachment made by hand, for tests of code that consumes captured mails; {@code content} is copied. */
  public static MailAttachment of(String fileName, String contentType, byte[] content) {
    byte[] copy = Objects.requireNonNull(content, "content").clone();
    return new MailAttachment(fileName, contentType, copy.length, copy::clone);
  }

  /** The decoded file name, such as {@code 請求書.pdf}; "" when the part has none. */
  public String fileName() {
    return fileName;
  }

  /** The base content type, lower-cased, such as {@code application/pdf}. */
  public String contentType() {
    return contentType;
  }

  /** The size of the decoded content in bytes. */
  public long size() {
    return size;
  }

  /** The decoded content, as a new array. */
  public byte[] content() {
    return content.get();
  }

  /** {@code "請求書.pdf" (application/pdf, 1234 bytes)}. */
  @Override
  public String toString() {
    return "\"" + fileName + "\" (" + contentType + ", " + size + " bytes)";
  }
}
