package io.github.junitmailassert.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A message the heap cannot hold gets 452, one over the limit 552; every client gets a reply. */
class LargeMessageTest {

  private static final String CAPTURED = "250 2.0.0 OK: captured";
  private static final String INSUFFICIENT_STORAGE =
      "452 4.3.1 Insufficient system storage: the capture server's heap cannot hold this message now";
  private static final int MIB = 1024 * 1024;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void should_answer_every_client_with_250_or_452_when_concurrent_large_mails_exceed_the_heap() throws Exception {
    // GIVEN a capture server in a JVM with a 128 MiB heap that keeps every mail it captures
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
        "-cp", classPath(), SmallHeapCaptureServer.class.getName(), Integer.toString(64 * MIB))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    ExecutorService clients = Executors.newFixedThreadPool(3);
    try {
      int port = Integer.parseInt(
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII)).readLine().trim());
      // WHEN three clients send a 45 MiB mail each at once
      List<Future<String>> replies = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        int n = i;
        replies.add(clients.submit(() -> sendLarge(port, "big" + n + "@sample.co.jp", 45 * MIB)));
      }
      // THEN each gets a reply: captured, or 452 for what the heap cannot hold, never a dropped connection
      List<String> got = new ArrayList<>();
      for (Future<String> r : replies) {
        got.add(r.get(100, TimeUnit.SECONDS));
      }
      assertThat(got).allMatch(r -> r.equals(CAPTURED) || r.equals(INSUFFICIENT_STORAGE), "250 or 452 4.3.1")
          .contains(INSUFFICIENT_STORAGE);
      // AND the server still captures a small mail afterwards
      try (Wire wire = new Wire("127.0.0.1", port)) {
        wire.reply();
        wire.command("HELO mail.sample.co.jp");
        wire.command("MAIL FROM:<small@sample.co.jp>");
        wire.command("RCPT TO:<x@example.com>");
        wire.command("DATA");
        assertThat(wire.command("Subject: small\r\n\r\nok\r\n.")).isEqualTo(CAPTURED);
      }
    } finally {
      clients.shutdownNow();
      child.getOutputStream().close();
      if (!child.waitFor(10, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
  }

  @Test
  void should_refuse_a_declared_size_over_the_limit_at_mail_from_and_an_undeclared_one_after_data() throws IOException {
    CapturedMails mails = new CapturedMails();
    try (CaptureSmtpServer server = CaptureSmtpServer.start(InetAddress.getLoopbackAddress(), "mx.receiver.test",
            b -> mails.add(b.sequence(1).build()), 1000);
        Wire wire = new Wire(server.host(), server.port())) {
      wire.reply();
      assertThat(wire.write("EHLO mail.sample.co.jp\r\n").reply()).contains("250-SIZE 1000");
      assertThat(wire.command("MAIL FROM:<big@sample.co.jp> SIZE=1001"))
          .isEqualTo("552 5.3.4 Message size exceeds fixed maximum message size (1000 bytes)");
      assertThat(wire.command("MAIL FROM:<big@sample.co.jp> SIZE=1000")).isEqualTo("250 2.1.0 OK");
      wire.command("RCPT TO:<x@example.com>");
      wire.command("DATA");
      assertThat(wire.command("Subject: big\r\n\r\n" + "x".repeat(1_000) + "\r\n.")).isEqualTo("552 5.3.4 Message too big (1000 bytes at most)");
      assertThat(wire.command("MAIL FROM:<exact@sample.co.jp>")).isEqualTo("250 2.1.0 OK");
      wire.command("RCPT TO:<x@example.com>");
      wire.command("DATA");
      String exact = "Subject: exact\r\n\r\n" + "y".repeat(1_000 - 18 - 2) + "\r\n";
      assertThat(wire.command(exact + ".")).isEqualTo(CAPTURED);
    }
    CapturedMail mail = mails.single();
    assertThat(mail.size()).isEqualTo(1000);
    assertThat(new String(mail.rawMessage(), StandardCharsets.US_ASCII)).isEqualTo("Subject: exact\r\n\r\n" + "y".repeat(980) + "\r\n");
  }

  private static String sendLarge(int port, String from, int size) throws IOException {
    byte[] line = ("x".repeat(998) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] block = new byte[line.length * 1024];
    for (int i = 0; i < block.length; i += line.length) {
      System.arraycopy(line, 0, block, i, line.length);
    }
    try (Wire wire = new Wire("127.0.0.1", port)) {
      wire.reply();
      wire.command("HELO mail.sample.co.jp");
      wire.command("MAIL FROM:<" + from + ">");
      wire.command("RCPT TO:<x@example.com>");
      wire.command("DATA");
      wire.write("Subject: big\r\n\r\n");
      for (int sent = 0; sent < size; sent += block.length) {
        wire.write(block);
      }
      return wire.command(".");
    }
  }

  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    String path = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    return String.join(File.pathSeparator, Arrays.asList(path.split(File.pathSeparator)));
  }
}
