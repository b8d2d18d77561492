package io.github.junitmailassert.internal.smtp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A raw SMTP connection for these tests: writes exactly the bytes given, reads replies as ISO-8859-1 lines. */
final class Wire implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  Wire(String host, int port) throws IOException {
    this(new Socket(host, port));
    socket.setSoTimeout(20_000);
  }

  Wire(Socket connected) throws IOException {
    socket = connected;
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Writes in one call, so the server sees it as one pipelined group. */
  Wire write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  Wire write(String text) throws IOException {
    return write(bytes(text));
  }

  /** One reply line; null when the server closed the connection. */
  String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  /** One whole reply, all its lines. */
  List<String> reply() throws IOException {
    List<String> lines = new ArrayList<>();
    String l;
    do {
      l = line();
      if (l == null) {
        throw new IOException("connection closed after " + lines);
      }
      lines.add(l);
    } while (l.length() > 3 && l.charAt(3) == '-');
    return lines;
  }

  /** The last line of the next reply. */
  String last() throws IOException {
    List<String> r = reply();
    return r.get(r.size() - 1);
  }

  /** Sends a command line and returns the last line of its reply. */
  String command(String line) throws IOException {
    write(line + "\r\n");
    return last();
  }

  /** Every reply line until the server closes the connection. */
  List<String> rest() throws IOException {
    List<String> lines = new ArrayList<>();
    for (String l = line(); l != null; l = line()) {
      lines.add(l);
    }
    return lines;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
