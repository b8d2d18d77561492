package io.github.junitmailassert.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.mail.CapturedMail;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Command lines are limited in octets, not characters (RFC 5321 4.5.3.1), and their bytes are kept as sent. */
class CommandLineTest extends CaptureServerTestBase {


  @Test
  void should_refuse_an_ehlo_of_multi_byte_characters_over_512_octets() throws IOException {
    try (Wire wire = new Wire(server.host(), server.port())) {
      wire.reply();
      // 5 + 3,007 x 2 + 2 = 6,021 octets, but only 3,012 characters
      assertThat(wire.command("EHLO " + "é".repeat(3_007))).isEqualTo("500 5.5.2 Line too long (512 octets at most)");
      // 512 octets with CRLF: accepted; 513: refused
      assertThat(wire.command("HELO " + "é".repeat(252) + "x")).isEqualTo("250 mx.receiver.test");
      assertThat(wire.command("HELO " + "é".repeat(253))).isEqualTo("500 5.5.2 Line too long (512 octets at most)");
      assertThat(sendOne(wire)).isEqualTo("250 2.0.0 OK: captured");
    }
    assertThat(mails.single().heloName()).contains("é".repeat(252) + "x");
  }

  @Test
  void should_refuse_a_mail_from_over_the_limit_and_stay_in_step() throws IOException {
    try (Wire wire = new Wire(server.host(), server.port())) {
      wire.reply();
      wire.command("EHLO mail.sample.co.jp");
      assertThat(wire.command("MAIL FROM:<" + "é".repeat(300_000) + "@sample.co.jp>"))
          .isEqualTo("500 5.5.2 Line too long (2048 octets at most)");
      assertThat(wire.command("RCPT TO:<x@example.com>")).isEqualTo("503 5.5.1 MAIL first");
      // a MAIL FROM with parameters over 512 octets but within 2,048 is accepted
      String envid = "x".repeat(1_500);
      assertThat(wire.command("MAIL FROM:<a@sample.co.jp> ENVID=" + envid)).isEqualTo("250 2.1.0 OK");
      assertThat(wire.command("RCPT TO:<x@example.com>")).isEqualTo("250 2.1.5 OK");
      wire.command("DATA");
      assertThat(wire.command("Subject: ok\r\n\r\nok\r\n.")).isEqualTo("250 2.0.0 OK: captured");
    }
    CapturedMail mail = mails.single();
    assertThat(mail.mailFromParameters()).containsEntry("ENVID", "x".repeat(1_500));
  }

  @Test
  void should_keep_8bit_command_bytes_as_sent_utf8_decoded_and_others_one_char_per_byte() throws IOException {
    try (Wire wire = new Wire(server.host(), server.port())) {
      wire.reply();
      ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
      latin1.writeBytes("EHLO h".getBytes(StandardCharsets.US_ASCII));
      latin1.write(0xE9);
      latin1.writeBytes("st\r\n".getBytes(StandardCharsets.US_ASCII));
      wire.write(latin1.toByteArray());
      assertThat(wire.last()).isEqualTo("250 AUTH PLAIN LOGIN");
      assertThat(sendOne(wire)).isEqualTo("250 2.0.0 OK: captured");
      wire.command("EHLO hést.example"); // UTF-8
      assertThat(wire.command("MAIL FROM:<jos\u00E9@b\u00FCcher.example> SMTPUTF8")).isEqualTo("250 2.1.0 OK");
      wire.command("RCPT TO:<x@example.com>");
      wire.command("DATA");
      assertThat(wire.command("Subject: ok\r\n\r\nok\r\n.")).isEqualTo("250 2.0.0 OK: captured");
    }
    assertThat(mails.await(2)).extracting(m -> m.heloName().orElseThrow()).containsExactly("h\u00E9st", "hést.example");
    assertThat(mails.all().get(1).envelopeSender()).isEqualTo("jos\u00E9@b\u00FCcher.example");
  }

  private static String sendOne(Wire wire) throws IOException {
    wire.command("MAIL FROM:<a@sample.co.jp>");
    wire.command("RCPT TO:<x@example.com>");
    wire.command("DATA");
    return wire.command("Subject: ok\r\n\r\nok\r\n.");
  }
}
