package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.MailAddress;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.testing.Send;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.Charset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Subject, decoded headers, addresses and bodies of mails that Jakarta Mail (Angus) sent through the
 * capture server: Japanese in ISO-2022-JP and Shift_JIS, multipart/alternative text and HTML.
 */
@MailDeliverability(domain = "sample.co.jp")
class CapturedMailAssert_content_Test {

  private static final String RESET_TEXT = "パスワードを再設定するには次のリンクを開いてください。\n"
      + "https://sample.co.jp/reset/abc123\n";
  private static final String JAPANESE_MAIL =
      "mail #1 from <no-reply@sample.co.jp> to [user@example.com, support@sample.co.jp] \"パスワードの再設定\"";

  /** An RFC 2047 B-encoded word, computed here so that the test states what the mail carries. */
  static String encodedWord(String text, String charset) {
    return "=?" + charset + "?B?" + Base64.getEncoder().encodeToString(text.getBytes(Charset.forName(charset))) + "?=";
  }

  /** What a Japanese web application sends: ISO-2022-JP subject, display name and body (RFC 1468). */
  private static CapturedMail japaneseMail(SmtpEndpoint smtp, CapturedMails mails) {
    Send.message(smtp, "no-reply@sample.co.jp", m -> {
      m.setFrom(new InternetAddress("shop@sample.co.jp", "サンプル商店", "ISO-2022-JP"));
      m.setRecipients(RecipientType.TO, new InternetAddress[] {new InternetAddress("user@example.com", "山田 太郎", "UTF-8")});
      m.setRecipients(RecipientType.CC, "support@sample.co.jp");
      m.setReplyTo(new InternetAddress[] {new InternetAddress("support@sample.co.jp", "サポート", "UTF-8")});
      m.setHeader("Subject", encodedWord("パスワードの再設定", "ISO-2022-JP"));
      m.setHeader("X-Campaign", encodedWord("冬のセール", "UTF-8"));
      m.setText(RESET_TEXT, "ISO-2022-JP");
    });
    return mails.single();
  }

  @Test
  void should_pass_when_the_decoded_subject_addresses_and_iso_2022_jp_body_match(SmtpEndpoint smtp, CapturedMails mails) {
    // GIVEN a mail in ISO-2022-JP, as written on the wire
    CapturedMail mail = japaneseMail(smtp, mails);
    org.assertj.core.api.Assertions.assertThat(mail.header("Content-Type")).hasValue("text/plain; charset=ISO-2022-JP");
    org.assertj.core.api.Assertions.assertThat(mail.header("Subject")).hasValue(encodedWord("パスワードの再設定", "ISO-2022-JP"));
    // THEN the assertions read it as a mail client shows it
    assertThat(mail)
        .hasSubject("パスワードの再設定")
        .hasHeader("Subject", encodedWord("パスワードの再設定", "ISO-2022-JP"))
        .hasDecodedHeader("Subject", "パスワードの再設定")
        .hasDecodedHeader("X-Campaign", "冬のセール")
        .hasFrom("shop@sample.co.jp")
        .hasFrom("SHOP@Sample.co.jp")
        .hasFromDisplayName("サンプル商店")
        .hasTo("user@example.com")
        .hasCc("support@sample.co.jp")
        .hasReplyTo("support@sample.co.jp")
        .hasTextBodyContaining("次のリンクを開いて")
        .hasTextBodyMatching("https://sample\\.co\\.jp/reset/[a-z0-9]+");
    assertThat(mail).addresses("To").containsExactly(new MailAddress("user@example.com", "山田 太郎"));
    assertThat(mail).addresses("Reply-To").extracting(MailAddress::displayName).containsExactly("サポート");
    assertThat(mail).addresses("Bcc").isEmpty();
    assertThat(mail).textBody().isEqualTo(RESET_TEXT);
  }

  @Test
  void should_fail_with_the_decoded_subject_and_the_subject_as_written(SmtpEndpoint smtp, CapturedMails mails) {
    CapturedMail mail = japaneseMail(smtp, mails);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasSubject("パスワードの変更"))
        .withMessage(String.format("%nExpecting the subject of%n  %s%nto be:%n  \"パスワードの変更\"%nbut was:%n"
            + "  \"パスワードの再設定\"%nas written:%n  \"%s\"", JAPANESE_MAIL, encodedWord("パスワードの再設定", "ISO-2022-JP")));
  }

  @Test
  void should_fail_without_a_subject(SmtpEndpoint smtp, CapturedMails mails) {
    Send.message(smtp, "no-reply@sample.co.jp", m -> {
      m.setFrom("shop@sample.co.jp");
      m.setRecipients(RecipientType.TO, "user@example.com");
      m.setText("x");
    });
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mails.single()).hasSubject("Welcome"))
        .withMessage(String.format("%nExpecting the subject of%n  mail #1 from <no-reply@sample.co.jp> to"
            + " [user@example.com]%nto be:%n  \"Welcome\"%nbut the mail has no Subject header field"));
  }

  @Test
  void should_say_that_has_header_compares_as_written_when_the_decoded_value_matches(SmtpEndpoint smtp,
      CapturedMails mails) {
    CapturedMail mail = japaneseMail(smtp, mails);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasHeader("Subject", "パスワードの再設定"))
        .withMessage(String.format("%nExpecting the Subject header field of%n  %s%nto be:%n  \"パスワードの再設定\"%n"
            + "but found: \"%s\"%n"
            + "hasHeader compares the field as written; decoded (RFC 2047) it matches: assert"
            + " hasDecodedHeader(\"Subject\", ...) or hasSubject(...) instead",
            JAPANESE_MAIL, encodedWord("パスワードの再設定", "ISO-2022-JP")));
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasHeader("X-Campaign", "冬のセール"))
        .withMessage(String.format("%nExpecting the X-Campaign header field of%n  %s%nto be:%n  \"冬のセール\"%n"
            + "but found: \"%s\"%n"
            + "hasHeader compares the field as written; decoded (RFC 2047) it matches: assert"
            + " hasDecodedHeader(\"X-Campaign\", ...) instead", JAPANESE_MAIL, encodedWord("冬のセール", "UTF-8")));
  }

  @Test
  void should_fail_a_decoded_header_showing_the_decoded_values(SmtpEndpoint smtp, CapturedMails mails) {
    CapturedMail mail = japaneseMail(smtp, mails);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasDecodedHeader("X-Campaign", "夏のセール"))
        .withMessage(String.format("%nExpecting the X-Campaign header field of%n  %s%nto be, decoded (RFC 2047):%n"
            + "  \"夏のセール\"%nbut found: \"冬のセール\"", JAPANESE_MAIL));
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasDecodedHeader("X-Mailer", "App"))
        .withMessage(String.format("%nExpecting the X-Mailer header field of%n  %s%nto be, decoded (RFC 2047):%n"
            + "  \"App\"%nbut there is none", JAPANESE_MAIL));
  }

  @Test
  void should_fail_the_from_address_and_display_name_showing_them_decoded(SmtpEndpoint smtp, CapturedMails mails) {
    CapturedMail mail = japaneseMail(smtp, mails);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasFrom("no-reply@sample.co.jp"))
        .withMessage(String.format("%nExpecting the From address of%n  %s%nto be:%n  \"no-reply@sample.co.jp\"%n"
            + "but the From address is:%n  \"サンプル商店\" <shop@sample.co.jp>", JAPANESE_MAIL));
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasFromDisplayName("Sample Shop"))
        .withMessage(String.format("%nExpecting the display name of the From address of%n  %s%nto be:%n"
            + "  \"Sample Shop\"%nbut the From address is:%n  \"サンプル商店\" <shop@sample.co.jp>", JAPANESE_MAIL));
  }

  @Test
  void should_fail_the_to_cc_and_reply_to_addresses_showing_display_names(SmtpEndpoint smtp, CapturedMails mails) {
    CapturedMail mail = japaneseMail(smtp, mails);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasTo("user@example.com", "other@example.net"))
        .withMessage(String.format("%nExpecting the To addresses of%n  %s%nto be exactly:%n"
            + "  [\"user@example.com\", \"other@example.net\"]%nbut were:%n  [\"山田 太郎\" <user@example.com>]", JAPANESE_MAIL));
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasCc())
        .withMessage(String.format("%nExpecting the Cc addresses of%n  %s%nto be exactly:%n  []%nbut were:%n"
            + "  [support@sample.co.jp]", JAPANESE_MAIL));
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasReplyTo("no-reply@sample.co.jp"))
        .withMessage(String.format("%nExpecting the Reply-To addresses of%n  %s%nto be exactly:%n"
            + "  [\"no-reply@sample.co.jp\"]%nbut were:%n  [\"サポート\" <support@sample.co.jp>]", JAPANESE_MAIL));
  }

  @Test
  void should_fail_the_text_body_showing_it_decoded(SmtpEndpoint smtp, CapturedMails mails) {
    CapturedMail mail = japaneseMail(smtp, mails);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasTextBodyContaining("http://localhost:8080/reset/"))
        .withMessage(String.format("%nExpecting the text body of%n  %s%nto contain:%n  \"http://localhost:8080/reset/\"%n"
            + "but was:%n  \"%s\"", JAPANESE_MAIL, RESET_TEXT));
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasTextBodyMatching("/reset/[A-Z]{8}"))
        .withMessage(String.format("%nExpecting the text body of%n  %s%nto contain a match for the regular expression:%n"
            + "  \"/reset/[A-Z]{8}\"%nbut was:%n  \"%s\"", JAPANESE_MAIL, RESET_TEXT));
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).textBody().doesNotContain("reset"))
        .withMessageStartingWith(String.format("[the text body of %s] %nExpecting actual:%n  \"%s\"%nnot to contain:%n"
            + "  \"reset\"", JAPANESE_MAIL, RESET_TEXT));
  }

  @Test
  void should_fail_for_a_missing_html_body_listing_the_parts(SmtpEndpoint smtp, CapturedMails mails) {
    CapturedMail mail = japaneseMail(smtp, mails);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasHtmlBodyContaining("<a href="))
        .withMessage(String.format("%nExpecting%n  %s%nto have an HTML body (a text/html part that is not an attachment)"
            + " but it has none; its MIME parts are:%n  text/plain; charset=ISO-2022-JP", JAPANESE_MAIL));
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).htmlBody())
        .withMessage(String.format("%nExpecting%n  %s%nto have an HTML body (a text/html part that is not an attachment)"
            + " but it has none; its MIME parts are:%n  text/plain; charset=ISO-2022-JP", JAPANESE_MAIL));
  }

  @Test
  void should_decode_a_shift_jis_body_and_subject(SmtpEndpoint smtp, CapturedMails mails) {
    String text = "ご注文ありがとうございます。\n注文番号: A-1001\n";
    Send.message(smtp, "no-reply@sample.co.jp", m -> {
      m.setFrom("shop@sample.co.jp");
      m.setRecipients(RecipientType.TO, "user@example.com");
      m.setSubject("ご注文の確認", "Shift_JIS");
      m.setText(text, "Shift_JIS");
    });
    CapturedMail mail = mails.single();
    org.assertj.core.api.Assertions.assertThat(mail.header("Content-Type")).hasValue("text/plain; charset=Shift_JIS");
    org.assertj.core.api.Assertions.assertThat(mail.header("Content-Transfer-Encoding")).hasValue("base64");
    assertThat(mail).hasSubject("ご注文の確認").hasTextBodyContaining("注文番号: A-1001").textBody().isEqualTo(text);
  }

  @Test
  void should_pick_the_text_and_html_alternatives(SmtpEndpoint smtp, CapturedMails mails) {
    String text = "ご注文ありがとうございます。\nhttps://sample.co.jp/orders/A-1001\n";
    String html = "<p>ご注文ありがとうございます。</p><p><a href=\"https://sample.co.jp/orders/A-1001\">注文を見る</a></p>";
    Send.message(smtp, "no-reply@sample.co.jp", m -> {
      m.setFrom("shop@sample.co.jp");
      m.setRecipients(RecipientType.TO, "user@example.com");
      m.setSubject("ご注文", "UTF-8");
      MimeMultipart alternative = new MimeMultipart("alternative");
      MimeBodyPart plain = new MimeBodyPart();
      plain.setText(text, "UTF-8");
      MimeBodyPart rich = new MimeBodyPart();
      rich.setContent(html, "text/html; charset=UTF-8");
      alternative.addBodyPart(plain);
      alternative.addBodyPart(rich);
      m.setContent(alternative);
    });
    CapturedMail mail = mails.single();
    assertThat(mail)
        .hasTextBodyContaining("https://sample.co.jp/orders/A-1001")
        .hasHtmlBodyContaining("<a href=\"https://sample.co.jp/orders/A-1001\">")
        .hasHtmlBodyMatching("href=\"https://sample\\.co\\.jp/orders/[A-Z0-9-]+\"");
    assertThat(mail).textBody().isEqualTo(text);
    assertThat(mail).htmlBody().isEqualTo(html);
    String shown = "mail #1 from <no-reply@sample.co.jp> to [user@example.com] \"ご注文\"";
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasHtmlBodyContaining("http://localhost"))
        .withMessage(String.format("%nExpecting the HTML body of%n  %s%nto contain:%n  \"http://localhost\"%n"
            + "but was:%n  \"%s\"", shown, html));
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasHtmlBodyMatching("href=\"http://"))
        .withMessage(String.format("%nExpecting the HTML body of%n  %s%nto contain a match for the regular expression:%n"
            + "  \"href=\"http://\"%nbut was:%n  \"%s\"", shown, html));
  }

  @Test
  void should_fail_for_a_missing_text_body_of_an_html_only_mail(SmtpEndpoint smtp, CapturedMails mails) {
    Send.message(smtp, "no-reply@sample.co.jp", m -> {
      m.setFrom("shop@sample.co.jp");
      m.setRecipients(RecipientType.TO, "user@example.com");
      m.setSubject("News");
      MimeMultipart alternative = new MimeMultipart("alternative");
      MimeBodyPart rich = new MimeBodyPart();
      rich.setContent("<p>News</p>", "text/html; charset=UTF-8");
      alternative.addBodyPart(rich);
      m.setContent(alternative);
    });
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mails.single()).hasTextBodyContaining("News"))
        .withMessage(String.format("%nExpecting%n  mail #1 from <no-reply@sample.co.jp> to [user@example.com] \"News\"%n"
            + "to have a text body (a text/plain part that is not an attachment) but it has none; its MIME parts are:%n"
            + "  multipart/alternative%n    text/html; charset=UTF-8"));
  }
}
