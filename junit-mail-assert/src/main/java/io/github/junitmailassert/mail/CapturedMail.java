package io.github.junitmailassert.mail;

import io.github.junitmailassert.internal.mail.HeaderField;
import io.github.junitmailassert.internal.mail.MessageHandover;
import io.github.junitmailassert.internal.mail.MimeContent;
import io.github.junitmailassert.internal.mail.ParsedMessages;
import io.github.junitmailassert.internal.mail.RawMessage;
import io.github.junitmailassert.internal.mail.ShownText;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One SMTP transaction as the capture server saw it: the envelope (who connected, the HELO name,
 * {@code MAIL FROM} with its parameters, every {@code RCPT TO}, AUTH, TLS) and the message bytes
 * exactly as received. One captured mail per transaction, however many recipients it has. The
 * message also reads as a mail client shows it: {@link #subject()}, {@link #addresses(String)},
 * {@link #textBody()}, {@link #htmlBody()}, {@link #attachments()}, or as a Jakarta Mail
 * {@link #mimeMessage()}; {@link #writeTo(Path)} exports it as an {@code .eml} file.
 *
 * <p>Immutable and safe to share between threads.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class CapturedMail {

  private final long sequence;
  private final InetSocketAddress clientAddress;
  private final String heloVerb;
  private final String heloName;
  private final String envelopeSender;
  private final Map<String, String> mailFromParameters;
  private final List<String> recipients;
  private final String authenticatedAs;
  private final String tlsProtocol;
  private final byte[] rawMessage;
  private final boolean bareLineFeeds;
  private final Instant receivedAt;
  private final RawMessage parsed;
  private final MailReceiver receiver;
  private final SmtpTranscript transcript;

  private static final int SHOWN_SUBJECT = 200;

  static {
    ParsedMessages.grant(mail -> mail.parsed);
    ParsedMessages.grantContent(CapturedMail::content);
    // The capture server's one copy of a message becomes the mail's, instead of being cloned again.
    MessageHandover.register(Builder::adopt);
  }

  // Made on first use and kept: every failure message and report names the mail.
  private volatile String shown;
  // Read on first use and kept: the content assertions read the MIME structure once per mail.
  private volatile MimeContent content;
  private volatile List<MailAttachment> attachments;

  private CapturedMail(Builder b) {
    this.sequence = b.sequence;
    this.clientAddress = Objects.requireNonNull(b.clientAddress, "clientAddress");
    this.heloVerb = b.heloVerb;
    this.heloName = b.heloName;
    this.envelopeSender = Objects.requireNonNull(b.envelopeSender, "envelopeSender (\"\" for the null sender)");
    this.mailFromParameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.mailFromParameters));
    this.recipients = List.copyOf(b.recipients);
    this.authenticatedAs = b.authenticatedAs;
    this.tlsProtocol = b.tlsProtocol;
    Objects.requireNonNull(b.rawMessage, "rawMessage");
    this.rawMessage = b.adopted ? b.rawMessage : b.rawMessage.clone();
    this.bareLineFeeds = hasBareLineFeed(rawMessage);
    this.receivedAt = Objects.requireNonNull(b.receivedAt, "receivedAt");
    this.parsed = RawMessage.parse(rawMessage);
    this.receiver = b.receiver;
    this.transcript = Objects.requireNonNull(b.transcript, "transcript");
  }

  /**
   * Starts a captured mail by hand, for tests of code that consumes captured mails.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the order in which the capture server accepted this mail, from 1} */
  public long sequence() {
    return sequence;
  }

  /** {@return the SMTP client's socket address (over loopback always 127.0.0.1)} */
  public InetSocketAddress clientAddress() {
    return clientAddress;
  }

  /** {@return {@code "EHLO"} or {@code "HELO"} as the client sent it (upper-cased), or empty if it sent none} */
  public Optional<String> heloVerb() {
    return Optional.ofNullable(heloVerb);
  }

  /** {@return the HELO/EHLO argument exactly as sent, or empty if the client sent no HELO or EHLO} */
  public Optional<String> heloName() {
    return Optional.ofNullable(heloName);
  }

  /** {@return the {@code MAIL FROM} address without angle brackets; the empty string for the null sender {@code <>}} */
  public String envelopeSender() {
    return envelopeSender;
  }

  /** {@return whether {@code MAIL FROM:<>} was sent, as bounces and auto-replies do} */
  public boolean isNullSender() {
    return envelopeSender.isEmpty();
  }

  /** {@return the domain of the envelope sender, lower-cased; empty for the null sender or a sender without {@code @}} */
  public Optional<String> envelopeSenderDomain() {
    int at = envelopeSender.lastIndexOf('@');
    if (at < 0 || at == envelopeSender.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(envelopeSender.substring(at + 1).toLowerCase(Locale.ROOT));
  }

  /** {@return {@code MAIL FROM} parameters by upper-cased keyword ({@code BODY}, {@code SIZE}, {@code SMTPUTF8}); a keyword without value maps to ""} */
  public Map<String, String> mailFromParameters() {
    return mailFromParameters;
  }

  /** {@return whether the client declared {@code BODY=8BITMIME}} */
  public boolean uses8BitMime() {
    return "8BITMIME".equalsIgnoreCase(mailFromParameters.get("BODY"));
  }

  /** {@return whether the client declared {@code SMTPUTF8}} */
  public boolean usesSmtpUtf8() {
    return mailFromParameters.containsKey("SMTPUTF8");
  }

  /** {@return every {@code RCPT TO} address, in order, without angle brackets} */
  public List<String> recipients() {
    return recipients;
  }

  /** {@return the identity the client authenticated as with AUTH, if it did} */
  public Optional<String> authenticatedAs() {
    return Optional.ofNullable(authenticatedAs);
  }

  /** {@return whether the transaction ran over TLS (STARTTLS)} */
  public boolean isTls() {
    return tlsProtocol != null;
  }

  /** {@return the TLS protocol, such as {@code TLSv1.3}, if the transaction ran over TLS} */
  public Optional<String> tlsProtocol() {
    return Optional.ofNullable(tlsProtocol);
  }

  /** {@return the message exactly as received after {@code DATA} (dot-unstuffed), as a copy} */
  public byte[] rawMessage() {
    return rawMessage.clone();
  }

  /**
   * Whether the message has a line ended by a bare LF instead of CRLF (RFC 5321 section 2.3.8 allows
   * only CRLF). Since the 2023 SMTP smuggling reports, big receivers reject or rewrite such mail:
   * Postfix since 3.9 ({@code smtpd_forbid_bare_newline}), Sendmail 8.18, Microsoft and Gmail. The
   * capture server ends DATA only at CRLF.CRLF and keeps such lines as sent.
   *
   * @return whether a bare LF ends some line
   */
  public boolean hasBareLineFeeds() {
    return bareLineFeeds;
  }

  private static boolean hasBareLineFeed(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) {
        return true;
      }
    }
    return false;
  }

  /** {@return the size of the message in bytes} */
  public int size() {
    return rawMessage.length;
  }

  /** {@return when the capture server accepted the message} */
  public Instant receivedAt() {
    return receivedAt;
  }

  /** {@return the {@code Return-Path} a receiver writes on final delivery: the envelope sender in angle brackets} */
  public String returnPath() {
    return "<" + envelopeSender + ">";
  }

  /**
   * {@return the unfolded value of the first header field of that name (case-insensitive)}
   *
   * @param name the header field's name, in any case
   */
  public Optional<String> header(String name) {
    return parsed.firstValue(name);
  }

  /**
   * {@return the unfolded values of every header field of that name, top to bottom}
   *
   * @param name the header field's name, in any case
   */
  public List<String> headers(String name) {
    List<String> values = new ArrayList<>();
    for (HeaderField h : parsed.headers(name)) {
      values.add(h.value());
    }
    return values;
  }

  /** {@return the names of all header fields, top to bottom, as written} */
  public List<String> headerNames() {
    List<String> names = new ArrayList<>();
    for (HeaderField h : parsed.headers()) {
      names.add(h.name());
    }
    return names;
  }

  /** {@return the subject with RFC 2047 encoded words decoded (ISO-2022-JP, UTF-8, ...), as a mail client shows it} */
  public Optional<String> subject() {
    return header("Subject").map(MimeContent::decodeEncodedWords);
  }

  /**
   * The values of every header field of that name, top to bottom, unfolded and with RFC 2047 encoded
   * words decoded: {@code =?ISO-2022-JP?B?...?=} reads as the Japanese it encodes. Raw UTF-8 header
   * text (RFC 6532) is read as UTF-8. {@link #headers(String)} gives the values as written.
   *
   * @param name the field name, case-insensitive
   * @return the decoded values; empty when there is no such field
   */
  public List<String> decodedHeaders(String name) {
    List<String> values = new ArrayList<>();
    for (HeaderField h : parsed.headers(name)) {
      values.add(MimeContent.decodeEncodedWords(h.value()));
    }
    return values;
  }

  /**
   * The mailboxes of every header field of that name ({@code "From"}, {@code "To"}, {@code "Cc"},
   * {@code "Reply-To"}, {@code "Sender"}, ...), top to bottom, display names decoded, groups opened;
   * empty when there is no such field.
   *
   * @param fieldName the field name, case-insensitive
   * @return the mailboxes
   */
  public List<MailAddress> addresses(String fieldName) {
    List<MailAddress> out = new ArrayList<>();
    for (HeaderField h : parsed.headers(fieldName)) {
      out.addAll(MimeContent.mailboxes(h.value()));
    }
    return List.copyOf(out);
  }

  /**
   * The text body as a mail client shows it: the first {@code text/plain} part that is not an
   * attachment (in a {@code multipart/alternative} the plain alternative, in a
   * {@code multipart/mixed} the body before the attachments), its transfer encoding (base64,
   * quoted-printable) and charset (ISO-2022-JP, Shift_JIS, UTF-8, ...) decoded, CRLF line ends
   * as {@code \n}. Empty when the mail has no such part. A part without a charset is read as UTF-8.
   *
   * @return the decoded text body
   */
  public Optional<String> textBody() {
    return Optional.ofNullable(content().text());
  }

  /**
   * {@return the HTML body: the first {@code text/html} part that is not an attachment, decoded as
   * {@link #textBody()} is}
   */
  public Optional<String> htmlBody() {
    return Optional.ofNullable(content().html());
  }

  /**
   * The attachments, in the order of the parts: parts with the disposition {@code attachment}, parts
   * with a file name (inline images included), and attached messages.
   *
   * @return the attachments; empty when there are none
   */
  public List<MailAttachment> attachments() {
    List<MailAttachment> list = attachments;
    if (list == null) {
      List<MailAttachment> made = new ArrayList<>();
      for (MimeContent.Attachment a : content().attachments()) {
        made.add(new MailAttachment(a.fileName(), a.contentType(), a.size(), a::content));
      }
      list = List.copyOf(made);
      attachments = list;
    }
    return list;
  }

  /**
   * The message as a Jakarta Mail {@link MimeMessage}, a new one at each call: change it as you like,
   * the captured mail and its checks do not see it. It shares the captured bytes instead of copying
   * them, and has a session of its own that allows UTF-8 headers ({@code mail.mime.allowutf8}).
   *
   * @return a new message read from the captured bytes
   */
  public MimeMessage mimeMessage() {
    return MimeContent.message(rawMessage, MimeContent.session());
  }

  /**
   * Writes the message exactly as received, as an {@code .eml} file that mail clients open.
   *
   * @param out where to write; it is not closed
   * @throws IOException when {@code out} cannot be written
   */
  public void writeTo(OutputStream out) throws IOException {
    out.write(rawMessage);
  }

  /**
   * Writes the message exactly as received to {@code file} (an {@code .eml} file), replacing it if it exists.
   *
   * @param file the file to write
   * @throws IOException when the file cannot be written
   */
  public void writeTo(Path file) throws IOException {
    Files.write(file, rawMessage);
  }

  private MimeContent content() {
    MimeContent c = content;
    if (c == null) {
      synchronized (this) {
        c = content;
        if (c == null) {
          c = MimeContent.read(rawMessage);
          content = c;
        }
      }
    }
    return c;
  }

  /** {@return the body as written (read as UTF-8, transfer encoding not decoded); {@link #textBody()} decodes it} */
  public String bodyText() {
    return new String(rawMessage, parsed.bodyOffset(), parsed.bodyLength(), StandardCharsets.UTF_8);
  }

  /**
   * The receiver that captured this mail and checks it (the extension's); empty for a mail built
   * by hand without one, in which case the receiver checks cannot run.
   *
   * @return the receiver, or empty for a mail built by hand
   */
  public Optional<MailReceiver> receiver() {
    return Optional.ofNullable(receiver);
  }

  // ---------------------------------------------------------------- the SMTP transcript

  /**
   * What client and capture server said in this mail's transaction, with times (the message itself
   * elided); empty for a mail built by hand without one.
   *
   * @return the transaction's transcript
   */
  public SmtpTranscript transcript() {
    return transcript;
  }

  // ----------------------------------------------------------------

  @Override
  public String toString() {
    String text = shown;
    if (text == null) {
      text = "mail #" + sequence + " from " + returnPath() + " to " + recipients
          + subject().map(s -> " \"" + shortened(s) + "\"").orElse("");
      shown = text;
    }
    return text;
  }

  /**
   * A subject as failure messages and reports show it: control characters (a forged line end, a
   * terminal escape) as {@code ?}, and at most {@value #SHOWN_SUBJECT} characters.
   */
  private static String shortened(String subject) {
    return ShownText.of(subject, SHOWN_SUBJECT);
  }

  /** Builds a {@link CapturedMail}; the capture server uses it, and so can tests. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private long sequence;
    private InetSocketAddress clientAddress = new InetSocketAddress("127.0.0.1", 0);
    private String heloVerb;
    private String heloName;
    private String envelopeSender = "";
    private final Map<String, String> mailFromParameters = new LinkedHashMap<>();
    private final List<String> recipients = new ArrayList<>();
    private String authenticatedAs;
    private String tlsProtocol;
    private byte[] rawMessage = new byte[0];
    private boolean adopted;
    private Instant receivedAt = Instant.now();
    private MailReceiver receiver;
    private SmtpTranscript transcript = SmtpTranscript.empty();

    private Builder() {}

    /**
     * What client and server said in the transaction; the capture server records it.
     *
     * @param transcript the transaction's transcript
     * @return this builder
     */
    public Builder transcript(SmtpTranscript transcript) {
      this.transcript = transcript;
      return this;
    }

    /**
     * The receiver that checks the mail, such as {@code Receiver.builder(zone.resolver())...build()}.
     *
     * @param receiver the receiver
     * @return this builder
     */
    public Builder receiver(MailReceiver receiver) {
      this.receiver = receiver;
      return this;
    }

    /**
     * Sets the order of acceptance.
     *
     * @param sequence the position, from 1
     * @return this builder
     */
    public Builder sequence(long sequence) {
      this.sequence = sequence;
      return this;
    }

    /**
     * Sets the client's socket address.
     *
     * @param clientAddress the address
     * @return this builder
     */
    public Builder clientAddress(InetSocketAddress clientAddress) {
      this.clientAddress = clientAddress;
      return this;
    }

    /**
     * Sets the HELO or EHLO command.
     *
     * @param verb {@code HELO} or {@code EHLO}
     * @param name the name the client gave
     * @return this builder
     */
    public Builder helo(String verb, String name) {
      this.heloVerb = verb;
      this.heloName = name;
      return this;
    }

    /**
     * Sets the envelope sender.
     *
     * @param envelopeSender the {@code MAIL FROM} address without angle brackets; empty for the null sender
     * @return this builder
     */
    public Builder envelopeSender(String envelopeSender) {
      this.envelopeSender = envelopeSender;
      return this;
    }

    /**
     * Adds a {@code MAIL FROM} parameter.
     *
     * @param keyword the keyword, such as {@code BODY}
     * @param value its value, or null for a keyword without one
     * @return this builder
     */
    public Builder mailFromParameter(String keyword, String value) {
      this.mailFromParameters.put(keyword.toUpperCase(Locale.ROOT), value == null ? "" : value);
      return this;
    }

    /**
     * Adds a recipient ({@code RCPT TO}).
     *
     * @param recipient the address, without angle brackets
     * @return this builder
     */
    public Builder recipient(String recipient) {
      this.recipients.add(recipient);
      return this;
    }

    /**
     * Sets the identity the client authenticated as.
     *
     * @param identity the AUTH identity
     * @return this builder
     */
    public Builder authenticatedAs(String identity) {
      this.authenticatedAs = identity;
      return this;
    }

    /**
     * Marks the transaction as run over TLS.
     *
     * @param protocol the TLS protocol, such as {@code TLSv1.3}
     * @return this builder
     */
    public Builder tlsProtocol(String protocol) {
      this.tlsProtocol = protocol;
      return this;
    }

    /**
     * The message bytes; {@link #build()} copies them.
     *
     * @param rawMessage the message exactly as sent: header, blank line, body
     * @return this builder
     */
    public Builder rawMessage(byte[] rawMessage) {
      this.rawMessage = rawMessage;
      this.adopted = false;
      return this;
    }

    /** The capture server's path: the mail keeps this array, which nobody else holds. */
    private Builder adopt(byte[] rawMessage) {
      this.rawMessage = rawMessage;
      this.adopted = true;
      return this;
    }

    /**
     * Sets the message as sent, from text in UTF-8 with CRLF line ends.
     *
     * @param rawMessage the message: header, blank line, body
     * @return this builder
     */
    public Builder rawMessage(String rawMessage) {
      return rawMessage(rawMessage.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sets when the mail was accepted.
     *
     * @param receivedAt the instant
     * @return this builder
     */
    public Builder receivedAt(Instant receivedAt) {
      this.receivedAt = receivedAt;
      return this;
    }

    /**
     * Makes the mail.
     *
     * @return the captured mail
     */
    public CapturedMail build() {
      return new CapturedMail(this);
    }
  }
}
