package io.github.junitmailassert.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal SMTP client on loopback, so the figures measure the server and not a mail library.
 * Every read has a timeout: a server that stalls ends the figure with an error, not a hang.
 */
final class SmtpClient implements AutoCloseable {

  private static final int READ_TIMEOUT_MILLIS = 10_000;

  private final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;

  SmtpClient(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    socket.setTcpNoDelay(true);
    in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    out = socket.getOutputStream();
    reply();
  }

  /** One small transaction, a command at a time. */
  void mail(int i) throws IOException {
    command("MAIL FROM:<app@sample.co.jp>");
    command("RCPT TO:<user" + i + "@example.com>");
    command("DATA");
    out.write(message(i));
    out.flush();
    reply();
  }

  /** The message of {@link #mail(int)}, with its final dot. */
  static byte[] message(int i) {
    return ("From: Shop <shop@sample.co.jp>\r\nTo: user" + i + "@example.com\r\nMessage-ID: <" + i
        + "@sample.co.jp>\r\nSubject: order " + i + "\r\n\r\nThank you for your order.\r\n.\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@code count} transactions pipelined as RFC 2920 allows: MAIL, RCPT and DATA in one group,
   * then the message, its end and the next group in one write; replies are read per group.
   */
  void pipelined(int count) throws IOException {
    byte[] previous = new byte[0];
    for (int i = 0; i < count; i++) {
      byte[] group = ("MAIL FROM:<app@sample.co.jp>\r\nRCPT TO:<user" + i + "@example.com>\r\nDATA\r\n")
          .getBytes(StandardCharsets.US_ASCII);
      byte[] write = Arrays.copyOf(previous, previous.length + group.length);
      System.arraycopy(group, 0, write, previous.length, group.length);
      out.write(write);
      out.flush();
      if (i > 0) {
        reply(); // the end of the previous message
      }
      reply();
      reply();
      reply();
      previous = message(i);
    }
    out.write(previous);
    out.flush();
    reply();
  }

  void raw(String message) throws IOException {
    command("MAIL FROM:<app@sample.co.jp>");
    command("RCPT TO:<user@example.com>");
    command("DATA");
    out.write(message.getBytes(StandardCharsets.UTF_8));
    out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    reply();
  }

  /** Sends a command and returns its (last) reply line. */
  String command(String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    return reply();
  }

  private String reply() throws IOException {
    String line;
    do {
      line = in.readLine();
      if (line == null) {
        throw new IOException("server closed the connection");
      }
    } while (line.length() > 3 && line.charAt(3) == '-');
    if (line.charAt(0) != '2' && line.charAt(0) != '3') {
      throw new IOException("server refused: " + line);
    }
    return line;
  }

  @Override
  public void close() throws IOException {
    try {
      command("QUIT");
    } finally {
      socket.close();
    }
  }
}
