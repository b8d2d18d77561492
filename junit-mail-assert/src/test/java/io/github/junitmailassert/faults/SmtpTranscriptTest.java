package io.github.junitmailassert.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.mail.SmtpTranscript;
import io.github.junitmailassert.mail.SmtpTranscript.Line;
import io.github.junitmailassert.testing.RawSmtpClient;
import io.github.junitmailassert.testing.Send;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each captured mail's transcript, from real clients: every command and reply, the message elided, bounded. */
@MailDeliverability(receivingHost = "mx.receiver.test")
class SmtpTranscriptTest {

  @Test
  void should_keep_every_command_and_reply_of_an_angus_transaction_with_the_message_elided(SmtpEndpoint smtp,
      CapturedMails mails) {
    Send.mail(smtp, "no-reply@sample.co.jp", "user@example.com", "Hello");
    CapturedMail mail = mails.single();
    SmtpTranscript transcript = mail.transcript();
    assertThat(shown(transcript)).containsExactly(
        "S: 220 mx.receiver.test ESMTP junit-mail-assert capture server ready",
        "C: EHLO mail.sample.co.jp",
        "S: 250-mx.receiver.test greets mail.sample.co.jp",
        "S: 250-8BITMIME",
        "S: 250-SMTPUTF8",
        "S: 250-PIPELINING",
        "S: 250-SIZE 67108864",
        "S: 250-ENHANCEDSTATUSCODES",
        "S: 250-STARTTLS",
        "S: 250 AUTH PLAIN LOGIN",
        "C: MAIL FROM:<no-reply@sample.co.jp>",
        "S: 250 2.1.0 OK",
        "C: RCPT TO:<user@example.com>",
        "S: 250 2.1.5 OK",
        "C: DATA",
        "S: 354 End data with <CR><LF>.<CR><LF>",
        "-- [message: " + mail.size() + " octets]",
        "C: .",
        "S: 250 2.0.0 OK: captured");
    List<Duration> times = transcript.lines().stream().map(Line::sinceConnect).collect(Collectors.toList());
    assertThat(times).isSorted();
    assertThat(transcript.connectedAt()).isBeforeOrEqualTo(mail.receivedAt());
    assertThat(transcript.command("mail")).map(Line::text).hasValue("MAIL FROM:<no-reply@sample.co.jp>");
    assertThat(transcript.lastReply()).map(Line::text).hasValue("250 2.0.0 OK: captured");
    assertThat(transcript.toString()).contains(" C: MAIL FROM:<no-reply@sample.co.jp>").contains(" ms S: 220 ");
  }

  @Test
  void should_keep_each_transaction_of_a_connection_apart_and_never_the_credentials(SmtpEndpoint smtp,
      CapturedMails mails) throws IOException {
    String plain = Base64.getEncoder().encodeToString("\0app\0s3cret".getBytes(StandardCharsets.UTF_8));
    try (RawSmtpClient client = new RawSmtpClient(smtp.host(), smtp.port())) {
      client.command("EHLO mail.sample.co.jp");
      client.command("AUTH PLAIN " + plain);
      client.command("AUTH LOGIN");
      client.command(Base64.getEncoder().encodeToString("app".getBytes(StandardCharsets.UTF_8)));
      client.command(Base64.getEncoder().encodeToString("s3cret".getBytes(StandardCharsets.UTF_8)));
      client.sendMail("first@sample.co.jp", "Subject: 1\r\n\r\none\r\n", "user@example.com");
      client.command("NOOP");
      client.sendMail("second@sample.co.jp", "Subject: 2\r\n\r\ntwo\r\n", "user@example.com");
    }
    List<String> second = shown(mails.await(2).get(1).transcript());
    assertThat(second.subList(10, second.size())).containsExactly(
        "C: AUTH PLAIN [credentials not kept]",
        "S: 235 2.7.0 Authentication successful",
        "C: AUTH LOGIN",
        "S: 334 VXNlcm5hbWU6",
        "C: [credentials not kept]",
        "S: 334 UGFzc3dvcmQ6",
        "C: [credentials not kept]",
        "S: 235 2.7.0 Authentication successful",
        "C: NOOP", // between the transactions: the session's, so it stays
        "S: 250 2.0.0 OK",
        "C: MAIL FROM:<second@sample.co.jp>",
        "S: 250 2.1.0 OK",
        "C: RCPT TO:<user@example.com>",
        "S: 250 2.1.5 OK",
        "C: DATA",
        "S: 354 End data with <CR><LF>.<CR><LF>",
        "-- [message: 19 octets]",
        "C: .",
        "S: 250 2.0.0 OK: captured");
    assertThat(String.join("\n", second)).doesNotContain(plain).doesNotContain("first@sample.co.jp");
  }

  @Test
  void should_bound_the_transcript_of_a_hostile_client(SmtpEndpoint smtp, CapturedMails mails) throws IOException {
    try (RawSmtpClient client = new RawSmtpClient(smtp.host(), smtp.port())) {
      client.command("EHLO mail.sample.co.jp\u001b[2J");
      client.command("MAIL FROM:<a@sample.co.jp> X-LONG=" + "x".repeat(1_500));
      for (int i = 0; i < 1_000; i++) {
        client.command("RCPT TO:<user" + i + "@example.com>");
      }
      client.command("DATA");
      client.send("Subject: many\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII));
      client.command(".");
    }
    List<String> lines = shown(mails.single().transcript());
    // the session's 10 lines, then the transaction's first 40 and last 20 with a note between
    assertThat(lines).hasSize(10 + SmtpTranscript.MAX_LINES + 1);
    assertThat(lines.get(1)).isEqualTo("C: EHLO mail.sample.co.jp?[2J");
    assertThat(lines.get(10)).isEqualTo("C: MAIL FROM:<a@sample.co.jp> X-LONG=" + "x".repeat(512 - 34)
        + "... (1534 characters)");
    assertThat(lines.get(10 + 40)).isEqualTo("-- [1947 lines not kept]");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("S: 250 2.0.0 OK: captured");
  }

  private static List<String> shown(SmtpTranscript transcript) {
    return transcript.lines().stream().map(Line::toString).collect(Collectors.toList());
  }
}
