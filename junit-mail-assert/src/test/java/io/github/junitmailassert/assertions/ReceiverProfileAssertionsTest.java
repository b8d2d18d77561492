package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.profile.ReceiverProfile;
import io.github.junitmailassert.profile.Verdict;
import io.github.junitmailassert.dkim.DkimAlgorithm;
import io.github.junitmailassert.dkim.DkimKeyPair;
import io.github.junitmailassert.dkim.TestSigner;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.testing.Received;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReceiverProfileAssertionsTest {

  private static final String NEWSLETTER = "From: Sample Shop <news@sample.co.jp>\r\nTo: user@example.com\r\n"
      + "Date: Fri, 27 Nov 2026 10:00:00 +0900\r\nMessage-ID: <n1@sample.co.jp>\r\nSubject: News\r\n"
      + "List-Unsubscribe: <https://sample.co.jp/u/1>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
      + "\r\nNews.\r\n";

  private final DnsZone zone = DnsZone.create()
      .spf("sample.co.jp", "v=spf1 ip4:203.0.113.25 -all")
      .dmarc("sample.co.jp", "v=DMARC1; p=none")
      .sendingHost("mail.sample.co.jp", "203.0.113.25");
  private final DkimKeyPair key = DkimKeyPair.publishedIn(zone, "n1", "sample.co.jp", DkimAlgorithm.ED25519_SHA256);
  private final Receiver view = Received.view(zone, "203.0.113.25");

  private CapturedMail newsletter(boolean tls, boolean signed) {
    byte[] message = signed ? TestSigner.with(key).sign(NEWSLETTER) : NEWSLETTER.getBytes(StandardCharsets.UTF_8);
    return CapturedMail.builder().sequence(1).helo("EHLO", "mail.sample.co.jp").envelopeSender("bounces@sample.co.jp")
        .recipient("user@example.com").rawMessage(message).receiver(view).tlsProtocol(tls ? "TLSv1.3" : null)
        .build();
  }

  @Test
  void should_reach_the_inbox_when_every_published_rule_is_kept() {
    CapturedMail mail = newsletter(true, true);
    assertThat(mail).hasValidHeaderFormat()
        .receiver().reachesInboxUnder(ReceiverProfile.bulkSenders2024())
        .reachesInboxUnder(ReceiverProfile.allSenders2024())
        .reachesInboxUnder(ReceiverProfile.strictSpf());
  }

  @Test
  void should_name_each_broken_rule_its_source_and_fix() {
    CapturedMail mail = newsletter(false, false);
    assertThat(mail).receiver().hasVerdictUnder(ReceiverProfile.bulkSenders2024(), Verdict.SPAM_FOLDER)
        .reachesInboxUnder(ReceiverProfile.strictSpf());
    String source = "Gmail Email sender guidelines and Yahoo Sender Requirements, in force since February 2024";
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).receiver().reachesInboxUnder(ReceiverProfile.bulkSenders2024()))
        .withMessage(String.format("%nExpecting%n"
            + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
            + "to get the verdict INBOX under the profile \"bulk senders, February 2024 (Gmail and Yahoo requirements as"
            + " published)\" but it gets SPAM_FOLDER:%n"
            + "  - [SPAM_FOLDER] DKIM passes: the mail is not signed (dkim=none)%n"
            + "    (%s)%n"
            + "    Fix: sign the mail with DKIM, d=sample.co.jp (the From domain, so that DMARC aligns), and publish the key"
            + " at <selector>._domainkey.sample.co.jp; in a test, DkimKeyPair.publishedIn(zone, selector, domain, algorithm) makes"
            + " both%n"
            + "  - [SPAM_FOLDER] the connection uses TLS: the mail was sent without STARTTLS%n"
            + "    (%s)%n"
            + "    Fix: enable STARTTLS in the client (Jakarta Mail: mail.smtp.starttls.enable=true; Spring Boot:"
            + " spring.mail.properties.mail.smtp.starttls.enable=true)%n"
            + "The profile applies published rules; it is not the provider's own filter.", source, source));
  }

  @Test
  void should_reject_under_strict_spf_when_spf_does_not_pass() {
    CapturedMail mail = CapturedMail.builder().sequence(2).helo("EHLO", "localhost.localdomain")
        .envelopeSender("apache@localhost.localdomain").recipient("user@docomo.example")
        .rawMessage(NEWSLETTER).receiver(view).build();
    assertThat(mail).receiver().hasVerdictUnder(ReceiverProfile.strictSpf(), Verdict.REJECTED);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).receiver().reachesInboxUnder(ReceiverProfile.strictSpf()))
        .withMessageContaining("but it gets REJECTED:%n  - [REJECTED] SPF passes: Received-SPF: none".formatted());
  }

  @Test
  void should_fail_the_header_format_with_the_fix() {
    CapturedMail mail = CapturedMail.builder().sequence(3).envelopeSender("a@sample.co.jp")
        .rawMessage("From: a@sample.co.jp\r\nSubject: x\r\n\r\nb\r\n").build();
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasValidHeaderFormat())
        .withMessage(String.format("%nExpecting the header of%n  mail #3 from <a@sample.co.jp> to [] \"x\"%n"
            + "to be RFC 5322 but:%n"
            + "  - the header has 0 Date fields; RFC 5322 section 3.6 requires exactly one%n"
            + "    Fix: add a Date field"));
  }
}
