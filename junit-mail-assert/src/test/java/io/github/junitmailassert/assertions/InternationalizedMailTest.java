package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.testing.Send;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Internationalized mail (RFC 6531, RFC 6532) as Jakarta Mail (Angus) sends it with
 * {@code mail.mime.allowutf8=true}: {@code MAIL FROM:<ユーザー@例え.jp> SMTPUTF8} and raw UTF-8 headers.
 */
@MailDeliverability
class InternationalizedMailTest {

  private static final String MAIL = "mail #1 from <ユーザー@例え.jp> to [受信者@example.com] \"パスワードの再設定\"";

  private static CapturedMail utf8Mail(SmtpEndpoint smtp, CapturedMails mails) {
    Send.message(smtp, "ユーザー@例え.jp", m -> {
      m.setFrom(new InternetAddress("\"山田\" <ユーザー@例え.jp>"));
      m.setRecipients(RecipientType.TO, "受信者@example.com");
      m.setHeader("Subject", "パスワードの再設定"); // raw UTF-8, as allowutf8 writes it
      m.setText("本文です。", "UTF-8");
    }, "mail.mime.allowutf8", "true");
    return mails.single();
  }

  @Test
  void should_capture_the_smtputf8_envelope_and_utf8_headers(SmtpEndpoint smtp, CapturedMails mails) throws Exception {
    CapturedMail mail = utf8Mail(smtp, mails);
    // The envelope as sent: SMTPUTF8 declared, UTF-8 addresses kept.
    Assertions.assertThat(mail.mailFromParameters()).containsEntry("SMTPUTF8", "");
    Assertions.assertThat(mail.usesSmtpUtf8()).isTrue();
    Assertions.assertThat(new String(mail.rawMessage(), StandardCharsets.UTF_8))
        .contains("\r\nSubject: パスワードの再設定\r\n").contains("From: \"山田\" <ユーザー@例え.jp>\r\n");
    assertThat(mail)
        .hasEnvelopeSender("ユーザー@例え.jp")
        .hasRecipients("受信者@example.com")
        .hasSubject("パスワードの再設定")
        .hasHeader("Subject", "パスワードの再設定")
        .hasFrom("ユーザー@例え.jp")
        .hasFrom("ユーザー@" + IDN.toASCII("例え.jp"))
        .hasFromDisplayName("山田")
        .hasTo("受信者@example.com")
        .hasTextBodyContaining("本文です。")
        .hasValidHeaderFormat();
    // A MimeMessage of its own reads the UTF-8 header too.
    MimeMessage message = mail.mimeMessage();
    Assertions.assertThat(message.getSubject()).isEqualTo("パスワードの再設定");
    Assertions.assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("ユーザー@例え.jp");
  }

  @Test
  void should_fail_showing_the_utf8_from_address(SmtpEndpoint smtp, CapturedMails mails) {
    CapturedMail mail = utf8Mail(smtp, mails);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasFrom("user@例え.jp"))
        .withMessage(String.format("%nExpecting the From address of%n  %s%nto be:%n  \"user@例え.jp\"%n"
            + "but the From address is:%n  \"山田\" <ユーザー@例え.jp>", MAIL));
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasSubject("パスワード"))
        .withMessage(String.format("%nExpecting the subject of%n  %s%nto be:%n  \"パスワード\"%nbut was:%n"
            + "  \"パスワードの再設定\"", MAIL));
  }
}
