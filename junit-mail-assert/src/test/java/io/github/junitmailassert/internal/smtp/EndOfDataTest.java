package io.github.junitmailassert.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.mail.CapturedMail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only CRLF.CRLF ends DATA (RFC 5321 4.1.1.4), so a second transaction cannot hide inside the first (SMTP smuggling). */
class EndOfDataTest extends CaptureServerTestBase {


  @ParameterizedTest
  @ValueSource(strings = {"\n.\r\n", "\n.\n", "\r\n.\n"})
  void should_capture_one_whole_mail_when_a_dot_line_with_a_bare_lf_hides_a_second_transaction(String fakeEnd)
      throws IOException {
    // GIVEN a message whose text contains a fake end of data and a second transaction
    String smuggled = "MAIL FROM:<ceo@spoofed.test>\r\nRCPT TO:<x@example.com>\r\nDATA\r\n"
        + "From: ceo@spoofed.test\r\nSubject: wire the money\r\n\r\nnow\r\n";
    String text = "From: a@sample.co.jp\r\nSubject: first\r\n\r\nfirst line" + fakeEnd + smuggled;
    try (Wire wire = new Wire(server.host(), server.port())) {
      wire.reply();
      // WHEN it is sent in one DATA, ended by the one real end of data, then QUIT
      wire.write("HELO mail.sample.co.jp\r\nMAIL FROM:<a@sample.co.jp>\r\nRCPT TO:<x@example.com>\r\nDATA\r\n");
      assertThat(wire.last()).isEqualTo("250 mx.receiver.test");
      assertThat(wire.last()).isEqualTo("250 2.1.0 OK");
      assertThat(wire.last()).isEqualTo("250 2.1.5 OK");
      assertThat(wire.last()).isEqualTo("354 End data with <CR><LF>.<CR><LF>");
      wire.write(text + ".\r\nQUIT\r\n");
      // THEN one reply for one mail, captured whole and as sent
      assertThat(wire.rest()).containsExactly("250 2.0.0 OK: captured", "221 2.0.0 Bye");
    }
    CapturedMail mail = mails.single();
    assertThat(new String(mail.rawMessage(), StandardCharsets.UTF_8)).isEqualTo(text);
    assertThat(mail.envelopeSender()).isEqualTo("a@sample.co.jp");
    assertThat(mail.hasBareLineFeeds()).isTrue();
  }

  @Test
  void should_keep_lines_ended_by_a_bare_lf_as_sent_and_undo_dot_stuffing_only_after_crlf() throws IOException {
    try (Wire wire = new Wire(server.host(), server.port())) {
      wire.reply();
      wire.command("HELO mail.sample.co.jp");
      wire.command("MAIL FROM:<a@sample.co.jp>");
      wire.command("RCPT TO:<x@example.com>");
      wire.command("DATA");
      wire.write("Subject: lf\n\n.\rx\n..y\r\n..z\r\n.\rw\r\n");
      assertThat(wire.command(".")).isEqualTo("250 2.0.0 OK: captured");
    }
    CapturedMail mail = mails.single();
    assertThat(new String(mail.rawMessage(), StandardCharsets.US_ASCII)).isEqualTo("Subject: lf\n\n.\rx\n..y\r\n.z\r\n\rw\r\n");
    assertThat(mail.hasBareLineFeeds()).isTrue();
  }

  @Test
  void should_not_report_bare_line_feeds_when_every_line_ends_in_crlf() throws IOException {
    try (Wire wire = new Wire(server.host(), server.port())) {
      wire.reply();
      wire.command("HELO mail.sample.co.jp");
      wire.command("MAIL FROM:<a@sample.co.jp>");
      wire.command("RCPT TO:<x@example.com>");
      wire.command("DATA");
      wire.write("Subject: crlf\r\n\r\nline\r\nlone cr\r here\r\n");
      assertThat(wire.command(".")).isEqualTo("250 2.0.0 OK: captured");
    }
    assertThat(mails.single().hasBareLineFeeds()).isFalse();
  }
}
