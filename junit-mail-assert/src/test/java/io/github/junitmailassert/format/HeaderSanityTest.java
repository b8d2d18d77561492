package io.github.junitmailassert.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.Finding.Severity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderSanityTest {

  private static CapturedMail mail(String message) {
    return CapturedMail.builder().envelopeSender("a@sample.co.jp").rawMessage(message.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  @Test
  void should_find_nothing_in_a_well_formed_message() {
    assertThat(HeaderSanity.check(mail("From: a@sample.co.jp\r\nDate: Fri, 27 Nov 2026 10:00:00 +0900\r\n"
        + "Message-ID: <1@sample.co.jp>\r\nSubject: hi\r\n\r\nbody\r\n"))).isEmpty();
  }

  @Test
  void should_find_every_format_problem_with_its_severity() {
    String message = "From: a@sample.co.jp\r\nFrom: b@sample.co.jp\r\nSubject: one\r\nSubject: two\r\n"
        + "Message-ID: not-an-id\r\nX-Note: ü\r\n\r\n" + "x".repeat(1200) + "\nend\r\n";
    assertThat(HeaderSanity.check(mail(message))).extracting(Finding::severity, Finding::text).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Severity.ERROR,
            "the header has 2 From fields; RFC 5322 section 3.6 requires exactly one"),
        org.assertj.core.groups.Tuple.tuple(Severity.ERROR,
            "the header has 0 Date fields; RFC 5322 section 3.6 requires exactly one"),
        org.assertj.core.groups.Tuple.tuple(Severity.ERROR,
            "the header has 2 Subject fields; RFC 5322 section 3.6 allows one"),
        org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "the Message-ID not-an-id is not <left@right>"),
        org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "a line is longer than 998 characters (RFC 5322 section"
            + " 2.1.1); receivers may reject or rewrap it, breaking DKIM"),
        org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "lines end in a bare LF, not CRLF (RFC 5322 section 2.1,"
            + " RFC 5321 section 2.3.8); since the SMTP smuggling reports of December 2023 receivers refuse or rewrite"
            + " such mail: Postfix with smtpd_forbid_bare_newline (normalize by default from 3.9), sendmail 8.18 drops"
            + " the session with 421"),
        org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "the header has 8-bit text but MAIL FROM did not declare"
            + " SMTPUTF8 (RFC 6532)"));
  }

  @Test
  void should_accept_8bit_header_text_with_smtputf8_and_flag_an_unreadable_date() {
    CapturedMail mail = CapturedMail.builder().envelopeSender("a@sample.co.jp").mailFromParameter("SMTPUTF8", "")
        .rawMessage("From: ü@sample.co.jp\r\nDate: yesterday\r\nMessage-ID: <1@x.jp>\r\n\r\nb\r\n").build();
    assertThat(HeaderSanity.check(mail)).extracting(Finding::text)
        .containsExactly("the Date yesterday is not an RFC 5322 date");
  }
}
