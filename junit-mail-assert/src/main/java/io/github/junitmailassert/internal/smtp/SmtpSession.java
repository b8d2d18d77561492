package io.github.junitmailassert.internal.smtp;

import com.icegreen.greenmail.server.AbstractSocketProtocolHandler;
import io.github.junitmailassert.internal.mail.FaultPlan;
import io.github.junitmailassert.internal.mail.MessageHandover;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.SmtpAttempt;
import io.github.junitmailassert.mail.SmtpFaults;
import io.github.junitmailassert.mail.SmtpReply;
import io.github.junitmailassert.mail.SmtpStage;
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
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * One SMTP client connection (RFC 5321), recording the whole transaction: HELO/EHLO exactly as
 * sent, MAIL FROM with its parameters (the null sender included), every RCPT TO, AUTH, STARTTLS, and
 * the message bytes as received. It accepts what a lenient receiving MTA accepts, so that the checks,
 * not the capture, judge the mail, unless {@link SmtpFaults} tell it to refuse, wait or hang up, or
 * TLS is required. Every transaction, and every connection that began none, ends as one
 * {@link SmtpAttempt}, with its transcript. Internal.
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
  private final CaptureSink sink;
  private final SmtpOptions options;
  private final int maxMessageBytes;
  private final FaultPlan faults;
  private final TranscriptRecorder transcript = new TranscriptRecorder();

  private Input in;
  private OutputStream out;
  private Socket current;
  private String heloVerb;
  private String heloName;
  private String authenticatedAs;
  private String tlsProtocol;
  private CapturedMail.Builder transaction;
  private boolean hasRecipient;
  // What attempts are recorded from: the connection's, and the open transaction's (null outside one).
  private final Attempt connection = new Attempt();
  private Attempt attempt;
  private boolean recordedAttempt;
  private boolean refusedGreeting;
  private boolean closing;
  // Opened when the server stops this session, so that an injected delay ends at once.
  private final CountDownLatch stopped = new CountDownLatch(1);
  private SmtpStage droppedAt;
  private String problem;

  SmtpSession(Socket socket, String greetingName, CaptureSink sink, SmtpOptions options) {
    super(socket);
    this.greetingName = greetingName;
    this.sink = sink;
    this.options = options;
    this.maxMessageBytes = options.maxMessageBytes();
    this.faults = options.faults();
  }

  @Override
  public void run() {
    try {
      current = socket;
      socket.setTcpNoDelay(true); // replies go out per pipelined group (see Input.fill): never wait for an ACK
      if (options.implicitTls()) {
        useTls(TlsContext.get().getSocketFactory().createSocket(socket, socket.getInetAddress().getHostAddress(),
            socket.getPort(), true));
        transcript.note("TLS from the first byte (implicit TLS): " + tlsProtocol);
      } else {
        in = new Input(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
      }
      greet();
      while (!isQuitting() && !closing) {
        Line line = in.readLine(MAX_AUTH_LINE);
        if (line == null) {
          break; // the client went away
        }
        if (!handle(line)) {
          break;
        }
      }
      out.flush();
    } catch (Dropped e) {
      droppedAt = e.stage;
      transcript.note("the server closed the connection without a reply (SmtpFaults.drop at " + e.stage + ")");
    } catch (IOException | RuntimeException e) {
      // A client that drops the connection, even inside DATA, loses only its unfinished transaction.
    } catch (OutOfMemoryError e) {
      // Not this session's fault alone, but it must not leave its client waiting for a reply.
      transaction = null;
      try {
        reply(null, "421 4.3.1 Insufficient system storage, closing the connection");
        out.flush();
      } catch (IOException | RuntimeException | OutOfMemoryError ignored) {
        // closing anyway
      }
    } finally {
      try {
        endAttempts();
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
  }

  private void greet() throws IOException {
    SmtpReply refusal = fault(SmtpStage.CONNECT, null);
    if (refusal == null) {
      reply(SmtpStage.CONNECT, "220 " + greetingName + " ESMTP junit-mail-assert capture server ready");
    } else {
      // RFC 5321 section 3.1: after a refusing greeting, wait for QUIT and answer anything else with 503.
      refusedGreeting = true;
      reply(SmtpStage.CONNECT, refusal.toString());
    }
  }

  /** Handles one command line; false when the session ends. */
  private boolean handle(Line read) throws IOException {
    int limit = limitFor(read);
    String verb = read.verb();
    boolean outOfService = refusedGreeting && !verb.equals("QUIT");
    if (verb.equals("MAIL") && attempt == null && !outOfService) {
      attempt = new Attempt(); // a MAIL begins an attempt, even one that is refused
      transcript.beginTransaction();
    }
    transcript.client(verb.equals("AUTH") ? authShown(read.text()) : read.text());
    if (outOfService) {
      reply(null, "503 5.5.1 Bad sequence of commands");
      return true;
    }
    if (read.octets > limit) {
      reply(stageOf(verb), "500 5.5.2 Line too long (" + limit + " octets at most)");
      endRefusedMail();
      return true;
    }
    String line = read.text();
    String argument = line.length() > 5 ? line.substring(5) : "";
    switch (verb) {
      case "EHLO":
      case "HELO":
        if (line.length() > 4 && line.charAt(4) != ' ') {
          reply(null, "500 5.5.2 Command not recognized");
          return true;
        }
        endAttempt(null); // a new EHLO resets any transaction (RFC 5321 section 4.1.4)
        transaction = null;
        SmtpReply refusal = fault(SmtpStage.EHLO, null);
        if (refusal != null) {
          reply(SmtpStage.EHLO, refusal.toString());
          return true;
        }
        heloVerb = verb;
        heloName = argument;
        if (verb.equals("EHLO")) {
          reply(SmtpStage.EHLO, "250-" + greetingName + " greets " + argument,
              "250-8BITMIME", "250-SMTPUTF8", "250-PIPELINING", "250-SIZE " + maxMessageBytes,
              "250-ENHANCEDSTATUSCODES", tlsProtocol == null ? "250-STARTTLS" : null, "250 AUTH PLAIN LOGIN");
        } else {
          reply(SmtpStage.EHLO, "250 " + greetingName);
        }
        return true;
      case "MAIL":
        mailFrom(line);
        endRefusedMail();
        return true;
      case "RCPT":
        rcptTo(line);
        return true;
      case "DATA":
        data();
        return true;
      case "RSET":
        endAttempt(null);
        transaction = null;
        reply(null, "250 2.0.0 OK");
        return true;
      case "NOOP":
        reply(null, "250 2.0.0 OK");
        return true;
      case "VRFY":
        reply(null, "252 2.5.0 Cannot verify, but will accept the message");
        return true;
      case "AUTH":
        auth(argument);
        return true;
      case "STAR":
        if (line.equalsIgnoreCase("STARTTLS")) {
          startTls();
        } else {
          reply(null, "500 5.5.2 Command not recognized");
        }
        return true;
      case "QUIT":
        endAttempt(null);
        reply(null, "221 2.0.0 Bye");
        return false;
      default:
        reply(null, "500 5.5.2 Command not recognized");
        return true;
    }
  }

  private static SmtpStage stageOf(String verb) {
    switch (verb) {
      case "EHLO":
      case "HELO":
        return SmtpStage.EHLO;
      case "MAIL":
        return SmtpStage.MAIL;
      case "RCPT":
        return SmtpStage.RCPT;
      case "DATA":
        return SmtpStage.DATA;
      default:
        return null;
    }
  }

  /** AUTH as the transcript keeps it: the mechanism, never the credentials. */
  private static String authShown(String line) {
    String[] parts = line.trim().split("\\s+", 3);
    return parts[0] + (parts.length > 1 ? " " + parts[1] : "") + (parts.length > 2 ? " " + CREDENTIALS_NOT_KEPT : "");
  }

  private static final String CREDENTIALS_NOT_KEPT = "[credentials not kept]";

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
    if (transaction != null) {
      reply(null, "503 5.5.1 Nested MAIL command");
      return;
    }
    Matcher m = MAIL_FROM.matcher(line);
    if (!m.matches()) {
      m = MAIL_FROM_BARE.matcher(line);
      if (!m.matches()) {
        reply(SmtpStage.MAIL, "501 5.5.4 Syntax: MAIL FROM:<address>");
        return;
      }
    }
    attempt.sender = m.group(1);
    if (options.requireTls() && tlsProtocol == null) {
      reply(SmtpStage.MAIL, SmtpReply.MUST_ISSUE_STARTTLS.toString()); // the attempt names the client that sent in clear
      return;
    }
    SmtpReply refusal = fault(SmtpStage.MAIL, null);
    if (refusal != null) {
      reply(SmtpStage.MAIL, refusal.toString());
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
      reply(SmtpStage.MAIL, "552 5.3.4 Message size exceeds fixed maximum message size (" + maxMessageBytes + " bytes)"); // RFC 1870
      return;
    }
    transaction = b;
    hasRecipient = false;
    reply(SmtpStage.MAIL, "250 2.1.0 OK");
  }

  /** A MAIL that opened no transaction ends its attempt at once: refused at MAIL. */
  private void endRefusedMail() {
    if (attempt != null && transaction == null) {
      endAttempt(null);
    }
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
        reply(SmtpStage.RCPT, "501 5.5.4 Syntax: RCPT TO:<address>");
        return;
      }
    }
    if (transaction == null) {
      reply(SmtpStage.RCPT, "503 5.5.1 MAIL first");
      return;
    }
    attempt.recipients.add(m.group(1));
    SmtpReply refusal = fault(SmtpStage.RCPT, m.group(1));
    if (refusal != null) {
      reply(SmtpStage.RCPT, refusal.toString());
      return;
    }
    transaction.recipient(m.group(1));
    hasRecipient = true;
    reply(SmtpStage.RCPT, "250 2.1.5 OK");
  }

  private void data() throws IOException {
    if (transaction == null) {
      reply(SmtpStage.DATA, "503 5.5.1 MAIL first");
      return;
    }
    if (!hasRecipient) {
      reply(SmtpStage.DATA, "503 5.5.1 RCPT first");
      return;
    }
    SmtpReply refusal = fault(SmtpStage.DATA, null);
    if (refusal != null) {
      transaction = null;
      reply(SmtpStage.DATA, refusal.toString());
      endAttempt(null);
      return;
    }
    reply(SmtpStage.DATA, "354 End data with <CR><LF>.<CR><LF>");
    CapturedMail.Builder done = transaction;
    transaction = null;
    Message message = readData();
    transcript.note("[message: " + message.size + " octets]");
    transcript.client(".");
    try {
      if (message.tooBig) {
        reply(SmtpStage.END_OF_DATA, "552 5.3.4 Message too big (" + maxMessageBytes + " bytes at most)");
        return;
      }
      refusal = fault(SmtpStage.END_OF_DATA, null);
      if (refusal != null) {
        reply(SmtpStage.END_OF_DATA, refusal.toString()); // refused: never among the captured mails
        return;
      }
      CapturedMail captured;
      try {
        byte[] bytes = message.bytes();
        message = null; // let the chunks go before the mail is parsed
        String accepted = "250 2.0.0 OK: captured";
        transcript.server(accepted); // the mail's transcript ends with the reply the client is about to read
        MessageHandover.adopt(done, bytes).receivedAt(Instant.now()).transcript(transcript.snapshot());
        captured = sink.mail(done); // before the reply: a client that saw 250 finds its mail captured
        attempt.lastReply = accepted;
        attempt.stage = SmtpStage.END_OF_DATA;
        if (captured != null) {
          endAttempt(captured);
        } else { // a sink that keeps no mail keeps no attempts either
          attempt = null;
          recordedAttempt = true;
          transcript.endTransaction();
        }
        write(accepted);
      } catch (OutOfMemoryError e) {
        reply(SmtpStage.END_OF_DATA, INSUFFICIENT_STORAGE);
      }
    } finally {
      endAttempt(null);
    }
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
        reply(null, "501 5.5.2 Cannot decode AUTH PLAIN response");
        return;
      }
      authenticatedAs = identity;
    } else if (mechanism.equals("LOGIN")) {
      String user = decode(parts.length > 1 ? parts[1] : askFor("VXNlcm5hbWU6"));
      askFor("UGFzc3dvcmQ6");
      if (user == null) {
        reply(null, "501 5.5.2 Cannot decode AUTH LOGIN response");
        return;
      }
      authenticatedAs = user;
    } else {
      reply(null, "504 5.5.4 Unrecognized authentication type");
      return;
    }
    reply(null, "235 2.7.0 Authentication successful");
  }

  private String askFor(String challenge) throws IOException {
    reply(null, "334 " + challenge);
    Line line = in.readLine(MAX_AUTH_LINE);
    if (line != null) {
      transcript.client(CREDENTIALS_NOT_KEPT);
    }
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
      reply(null, "503 5.5.1 TLS already active");
      return;
    }
    endAttempt(null);
    SSLContext context = TlsContext.get();
    reply(null, "220 2.0.0 Ready to start TLS");
    out.flush();
    useTls(context.getSocketFactory()
        .createSocket(current, current.getInetAddress().getHostAddress(), current.getPort(), true));
    transcript.note("TLS started: " + tlsProtocol);
    // RFC 3207: the client starts over with EHLO, and nothing said before counts.
    heloVerb = null;
    heloName = null;
    authenticatedAs = null;
    transaction = null;
  }

  /**
   * The JDK's text of a failed handshake, without the "(alert) " that newer JDKs put before the
   * same words (Java 25: "(certificate_unknown) Received fatal alert: certificate_unknown"), so the
   * attempt reads alike on every supported Java.
   */
  static String alertText(SSLException e) {
    String text = e.getMessage();
    return text == null ? "no reason given" : text.replaceFirst("^\\([a-z_]+\\) ", "");
  }

  /** Shakes hands as the server on {@code plain}, and reads and writes through TLS from then on. */
  private void useTls(Socket plain) throws IOException {
    SSLSocket tls = (SSLSocket) plain;
    tls.setUseClientMode(false);
    try {
      tls.startHandshake();
    } catch (SSLException e) {
      // Most often a client that verifies certificates and was not given the trust material.
      problem = "the TLS handshake failed (" + alertText(e) + "): a client that verifies the certificate needs"
          + " SmtpTls's trust material";
      transcript.note(problem);
      throw e;
    }
    current = tls;
    in = new Input(tls.getInputStream()); // what was sent in the clear after STARTTLS is dropped (RFC 3207)
    out = new BufferedOutputStream(tls.getOutputStream(), 16 * 1024);
    tlsProtocol = tls.getSession().getProtocol();
  }

  /**
   * Queues a reply, kept in the transcript; {@link Input} sends what is queued when it has no more
   * input to answer. The last line's code, at a stage, is what the attempt ended with there (a 4xx
   * or 5xx is a refusal); a {@code 421} closes the connection (RFC 5321 section 3.8).
   *
   * @param stage the stage this replies to, null for commands outside the stages (RSET, NOOP, ...)
   */
  private void reply(SmtpStage stage, String... lines) throws IOException {
    StringBuilder sb = new StringBuilder();
    String last = null;
    for (String l : lines) {
      if (l != null) {
        transcript.server(l);
        sb.append(l).append("\r\n");
        last = l;
      }
    }
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    if (stage != null && last != null) {
      Attempt a = attempt != null ? attempt : connection;
      a.stage = stage;
      a.lastReply = last;
      if ((last.charAt(0) == '4' || last.charAt(0) == '5') && a.refusal == null) {
        // The first refusal decides: a client that goes on after it gets 503s that explain nothing.
        a.refusedAt = stage;
        a.refusal = last;
      }
    }
    if (last != null && last.startsWith("421")) {
      closing = true;
    }
  }

  /** Queues a reply line already in the transcript. */
  private void write(String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The faults at {@code stage}: waits for their delay (sending what is queued first), hangs up, or
   * gives the refusal to send instead of the usual reply; null to answer as usual.
   */
  private SmtpReply fault(SmtpStage stage, String recipient) throws IOException {
    if (faults == null || faults.isEmpty()) {
      return null; // most tests inject nothing: no clock read or address lookup per command
    }
    String sender = attempt == null ? null : attempt.sender;
    FaultPlan.Action action = faults.at(stage, socket.getInetAddress().getHostAddress(), sender, recipient, Instant.now());
    if (!action.delay().isZero()) {
      out.flush();
      waitFor(action.delay());
    }
    if (action.drop()) {
      droppedAt = stage; // before the open attempt ends on the way out
      throw new Dropped(stage);
    }
    return action.refusal();
  }

  @Override
  public void setQuitting(boolean quitting) {
    super.setQuitting(quitting);
    if (quitting) {
      stopped.countDown();
    }
  }

  @Override
  public void close() {
    stopped.countDown();
    super.close();
  }

  /** Waits out an injected delay, or until the server stops this session, whichever comes first. */
  private void waitFor(Duration delay) throws IOException {
    try {
      if (!isQuitting() && !socket.isClosed()) {
        stopped.await(delay.toNanos(), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while delaying a reply", e);
    }
  }

  /** Ends the open transaction's attempt, if any, with the captured mail or without. */
  private void endAttempt(CapturedMail mail) {
    Attempt a = attempt;
    if (a == null) {
      return;
    }
    attempt = null;
    record(a, mail);
    transcript.endTransaction();
  }

  /** At the connection's end: the open attempt, or the connection itself when it recorded none. */
  private void endAttempts() {
    if (attempt != null) {
      endAttempt(null);
    } else if (!recordedAttempt) {
      record(connection, null);
    }
  }

  private void record(Attempt a, CapturedMail mail) {
    recordedAttempt = true;
    SmtpAttempt.Builder b = SmtpAttempt.builder()
        .clientAddress((InetSocketAddress) socket.getRemoteSocketAddress())
        .startedAt(a.startedAt)
        .envelopeSender(a.sender)
        .tlsProtocol(tlsProtocol)
        .problem(problem)
        .transcript(transcript.snapshot());
    a.recipients.forEach(b::recipient);
    if (mail != null) {
      b.ended(SmtpAttempt.Outcome.ACCEPTED, SmtpStage.END_OF_DATA, a.lastReply).mail(mail);
    } else if (droppedAt != null) {
      b.ended(SmtpAttempt.Outcome.DROPPED, droppedAt, null);
    } else if (a.refusal != null) {
      b.ended(SmtpAttempt.Outcome.REFUSED, a.refusedAt, a.refusal);
    } else {
      b.ended(SmtpAttempt.Outcome.ABANDONED, a.stage == null ? SmtpStage.CONNECT : a.stage, a.lastReply);
    }
    sink.attempt(b);
  }

  /** What an attempt has seen so far. */
  private static final class Attempt {
    final Instant startedAt = Instant.now();
    final List<String> recipients = new ArrayList<>();
    String sender;
    SmtpStage stage;
    String lastReply;
    SmtpStage refusedAt;
    String refusal;
  }

  /** Thrown where {@link SmtpFaults#drop(SmtpStage)} says to hang up. */
  private static final class Dropped extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient SmtpStage stage;

    Dropped(SmtpStage stage) {
      super(null, null, false, false);
      this.stage = stage;
    }
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
   * The TLS material for STARTTLS and implicit TLS, made once from this library's self-signed key
   * for localhost, 127.0.0.1 and ::1 (made with keytool, valid 2000 to 2128), so that clients that
   * check the server's name only need to trust the certificate ({@link #certificate()}).
   */
  static final class TlsContext {
    private static volatile TlsContext material;

    private final SSLContext context;
    private final X509Certificate certificate;

    private TlsContext(SSLContext context, X509Certificate certificate) {
      this.context = context;
      this.certificate = certificate;
    }

    static SSLContext get() throws IOException {
      return material().context;
    }

    /** The certificate the server presents. */
    static X509Certificate certificate() throws IOException {
      return material().certificate;
    }

    private static TlsContext material() throws IOException {
      TlsContext m = material;
      if (m == null) {
        synchronized (TlsContext.class) {
          m = material;
          if (m == null) {
            m = create();
            material = m;
          }
        }
      }
      return m;
    }

    private static TlsContext create() throws IOException {
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
        return new TlsContext(ssl, (X509Certificate) store.getCertificate(store.aliases().nextElement()));
      } catch (GeneralSecurityException e) {
        throw new IOException("cannot set up TLS for STARTTLS: " + e.getMessage(), e);
      }
    }
  }
}
