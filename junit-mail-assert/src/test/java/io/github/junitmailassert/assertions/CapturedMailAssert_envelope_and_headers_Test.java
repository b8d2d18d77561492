package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.testing.Mails;
import org.junit.jupiter.api.Test;

/** The small envelope and header assertions; each pair shows the pass and the exact failure. */
class CapturedMailAssert_envelope_and_headers_Test {

  private final CapturedMail clean = Mails.clean();
  private final String cleanMail = "mail #2 from <no-reply@sample.co.jp> to [user@example.com, other@example.net] \"ご注文\"";

  @Test
  void should_pass_when_the_envelope_and_headers_match() {
    assertThat(clean)
        .hasEnvelopeSender("No-Reply@sample.co.jp")
        .hasReturnPath("<no-reply@sample.co.jp>")
        .hasHeloName("mail.sample.co.jp")
        .hasRecipients("user@example.com", "other@example.net")
        .hasRecipient("OTHER@example.net")
        .hasHeader("Message-ID")
        .hasHeader("To", "user@example.com, other@example.net")
        .doesNotHaveHeader("X-Authentication-Warning")
        .hasFromDomain("sample.co.jp")
        .hasMessageIdDomain("sample.co.jp");
  }

  @Test
  void should_fail_when_the_helo_name_differs() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(clean).hasHeloName("smtp.sample.co.jp"))
        .withMessage(String.format("%nExpecting the HELO/EHLO name of%n  %s%nto be:%n  \"smtp.sample.co.jp\"%n"
            + "but was:%n  \"mail.sample.co.jp\"", cleanMail));
  }

  @Test
  void should_fail_when_no_helo_was_sent() {
    CapturedMail noHelo = CapturedMail.builder().sequence(9).envelopeSender("a@sample.co.jp").build();
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(noHelo).hasHeloName("mail.sample.co.jp"))
        .withMessage(String.format("%nExpecting the HELO/EHLO name of%n  mail #9 from <a@sample.co.jp> to []%n"
            + "to be:%n  \"mail.sample.co.jp\"%nbut was:%n  (no HELO or EHLO sent)"));
  }

  @Test
  void should_fail_when_the_recipients_differ() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(clean).hasRecipients("user@example.com"))
        .withMessage(String.format("%nExpecting the recipients (RCPT TO) of%n  %s%nto be exactly:%n"
            + "  [\"user@example.com\"]%nbut were:%n  [\"user@example.com\", \"other@example.net\"]", cleanMail));
  }

  @Test
  void should_fail_when_the_envelope_sender_differs() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(clean).hasReturnPath("<>"))
        .withMessage(String.format("%nExpecting the envelope sender (MAIL FROM) of%n  %s%nto be:%n  <>%nbut was:%n"
            + "  <no-reply@sample.co.jp>", cleanMail));
  }

  @Test
  void should_fail_when_a_bounce_has_a_sender() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(clean).hasNullSender())
        .withMessage(String.format("%nExpecting the envelope sender (MAIL FROM) of%n  %s%nto be the null sender <>"
            + " (as bounces and auto-replies must be, RFC 5321 section 4.5.5)%nbut was:%n  <no-reply@sample.co.jp>", cleanMail));
  }

  @Test
  void should_fail_when_a_header_is_missing_or_different_or_present() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(clean).hasHeader("List-Unsubscribe"))
        .withMessage(String.format("%nExpecting%n  %s%nto have a List-Unsubscribe header field but it has only:%n"
            + "  [\"Received\", \"From\", \"Message-ID\", \"To\", \"Subject\"]", cleanMail));
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(clean).hasHeader("To", "user@example.com"))
        .withMessage(String.format("%nExpecting the To header field of%n  %s%nto be:%n  \"user@example.com\"%n"
            + "but found: \"user@example.com, other@example.net\"", cleanMail));
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(clean).doesNotHaveHeader("Message-ID"))
        .withMessage(String.format("%nExpecting%n  %s%nnot to have a Message-ID header field but found:%n"
            + "  [\"<1.2@sample.co.jp>\"]", cleanMail));
  }

  @Test
  void should_fail_when_the_from_or_message_id_domain_is_local() {
    CapturedMail leaky = Mails.leakySendmail();
    String leakyMail = "mail #1 from <root@localhost.localdomain> to [user@example.com] \"Welcome\"";
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(leaky).hasFromDomain("sample.co.jp"))
        .withMessage(String.format("%nExpecting the From domain of%n  %s%nto be:%n  \"sample.co.jp\"%nbut was:%n"
            + "  \"localhost.localdomain\"", leakyMail));
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(leaky).hasMessageIdDomain("sample.co.jp"))
        .withMessage(String.format("%nExpecting the Message-ID domain of%n  %s%nto be:%n  \"sample.co.jp\"%nbut was:%n"
            + "  \"localhost.localdomain\"", leakyMail));
  }
}
