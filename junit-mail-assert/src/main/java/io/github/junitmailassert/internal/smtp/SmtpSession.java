package io.github.junitmailassert.internal.smtp;

import com.icegreen.greenmail.server.AbstractSocketProtocolHandler;
import io.github.junitmailassert.internal.mail.MessageHandover;
import io.github.junitmailassert.mail.CapturedMail;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One SMTP client connection (RFC 5321), recording the whole transaction: HELO/EHLO exactly as
 * sent, MAIL FROM with its parameters (the null sender included), every RCPT TO, AUTH, STARTTLS, and
 * the message bytes as received. It accepts what a lenient receiving MTA accepts, so that the checks,
 * not the capture, judge the mail. Internal.
 *
 * <p>Limits, as a sender sees them:
 * <ul>
 *   <li>DATA ends only at CRLF.CRLF. Lines ended by a bare LF are kept as sent, and a transparency
 *       dot is removed only after CRLF ({@link CapturedMail#hasBareLineFeeds()}).
 *   <li>A command line may have 512 octets with its CRLF (RFC 5321 4.5.3.1.4); MAIL and RCPT 2,048,
 *       for their parameters; AUTH and SASL responses 12,288 (RFC 4954). A longer line gets
 *       {@code 500 5.5.2 Line too long (N octets at most)} and is not accepted.
 *   <li>Command bytes are read as UTF-8 where valid, otherwise one character per byte (ISO-8859-1),
 *       so {@code getBytes(ISO_8859_1)} gives back what was sent.
 *   <li>A message may have 64 MiB unless the server was started with another limit (advertised as
 *       {@code SIZE}); over it: {@code 552 5.3.4}, at MAIL FROM when {@code SIZE=} says so, else
 *       after DATA. While it arrives a message takes its size in heap, twice that for the moment it
 *       is put into one array, then once, as long as the test keeps its mails. A message the heap
 *       cannot hold gets {@code 452 4.3.1} and the session goes on.
 * </ul>
 */
final class SmtpSession extends AbstractSocketProtocolHandler {

  /** RFC 5321 section 4.5.3.1.4: a command line, CRLF included. */
  static final int MAX_COMMAND_LINE = 512;
  /**
   * MAIL and RCPT with parameters (SIZE, BODY, SMTPUTF8, AUTH=, and the DSN ones of RFC 3461, where
   * ORCPT alone may take 500 octets): each extension may raise the limit (RFC 5321 4.5.3.1); 2,048
   * as Postfix's line_length_limit.
   */
  static final int MAX_ENVELOPE_LINE = 2048;
  /** RFC 4954 section 4: AUTH with an initial response, and each SASL response line. */
  static final int MAX_AUTH_LINE = 12_288;
  static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
  private static final Pattern MAIL_FROM = Pattern.compile("(?i)MAIL FROM:\\s*<([^>]*)>(?:\\s+(.*))?");
  private static final Pattern MAIL_FROM_BARE = Pattern.compile("(?i)MAIL FROM:\\s*([^\\s<>]+)(?:\\s+(.*))?");
  private static final Pattern SIZE = Pattern.compile("(?i)(?:^|\\s)SIZE=(\\d+)(?:\\s|$)");
  private static final Pattern RCPT_TO = Pattern.compile("(?i)RCPT TO:\\s*<([^>]*)>.*");
  private static final Pattern RCPT_TO_BARE = Pattern.compile("(?i)RCPT TO:\\s*([^\\s<>]+).*");

  private final String greetingName;
  private final Consumer<CapturedMail.Builder> sink;
  private final int maxMessageBytes;

  private Input in;
  private OutputStream out;
  private Socket current;
  private String heloVerb;
  private String heloName;
  private String authenticatedAs;
  private String tlsProtocol;
  private CapturedMail.Builder transaction;
  private boolean hasRecipient;

  SmtpSession(Socket socket, String greetingName, Consumer<CapturedMail.Builder> sink, int maxMessageBytes) {
    super(socket);
    this.greetingName = greetingName;
    this.sink = sink;
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  public void run() {
    try {
      current = socket;
      socket.setTcpNoDelay(true); // replies go out per pipelined group (see Input.fill): never wait for an ACK
      in = new Input(socket.getInputStream());
      out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
      reply("220 " + greetingName + " ESMTP junit-mail-assert capture server ready");
      while (!isQuitting()) {
        Line line = in.readLine(MAX_AUTH_LINE);
        if (line == null) {
          break; // the client went away
        }
        if (!handle(line)) {
          break;
        }
      }
      out.flush();
    } catch (IOException | RuntimeException e) {
      // A client that drops the connection, even inside DATA, loses only its unfinished transaction.
    } catch (OutOfMemoryError e) {
      // Not this session's fault alone, but it must not leave its client waiting for a reply.
      transaction = null;
      try {
        reply("421 4.3.1 Insufficient system storage, closing the connection");
        out.flush();
      } catch (IOException | RuntimeException | OutOfMemoryError ignored) {
        // closing anyway
      }
    } finally {
      close();
      if (current != socket) {
        try {
          current.close();
        } catch (IOException e) {
          // already closing
        }
      }
    }
  }

  /** Handles one command line; false when the session ends. */
  private boolean handle(Line read) throws IOException {
    int limit = limitFor(read);
    if (read.octets > limit) {
      reply("500 5.5.2 Line too long (" + limit + " octets at most)");
      return true;
    }
    String line = read.text();
    String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
    String argument = line.length() > 5 ? line.substring(5) : "";
    switch (verb) {
      case "EHLO":
      case "HELO":
        if (line.length() > 4 && line.charAt(4) != ' ') {
          reply("500 5.5.2 Command not recognized");
          return true;
        }
        heloVerb = verb;
        heloName = argument;
        transaction = null;
        if (verb.equals("EHLO")) {
          reply("250-" + greetingName + " greets " + argument,
              "250-8BITMIME", "250-SMTPUTF8", "250-PIPELINING", "250-SIZE " + maxMessageBytes,
              "250-ENHANCEDSTATUSCODES", tlsProtocol == null ? "250-STARTTLS" : null, "250 AUTH PLAIN LOGIN");
        } else {
          reply("250 " + greetingName);
        }
        return true;
      case "MAIL":
        mailFrom(line);
        return true;
      case "RCPT":
        rcptTo(line);
        return true;
      case "DATA":
        data();
        return true;
      case "RSET":
        transaction = null;
        reply("250 2.0.0 OK");
        return true;
      case "NOOP":
        reply("250 2.0.0 OK");
        return true;
      case "VRFY":
        reply("252 2.5.0 Cannot verify, but will accept the message");
        return true;
      case "AUTH":
        auth(argument);
        return true;
      case "STAR":
        if (line.equalsIgnoreCase("STARTTLS")) {
          startTls();
        } else {
          reply("500 5.5.2 Command not recognized");
        }
        return true;
      case "QUIT":
        reply("221 2.0.0 Bye");
        return false;
      default:
        reply("500 5.5.2 Command not recognized");
        return true;
    }
  }

  /** The longest line, in octets with its line end, that this command may have. */
  private static int limitFor(Line line) {
    switch (line.verb()) {
      case "MAIL":
      case "RCPT":
        return MAX_ENVELOPE_LINE;
      case "AUTH":
        return MAX_AUTH_LINE;
      default:
        return MAX_COMMAND_LINE;
    }
  }

  private void mailFrom(String line) throws IOException {
    Matcher m = MAIL_FROM.matcher(line);
    if (!m.matches()) {
      m = MAIL_FROM_BARE.matcher(line);
      if (!m.matches()) {
        reply("501 5.5.4 Syntax: MAIL FROM:<address>");
        return;
      }
    }
    if (transaction != null) {
      reply("503 5.5.1 Nested MAIL command");
      return;
    }
    CapturedMail.Builder b = CapturedMail.builder()
        .clientAddress((InetSocketAddress) socket.getRemoteSocketAddress())
        .helo(heloVerb, heloName)
        .envelopeSender(m.group(1))
        .authenticatedAs(authenticatedAs)
        .tlsProtocol(tlsProtocol);
    String parameters = m.group(2) == null ? "" : m.group(2).trim();
    for (String parameter : parameters.split("\\s+")) {
      if (!parameter.isEmpty()) {
        int eq = parameter.indexOf('=');
        b.mailFromParameter(eq < 0 ? parameter : parameter.substring(0, eq), eq < 0 ? "" : parameter.substring(eq + 1));
      }
    }
    if (declaredSize(parameters) > maxMessageBytes) {
      reply("552 5.3.4 Message size exceeds fixed maximum message size (" + maxMessageBytes + " bytes)"); // RFC 1870
      return;
    }
    transaction = b;
    hasRecipient = false;
    reply("250 2.1.0 OK");
  }

  /** The SIZE= of MAIL FROM (RFC 1870), or -1. */
  private static long declaredSize(String parameters) {
    Matcher m = SIZE.matcher(parameters);
    if (!m.find()) {
      return -1;
    }
    try {
      return Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE; // more digits than a long holds
    }
  }

  private void rcptTo(String line) throws IOException {
    Matcher m = RCPT_TO.matcher(line);
    if (!m.matches()) {
      m = RCPT_TO_BARE.matcher(line);
      if (!m.matches()) {
        reply("501 5.5.4 Syntax: RCPT TO:<address>");
        return;
      }
    }
    if (transaction == null) {
      reply("503 5.5.1 MAIL first");
      return;
    }
    transaction.recipient(m.group(1));
    hasRecipient = true;
    reply("250 2.1.5 OK");
  }

  private void data() throws IOException {
    if (transaction == null) {
      reply("503 5.5.1 MAIL first");
      return;
    }
    if (!hasRecipient) {
      reply("503 5.5.1 RCPT first");
      return;
    }
    reply("354 End data with <CR><LF>.<CR><LF>");
    CapturedMail.Builder done = transaction;
    transaction = null;
    Message message = readData();
    if (message.tooBig) {
      reply("552 5.3.4 Message too big (" + maxMessageBytes + " bytes at most)");
      return;
    }
    try {
      byte[] bytes = message.bytes();
      message = null; // let the chunks go before the mail is parsed
      MessageHandover.adopt(done, bytes).receivedAt(Instant.now());
      sink.accept(done); // before the reply: a client that saw 250 finds its mail captured
    } catch (OutOfMemoryError e) {
      reply(INSUFFICIENT_STORAGE);
      return;
    }
    reply("250 2.0.0 OK: captured");
  }

  private static final String INSUFFICIENT_STORAGE =
      "452 4.3.1 Insufficient system storage: the capture server's heap cannot hold this message now";

  /**
   * Reads the message up to CRLF.CRLF, the only end of data (RFC 5321 section 4.1.1.4), and undoes
   * dot-stuffing at the start of lines that follow a CRLF (section 4.5.2). A bare LF ends no line:
   * {@code "\n.\r\n"}, {@code "\n.\n"} and {@code "\r\n.\n"} are message text kept as sent,
   * so a second transaction cannot be smuggled inside the first. Bytes past the size limit, or past
   * what the heap can hold, are read and dropped so the session stays in step.
   */
  private Message readData() throws IOException {
    Message message = new Message(maxMessageBytes);
    boolean lineStart = true; // after CRLF, or at the start of the data
    boolean cr = false;       // the last byte was CR
    boolean dot = false;      // a line began with '.'
    boolean dotCr = false;    // ... and then CR
    while (true) {
      int b = in.read();
      if (b == -1) {
        throw new IOException("connection closed inside DATA after " + message.size + " bytes");
      }
      if (dotCr) {
        dotCr = false;
        if (b == '\n') {
          return message;
        }
        message.write('\r'); // the leading dot was added for transparency
        cr = true;
      } else if (dot) {
        dot = false;
        if (b == '\r') {
          dotCr = true;
          continue;
        }
        if (b == '\n') {
          message.write('.'); // a lone dot with a bare LF: no sender stuffed it, keep it as sent
        }
        // any other line starting with '.': the leading dot was added for transparency
      } else if (lineStart && b == '.') {
        dot = true;
        lineStart = false;
        continue;
      }
      message.write(b);
      lineStart = cr && b == '\n';
      cr = b == '\r';
    }
  }

  /**
   * A message as it arrives, in chunks that grow with it: no doubling copies, and the one array the
   * mail keeps is made once, at the end (the heap holds the message twice only for that moment).
   */
  private static final class Message {
    private static final int FIRST_CHUNK = 8 * 1024;
    private static final int LARGEST_CHUNK = 1024 * 1024;

    private final int max;
    private List<byte[]> full = new ArrayList<>();
    private byte[] chunk = new byte[FIRST_CHUNK];
    private int inChunk;
    private long size;
    boolean tooBig;
    boolean outOfMemory;

    Message(int max) {
      this.max = max;
    }

    void write(int b) {
      if (size >= max) {
        if (!tooBig) {
          tooBig = true;
          full = null; // refused anyway: give the heap back while the rest is read and dropped
          chunk = null;
        }
        return;
      }
      size++;
      if (outOfMemory) {
        return;
      }
      if (inChunk == chunk.length) {
        try {
          full.add(chunk);
          chunk = new byte[(int) Math.min(LARGEST_CHUNK, Math.max(FIRST_CHUNK, size / 4))];
          inChunk = 0;
        } catch (OutOfMemoryError e) {
          outOfMemory = true;
          full = null; // give the heap back at once; the rest is read and dropped
          chunk = null;
          return;
        }
      }
      chunk[inChunk++] = (byte) b;
    }

    /** The message in one array; throws OutOfMemoryError when the heap cannot hold it. */
    byte[] bytes() {
      if (outOfMemory) {
        throw new OutOfMemoryError("the message was dropped while it arrived");
      }
      if (full.isEmpty() && inChunk == chunk.length) {
        return chunk;
      }
      byte[] all = new byte[(int) size];
      int at = 0;
      for (byte[] c : full) {
        System.arraycopy(c, 0, all, at, c.length);
        at += c.length;
      }
      System.arraycopy(chunk, 0, all, at, inChunk);
      return all;
    }
  }

  private void auth(String argument) throws IOException {
    String[] parts = argument.trim().split("\\s+", 2);
    String mechanism = parts[0].toUpperCase(Locale.ROOT);
    if (mechanism.equals("PLAIN")) {
      String response = parts.length > 1 ? parts[1] : askFor("");
      String identity = decodePlain(response);
      if (identity == null) {
        reply("501 5.5.2 Cannot decode AUTH PLAIN response");
        return;
      }
      authenticatedAs = identity;
    } else if (mechanism.equals("LOGIN")) {
      String user = decode(parts.length > 1 ? parts[1] : askFor("VXNlcm5hbWU6"));
      askFor("UGFzc3dvcmQ6");
      if (user == null) {
        reply("501 5.5.2 Cannot decode AUTH LOGIN response");
        return;
      }
      authenticatedAs = user;
    } else {
      reply("504 5.5.4 Unrecognized authentication type");
      return;
    }
    reply("235 2.7.0 Authentication successful");
  }

  private String askFor(String challenge) throws IOException {
    reply("334 " + challenge);
    Line line = in.readLine(MAX_AUTH_LINE);
    return line == null || line.octets > MAX_AUTH_LINE ? "" : line.text().trim();
  }

  private static String decodePlain(String response) {
    String decoded = decode(response);
    if (decoded == null) {
      return null;
    }
    String[] fields = decoded.split("\0", -1); // authzid \0 authcid \0 password
    if (fields.length < 2) {
      return null;
    }
    return fields[0].isEmpty() ? fields[1] : fields[0];
  }

  private static String decode(String base64) {
    try {
      return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void startTls() throws IOException {
    if (tlsProtocol != null) {
      reply("503 5.5.1 TLS already active");
      return;
    }
    SSLContext context = TlsContext.get();
    reply("220 2.0.0 Ready to start TLS");
    out.flush();
    SSLSocket tls = (SSLSocket) context.getSocketFactory()
        .createSocket(current, current.getInetAddress().getHostAddress(), current.getPort(), true);
    tls.setUseClientMode(false);
    tls.startHandshake();
    current = tls;
    in = new Input(tls.getInputStream()); // what was sent in the clear after STARTTLS is dropped (RFC 3207)
    out = new BufferedOutputStream(tls.getOutputStream(), 16 * 1024);
    tlsProtocol = tls.getSession().getProtocol();
    // RFC 3207: the client starts over with EHLO, and nothing said before counts.
    heloVerb = null;
    heloName = null;
    authenticatedAs = null;
    transaction = null;
  }

  /** Queues a reply; {@link Input} sends what is queued when it has no more input to answer. */
  private void reply(String... lines) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      if (l != null) {
        sb.append(l).append("\r\n");
      }
    }
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** One command line as received, without its line end. */
  static final class Line {
    final byte[] bytes;
    final int length;
    /** Octets on the wire, line end included; over the reader's limit when the line was cut. */
    final long octets;

    Line(byte[] bytes, int length, long octets) {
      this.bytes = bytes;
      this.length = length;
      this.octets = octets;
    }

    String verb() {
      return new String(bytes, 0, Math.min(4, length), StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
    }

    /**
     * The line as text: UTF-8 where the bytes are valid UTF-8 (RFC 6531), otherwise one character
     * per byte (ISO-8859-1), so 8-bit bytes are kept as sent and never replaced by U+FFFD.
     */
    String text() {
      try {
        return StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes, 0, length))
            .toString();
      } catch (CharacterCodingException e) {
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
    }
  }

  /**
   * The client's bytes, buffered here rather than in a BufferedInputStream so the session knows when
   * it has answered everything the client sent: only then does it send its queued replies, one write
   * per pipelined group (RFC 2920 section 3.2).
   */
  private final class Input {
    private final InputStream raw;
    private final byte[] buffer = new byte[16 * 1024];
    private int pos;
    private int limit;

    Input(InputStream raw) {
      this.raw = raw;
    }

    int read() throws IOException {
      if (pos == limit && !fill()) {
        return -1;
      }
      return buffer[pos++] & 0xFF;
    }

    private boolean fill() throws IOException {
      out.flush(); // everything received is answered: send the group's replies
      int n = raw.read(buffer);
      if (n <= 0) {
        return false;
      }
      pos = 0;
      limit = n;
      return true;
    }

    /**
     * Reads a line ending in LF (CRLF, or a bare LF from a lenient client); null at end of stream.
     * Keeps at most {@code max} bytes; a longer line is read to its end and dropped, with its length.
     */
    Line readLine(int max) throws IOException {
      byte[] line = new byte[128];
      int length = 0;
      long octets = 0;
      while (true) {
        int b = read();
        if (b == -1) {
          return octets == 0 ? null : new Line(line, Math.min(length, max), octets);
        }
        octets++;
        if (b == '\n') {
          if (length > 0 && line[length - 1] == '\r') {
            length--;
          }
          return new Line(line, length, octets);
        }
        if (length < max) {
          if (length == line.length) {
            line = Arrays.copyOf(line, Math.min(max, line.length * 2));
          }
          line[length++] = (byte) b;
        }
      }
    }
  }

  /**
   * The TLS context for STARTTLS, made once from this library's self-signed key for localhost,
   * 127.0.0.1 and ::1 (made with keytool, valid 2000 to 2128), so that clients that check the
   * server's name only need to trust the certificate.
   */
  static final class TlsContext {
    private static volatile SSLContext context;

    private TlsContext() {}

    static SSLContext get() throws IOException {
      SSLContext c = context;
      if (c == null) {
        synchronized (TlsContext.class) {
          c = context;
          if (c == null) {
            c = create();
            context = c;
          }
        }
      }
      return c;
    }

    private static SSLContext create() throws IOException {
      char[] password = "changeit".toCharArray();
      try (InputStream keys = SmtpSession.class.getResourceAsStream("capture-server.p12")) {
        if (keys == null) {
          throw new IOException("the capture server's key store capture-server.p12 is not on the class path");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(keys, password);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        return ssl;
      } catch (GeneralSecurityException e) {
        throw new IOException("cannot set up TLS for STARTTLS: " + e.getMessage(), e);
      }
    }
  }
}
