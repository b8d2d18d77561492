package io.github.junitmailassert.it.modulepath;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** The module's own sender: plain SMTP over a socket, one message. */
public final class PlainSmtpSender {

  private PlainSmtpSender() {}

  /** Sends {@code message} from {@code sender} to {@code recipient} through {@code host}:{@code port}. */
  public static void send(String host, int port, String sender, String recipient, String message) throws IOException {
    try (Socket socket = new Socket(host, port)) {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = socket.getOutputStream();
      expect(in, "220");
      for (String[] step : new String[][] {{"EHLO mail.sample.co.jp", "250"}, {"MAIL FROM:<" + sender + ">", "250"},
          {"RCPT TO:<" + recipient + ">", "250"}, {"DATA", "354"}}) {
        out.write((step[0] + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, step[1]);
      }
      out.write((message + "\r\n.\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      expect(in, "250");
      out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
  }

  private static void expect(BufferedReader in, String code) throws IOException {
    String line;
    do {
      line = in.readLine();
      if (line == null || !line.startsWith(code)) {
        throw new IOException("expected " + code + ", got " + line);
      }
    } while (line.charAt(3) == '-');
  }
}
