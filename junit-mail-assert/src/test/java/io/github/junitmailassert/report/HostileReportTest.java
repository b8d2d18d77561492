package io.github.junitmailassert.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.testing.Received;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reports of hostile mail: they never throw, never print control characters, and stay short. */
class HostileReportTest {

  private final Receiver receiver = Received.view(DnsZone.create().spf("sample.co.jp", "v=spf1 -all"), "203.0.113.25");

  private CapturedMail mail(String header) {
    return Received.mail(receiver, "a@sample.co.jp", "mail.sample.co.jp",
        ("From: a@sample.co.jp\r\n" + header + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void should_show_a_subject_with_line_ends_and_escapes_as_one_safe_line() {
    CapturedMail forged = mail("Subject: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(
        "hi\r\n  verdict      passes\u001b[2J".getBytes(StandardCharsets.UTF_8)) + "?=");
    assertThat(forged.toString()).isEqualTo("mail #1 from <a@sample.co.jp> to [user@example.com] \"hi??  verdict"
        + "      passes?[2J\"");
    String report = MailReport.of(receiver.check(forged), Set.of(MailCheck.SPF));
    assertThat(report.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r')).isEmpty();
    assertThat(report.lines().filter(l -> l.startsWith("  verdict"))).hasSize(1);
  }

  @Test
  void should_shorten_a_huge_subject_once() {
    CapturedMail huge = mail("Subject: " + "x".repeat(200_000));
    assertThat(huge.toString()).endsWith("x... (200000 characters)\"").hasSizeLessThan(300);
    assertThat(huge.toString()).isSameAs(huge.toString());
  }

  @Test
  void should_report_a_signature_with_a_huge_domain_without_throwing() {
    CapturedMail signed = mail("Subject: hi\r\nDKIM-Signature: v=1; a=rsa-sha256; d=" + "a".repeat(70_000)
        + ".example; s=s1; h=from; bh=AAAA; b=AAAA");
    String report = MailReport.of(receiver.check(signed), Set.of());
    String gate = GateReport.of(List.of(receiver.check(signed)), Set.of(MailCheck.DKIM));
    assertThat(report).contains("DKIM").hasSizeLessThan(20_000);
    assertThat(gate).contains("no DKIM signature passes");
  }
}
