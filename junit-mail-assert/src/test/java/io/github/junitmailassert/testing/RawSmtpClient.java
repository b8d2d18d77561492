package io.github.junitmailassert.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A bare SMTP client for tests: sends exactly the bytes it is given, reads replies line by line. */
public final class RawSmtpClient implements AutoCloseable {

  private final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;

  public RawSmtpClient(String host, int port) throws IOException {
    socket = new Socket(host, port);
    socket.setSoTimeout(10_000);
    in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    out = socket.getOutputStream();
    reply(); // greeting
  }

  /** Sends one command line and returns the (last line of the) reply. */
  public String command(String line) throws IOException {
    send((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    return reply();
  }

  public void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Reads one reply; for a multi-line reply, the last line. */
  public String reply() throws IOException {
    String line;
    do {
      line = in.readLine();
      if (line == null) {
        throw new IOException("connection closed");
      }
    } while (line.length() > 3 && line.charAt(3) == '-');
    return line;
  }

  /** A whole transaction: MAIL, RCPTs, DATA with {@code message} (already dot-stuffed, CRLF line ends). */
  public String sendMail(String from, String message, String... recipients) throws IOException {
    command("MAIL FROM:<" + from + ">");
    for (String r : recipients) {
      command("RCPT TO:<" + r + ">");
    }
    command("DATA");
    send(message.getBytes(StandardCharsets.UTF_8));
    return command(".");
  }

  /** Drops the connection without QUIT. */
  public void abort() throws IOException {
    socket.close();
  }

  @Override
  public void close() throws IOException {
    if (!socket.isClosed()) {
      try {
        command("QUIT");
      } catch (IOException e) {
        // the server may already have closed
      }
      socket.close();
    }
  }
}
