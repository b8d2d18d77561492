package io.github.junitmailassert.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.Finding.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void should_find_long_lines_bare_lfs_and_8bit_header_text_wherever_they_fall_in_a_word() {
    String head = "From: a@sample.co.jp\r\nDate: Fri, 27 Nov 2026 10:00:00 +0900\r\nMessage-ID: <1@sample.co.jp>\r\n";
    for (int pad = 0; pad < 8; pad++) {
      for (int length = 996; length <= 1000; length++) {
        for (String end : List.of("\r\n", "\n", "")) {
          for (boolean eightBitHeader : new boolean[] {false, true}) {
            // The pad moves the body's line across the scan's eight-octet words; its 8-bit text is no finding.
            String message = head + "X-Pad: " + "p".repeat(pad) + (eightBitHeader ? "\u00fc" : "") + "\r\n\r\nend \u00fc\r\n"
                + "x".repeat(length) + end;
            List<String> expected = new ArrayList<>();
            if (length > 998) {
              expected.add("a line is longer than 998 characters");
            }
            if (end.equals("\n")) {
              expected.add("lines end in a bare LF");
            }
            if (eightBitHeader) {
              expected.add("the header has 8-bit text but MAIL FROM did not declare SMTPUTF8");
            }
            assertThat(HeaderSanity.check(mail(message))).extracting(HeaderSanityTest::opening)
                .as("pad %d, line of %d, ended by %s, 8-bit header %s", pad, length, end.replace("\r", "CR")
                    .replace("\n", "LF"), eightBitHeader)
                .containsExactlyElementsOf(expected);
          }
        }
      }
    }
  }

  /** The finding's text up to its first ";", " (" or ", not": what tells the kinds apart. */
  private static String opening(Finding finding) {
    String text = finding.text();
    int end = text.length();
    for (String stop : List.of(";", " (", ", not")) {
      int at = text.indexOf(stop);
      end = at >= 0 ? Math.min(end, at) : end;
    }
    return text.substring(0, end);
  }
}
