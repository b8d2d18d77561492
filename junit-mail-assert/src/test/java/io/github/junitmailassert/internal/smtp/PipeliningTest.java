package io.github.junitmailassert.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.mail.CapturedMail;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** RFC 2920: a client sends a group of commands in one write and the server answers the group in one write. */
class PipeliningTest extends CaptureServerTestBase {

  private static final int TRANSACTIONS = 100;


  @Test
  void should_answer_100_pipelined_transactions_in_order_and_capture_them_all() throws IOException {
    List<String> replies = new ArrayList<>();
    long started = System.nanoTime();
    try (Wire wire = new Wire(server.host(), server.port())) {
      wire.reply();
      // GIVEN the server advertises PIPELINING
      assertThat(wire.write("EHLO mail.sample.co.jp\r\n").reply()).contains("250-PIPELINING");
      // WHEN each group is the previous message's text and end, then MAIL, RCPT, RCPT, DATA (RFC 2920 section 3.1)
      wire.write(envelope(0));
      for (int i = 0; i < TRANSACTIONS; i++) {
        for (int r = 0; r < 4; r++) {
          replies.add(wire.last());
        }
        wire.write("Subject: " + i + "\r\n\r\nbody " + i + "\r\n.\r\n"
            + (i + 1 < TRANSACTIONS ? new String(envelope(i + 1), java.nio.charset.StandardCharsets.UTF_8) : "QUIT\r\n"));
        replies.add(wire.last());
      }
      replies.add(wire.last());
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    // THEN every reply is right and in order, and every mail is captured
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < TRANSACTIONS; i++) {
      expected.addAll(List.of("250 2.1.0 OK", "250 2.1.5 OK", "250 2.1.5 OK", "354 End data with <CR><LF>.<CR><LF>",
          "250 2.0.0 OK: captured"));
    }
    expected.add("221 2.0.0 Bye");
    assertThat(replies).containsExactlyElementsOf(expected);
    assertThat(mails.all()).extracting(CapturedMail::envelopeSender)
        .containsExactlyElementsOf(IntStream.range(0, TRANSACTIONS).mapToObj(i -> "s" + i + "@sample.co.jp").toList());
    assertThat(mails.all()).extracting(m -> m.subject().orElseThrow())
        .containsExactlyElementsOf(IntStream.range(0, TRANSACTIONS).mapToObj(Integer::toString).toList());
    // Nagle's algorithm against delayed ACKs cost about 40 ms per group; without it 100 groups take far less
    assertThat(took).isLessThan(Duration.ofMillis(TRANSACTIONS * 20L));
  }

  private static byte[] envelope(int i) {
    return Wire.bytes("MAIL FROM:<s" + i + "@sample.co.jp>\r\nRCPT TO:<x@example.com>\r\nRCPT TO:<y@example.com>\r\nDATA\r\n");
  }
}
