package io.github.junitmailassert.internal.smtp;

import com.icegreen.greenmail.server.AbstractSocketProtocolHandler;
import io.github.junitmailassert.mail.CapturedMail;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Instant;
import java.util.Base64;
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
 */
final class SmtpSession extends AbstractSocketProtocolHandler {

  static final int MAX_LINE = 4096;
  static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
  private static final Pattern MAIL_FROM = Pattern.compile("(?i)MAIL FROM:\\s*<([^>]*)>(?:\\s+(.*))?");
  private static final Pattern MAIL_FROM_BARE = Pattern.compile("(?i)MAIL FROM:\\s*([^\\s<>]+)(?:\\s+(.*))?");
  private static final Pattern RCPT_TO = Pattern.compile("(?i)RCPT TO:\\s*<([^>]*)>.*");
  private static final Pattern RCPT_TO_BARE = Pattern.compile("(?i)RCPT TO:\\s*([^\\s<>]+).*");

  private final String greetingName;
  private final Consumer<CapturedMail.Builder> sink;
  private final int maxMessageBytes;

  private InputStream in;
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
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
      reply("220 " + greetingName + " ESMTP junit-mail-assert capture server ready");
      while (!isQuitting()) {
        String line = readLine();
        if (line == null) {
          break; // the client went away
        }
        if (!handle(line)) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // A client that drops the connection, even inside DATA, loses only its unfinished transaction.
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
  private boolean handle(String line) throws IOException {
    if (line.length() > MAX_LINE) {
      reply("500 5.5.2 Line too long (" + MAX_LINE + " characters at most)");
      return true;
    }
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
    transaction = b;
    hasRecipient = false;
    reply("250 2.1.0 OK");
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
    byte[] message = readData();
    if (message == null) {
      transaction = null;
      reply("552 5.3.4 Message too big (" + maxMessageBytes + " bytes at most)");
      return;
    }
    CapturedMail.Builder done = transaction.rawMessage(message).receivedAt(Instant.now());
    transaction = null;
    sink.accept(done); // before the reply: a client that saw 250 finds its mail captured
    reply("250 2.0.0 OK: captured");
  }

  /**
   * Reads the message up to the lone dot, undoing dot-stuffing (RFC 5321 section 4.5.2); null when
   * it is over the size limit. Bytes past the limit are read and dropped, however long the line, so
   * the session stays in step and memory stays bounded.
   */
  private byte[] readData() throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream(8192);
    boolean lineStart = true;
    boolean dot = false;      // a line began with '.'
    boolean dotCr = false;    // ... and then CR
    boolean tooBig = false;
    while (true) {
      int b = in.read();
      if (b == -1) {
        throw new IOException("connection closed inside DATA after " + message.size() + " bytes");
      }
      if (dotCr) {
        dotCr = false;
        if (b == '\n') {
          return tooBig ? null : message.toByteArray();
        }
        tooBig |= !write(message, '\r');
      } else if (dot) {
        dot = false;
        if (b == '\n') {
          return tooBig ? null : message.toByteArray(); // ".\n": a client with bare LF line ends
        }
        if (b == '\r') {
          dotCr = true;
          continue;
        }
        // any other line starting with '.': the leading dot was added for transparency
      } else if (lineStart && b == '.') {
        dot = true;
        lineStart = false;
        continue;
      }
      tooBig |= !write(message, b);
      lineStart = b == '\n';
    }
  }

  /** Appends one byte unless the message is full; false when it is. */
  private boolean write(ByteArrayOutputStream message, int b) {
    if (message.size() >= maxMessageBytes) {
      return false;
    }
    message.write(b);
    return true;
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
    String line = readLine();
    return line == null ? "" : line.trim();
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
    SSLSocket tls = (SSLSocket) context.getSocketFactory()
        .createSocket(current, current.getInetAddress().getHostAddress(), current.getPort(), true);
    tls.setUseClientMode(false);
    tls.startHandshake();
    current = tls;
    in = new BufferedInputStream(tls.getInputStream());
    out = tls.getOutputStream();
    tlsProtocol = tls.getSession().getProtocol();
    // RFC 3207: the client starts over with EHLO, and nothing said before counts.
    heloVerb = null;
    heloName = null;
    authenticatedAs = null;
    transaction = null;
  }

  /** Reads a line ending in CRLF (or bare LF), as text; null at end of stream. */
  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
      }
      if (line.size() <= MAX_LINE) {
        line.write(b);
      }
    }
    return line.size() > 0 ? line.toString(StandardCharsets.UTF_8) : null;
  }

  private void reply(String... lines) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      if (l != null) {
        sb.append(l).append("\r\n");
      }
    }
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
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
