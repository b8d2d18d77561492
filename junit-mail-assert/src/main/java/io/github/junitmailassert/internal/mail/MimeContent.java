package io.github.junitmailassert.internal.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;
import io.github.junitmailassert.internal.syntax.AddressListParser;
import io.github.junitmailassert.mail.MailAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A message's content as a mail client shows it, read once with Jakarta Mail: the text body, the
 * HTML body, the attachments, and the MIME structure for failure messages. Transfer encodings and
 * charsets (ISO-2022-JP, Shift_JIS, UTF-8, ...) are decoded, and so are file names (RFC 2231 and
 * RFC 2047). Reading never throws: what cannot be read is named in {@link #problem()}. Internal.
 *
 * <p>The parts share the message's bytes ({@link SharedByteArrayInputStream}) instead of copying
 * them; nothing here writes to those bytes.
 */
@API(status = API.Status.INTERNAL)
public final class MimeContent {

  // Never handed out, so nobody can change the properties it parses with.
  private static final Session PARSING = session();
  private static final int MAX_DEPTH = 32;
  private static final Set<String> KNOWN_ENCODINGS =
      Set.of("7bit", "8bit", "binary", "base64", "quoted-printable", "uuencode", "x-uuencode", "x-uue");

  /**
   * One attachment: a part with the disposition {@code attachment}, a part with a file name, or an
   * attached message.
   *
   * @param fileName the decoded file name; "" when the part has none
   * @param contentType the base type, lower-cased, such as {@code application/pdf}
   * @param size the decoded size in bytes
   * @param part the part, to decode the content again on demand
   */
  @API(status = API.Status.INTERNAL)
  public record Attachment(String fileName, String contentType, long size, Part part) {
    /** The decoded content, read again from the message's bytes: a fresh array each call. */
    public byte[] content() {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) Math.min(size, Integer.MAX_VALUE - 8));
      readLeniently(part, out);
      return out.toByteArray();
    }
  }

  private String text;
  private String html;
  private final List<Attachment> attachments = new ArrayList<>();
  private final List<String> structure = new ArrayList<>();
  private String problem = "";

  private MimeContent() {}

  /** A new Jakarta Mail session with the properties a receiver parses with: UTF-8 headers allowed (RFC 6532). */
  public static Session session() {
    Properties p = new Properties();
    p.setProperty("mail.mime.allowutf8", "true");
    return Session.getInstance(p);
  }

  /** A new {@link MimeMessage} over {@code bytes}, which it shares and never changes. */
  public static MimeMessage message(byte[] bytes, Session session) {
    try {
      return new MimeMessage(session, new SharedByteArrayInputStream(bytes));
    } catch (MessagingException e) {
      // Jakarta Mail reads any bytes as a message; this is an I/O error on an array, which cannot happen.
      throw new IllegalStateException("the message could not be read: " + e.getMessage(), e);
    }
  }

  /** Reads the content of the message {@code bytes}. */
  public static MimeContent read(byte[] bytes) {
    MimeContent content = new MimeContent();
    content.walk(message(bytes, PARSING), 0);
    return content;
  }

  /** The first {@code text/plain} part that is not an attachment, decoded, CRLF as {@code \n}; null when none. */
  public String text() {
    return text;
  }

  /** The first {@code text/html} part that is not an attachment, decoded, CRLF as {@code \n}; null when none. */
  public String html() {
    return html;
  }

  /** The attachments, in the order of the parts. */
  public List<Attachment> attachments() {
    return List.copyOf(attachments);
  }

  /** One line per part, indented by depth: {@code multipart/alternative}, {@code   text/plain; charset=UTF-8}. */
  public List<String> structure() {
    return List.copyOf(structure);
  }

  /** Why some of the content could not be read, or "". */
  public String problem() {
    return problem;
  }

  private void walk(Part part, int depth) {
    String type = baseType(part);
    structure.add("  ".repeat(depth) + describe(part, type));
    try {
      if (type.startsWith("multipart/")) {
        if (depth >= MAX_DEPTH) {
          problem("multipart parts nested deeper than " + MAX_DEPTH);
          return;
        }
        if (part.getContent() instanceof Multipart multipart) {
          for (int i = 0; i < multipart.getCount(); i++) {
            walk(multipart.getBodyPart(i), depth + 1);
          }
        }
        return;
      }
      String fileName = fileName(part);
      boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) || !fileName.isEmpty()
          || type.equals("message/rfc822");
      if (!attachment && type.equals("text/plain") && text == null) {
        text = decodedText(part);
      } else if (!attachment && type.equals("text/html") && html == null) {
        html = decodedText(part);
      } else if (attachment) {
        OutputStreamCounter counter = new OutputStreamCounter();
        String broken = readLeniently(part, counter);
        if (!broken.isEmpty()) {
          problem("the attachment \"" + fileName + "\" decodes only to its first " + counter.count + " bytes: " + broken);
        }
        attachments.add(new Attachment(fileName, type, counter.count, part));
      }
    } catch (MessagingException | IOException | RuntimeException e) {
      problem("a " + type + " part could not be read: " + e.getMessage());
    }
  }

  private void problem(String text) {
    problem = problem.isEmpty() ? text : problem + "; " + text;
  }

  private static String describe(Part part, String type) {
    StringBuilder sb = new StringBuilder(type);
    String charset = parameter(part, "charset");
    if (charset != null) {
      sb.append("; charset=").append(charset);
    }
    String fileName = fileName(part);
    if (!fileName.isEmpty()) {
      sb.append("; name=\"").append(fileName).append('"');
    }
    return sb.toString();
  }

  /** The base type, lower-cased; {@code text/plain} for a part without (or with a broken) Content-Type (RFC 2045 section 5.2). */
  private static String baseType(Part part) {
    try {
      String header = part.getContentType();
      return header == null ? "text/plain" : new ContentType(header).getBaseType().toLowerCase(Locale.ROOT);
    } catch (MessagingException e) {
      return "text/plain";
    }
  }

  private static String parameter(Part part, String name) {
    try {
      String header = part.getContentType();
      return header == null ? null : new ContentType(header).getParameter(name);
    } catch (MessagingException e) {
      return null;
    }
  }

  private static String disposition(Part part) {
    try {
      return part.getDisposition();
    } catch (MessagingException e) {
      return null;
    }
  }

  /**
   * The file name from Content-Disposition {@code filename} or Content-Type {@code name}: RFC 2231
   * parameters are decoded by Jakarta Mail, RFC 2047 encoded words (which many mailers write,
   * against RFC 2047 section 5) here; "" when there is none.
   */
  private static String fileName(Part part) {
    try {
      String name = part.getFileName();
      return name == null ? "" : decodeEncodedWords(name);
    } catch (MessagingException e) {
      return "";
    }
  }

  private static String decodedText(Part part) throws MessagingException, IOException {
    byte[] bytes;
    try (InputStream in = decoded(part)) {
      bytes = in.readAllBytes();
    }
    return new String(bytes, charset(parameter(part, "charset"))).replace("\r\n", "\n");
  }

  /** The part's charset; UTF-8 when it names none (an 8-bit body without one is UTF-8 in practice) or one the JVM lacks. */
  private static Charset charset(String name) {
    if (name == null || name.isBlank()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(MimeUtility.javaCharset(name.trim()));
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  /** The content with its transfer encoding decoded; the bytes as they are under an unknown encoding. */
  private static InputStream decoded(Part part) throws MessagingException, IOException {
    if (part instanceof MimePart mime && mime.getEncoding() != null
        && !KNOWN_ENCODINGS.contains(mime.getEncoding().toLowerCase(Locale.ROOT))) {
      // Jakarta Mail refuses it; a mail client shows the bytes.
      if (part instanceof MimeBodyPart body) {
        return body.getRawInputStream();
      }
      if (part instanceof MimeMessage message) {
        return message.getRawInputStream();
      }
    }
    return part.getInputStream();
  }

  /** Decodes RFC 2047 encoded words; leaves the text as it is when it cannot. */
  public static String decodeEncodedWords(String text) {
    try {
      return MimeUtility.decodeText(MimeUtility.unfold(text));
    } catch (UnsupportedEncodingException | RuntimeException e) {
      return text;
    }
  }

  /**
   * The mailboxes of an address field's value, display names decoded (RFC 2047), groups opened;
   * for a value Jakarta Mail cannot read, the addresses this project's RFC 5322 parser reads.
   */
  public static List<MailAddress> mailboxes(String value) {
    List<MailAddress> out = new ArrayList<>();
    try {
      for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
        if (address.isGroup()) {
          for (InternetAddress member : address.getGroup(false)) {
            out.add(mailbox(member));
          }
        } else {
          out.add(mailbox(address));
        }
      }
      return out;
    } catch (AddressException e) {
      out.clear();
      for (AddressListParser.Mailbox m : AddressListParser.readLeniently(value).mailboxes()) {
        if (!m.displayNameOnly()) {
          out.add(new MailAddress(m.address(), ""));
        }
      }
      return out;
    }
  }

  private static MailAddress mailbox(InternetAddress address) {
    String personal = address.getPersonal();
    return new MailAddress(address.getAddress() == null ? "" : address.getAddress(), personal == null ? "" : personal);
  }

  /**
   * Writes the decoded content to {@code out} up to where it cannot be decoded (a broken base64
   * line, say), as mail clients show what they can; gives why it stopped, or "".
   */
  private static String readLeniently(Part part, java.io.OutputStream out) {
    byte[] buffer = new byte[8192];
    try (InputStream in = decoded(part)) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
      }
      return "";
    } catch (IOException | MessagingException e) {
      return String.valueOf(e.getMessage());
    }
  }

  /** Counts what an attachment decodes to, without keeping it. */
  private static final class OutputStreamCounter extends java.io.OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
