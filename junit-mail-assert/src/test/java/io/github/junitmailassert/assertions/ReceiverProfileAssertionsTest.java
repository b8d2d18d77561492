package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.profile.ProfileRule;
import io.github.junitmailassert.profile.ReceiverProfile;
import io.github.junitmailassert.profile.SmtpReply;
import io.github.junitmailassert.profile.Verdict;
import io.github.junitmailassert.dkim.DkimAlgorithm;
import io.github.junitmailassert.dkim.DkimKeyPair;
import io.github.junitmailassert.dkim.TestSigner;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.testing.Received;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

  /** A profile of one's own: TLS or 530 5.7.0, as a receiver that requires STARTTLS answers. */
  private static final ReceiverProfile TLS_REQUIRED = ReceiverProfile.of("TLS required", List.of(
      ProfileRule.of("the connection uses TLS", "a test's own rule", Verdict.REJECTED, r -> r.mail().isTls(),
          r -> "the mail was sent without STARTTLS", "enable STARTTLS")
          .withReply(new SmtpReply(530, "5.7.0", "Must issue a STARTTLS command first."))));

  @Test
  void should_quote_the_reply_when_a_mail_is_not_accepted() {
    CapturedMail mail = newsletter(false, true);
    assertThat(mail).receiver().isRefusedWith(TLS_REQUIRED, "5.7.0").isRefusedWith(TLS_REQUIRED, "530")
        .hasVerdictUnder(TLS_REQUIRED, Verdict.REJECTED);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).receiver().isAcceptedBy(TLS_REQUIRED))
        .withMessage(String.format("%nExpecting%n"
            + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
            + "to be accepted by TLS required but it would be rejected: 530 5.7.0 Must issue a STARTTLS command first.%n"
            + "  - [REJECTED] the connection uses TLS: the mail was sent without STARTTLS%n"
            + "    (a test's own rule)%n"
            + "    Fix: enable STARTTLS%n"
            + "The profile applies published rules; it is not the provider's own filter."));
    // hasVerdictUnder names no reply in its headline, so each rule shows its own
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).receiver().reachesInboxUnder(TLS_REQUIRED))
        .withMessage(String.format("%nExpecting%n"
            + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
            + "to get the verdict INBOX under the profile \"TLS required\" but it gets REJECTED:%n"
            + "  - [REJECTED] the connection uses TLS: the mail was sent without STARTTLS%n"
            + "    (a test's own rule)%n"
            + "    Reply: 530 5.7.0 Must issue a STARTTLS command first.%n"
            + "    Fix: enable STARTTLS%n"
            + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void should_say_when_the_profile_names_no_reply() {
    CapturedMail mail = CapturedMail.builder().sequence(2).helo("EHLO", "localhost.localdomain")
        .envelopeSender("apache@localhost.localdomain").recipient("user@docomo.example")
        .rawMessage(NEWSLETTER).receiver(view).build();
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).receiver().isAcceptedBy(ReceiverProfile.strictSpf()))
        .withMessageStartingWith(String.format("%nExpecting%n"
            + "  mail #2 from <apache@localhost.localdomain> to [user@docomo.example] \"News\"%n"
            + "to be accepted by strict SPF (accepts SPF pass only) but it would be rejected (the profile names no"
            + " reply):%n  - [REJECTED] SPF passes: Received-SPF: none"));
  }

  @Test
  void should_fail_is_refused_with_for_an_accepted_mail_or_another_reply() {
    CapturedMail mail = newsletter(true, true);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).receiver().isRefusedWith(TLS_REQUIRED, "5.7.0"))
        .withMessage(String.format("%nExpecting%n"
            + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
            + "to be refused by TLS required with 5.7.0 but it would reach the inbox%n"
            + "The profile applies published rules; it is not the provider's own filter."));
    CapturedMail plain = newsletter(false, true);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(plain).receiver().isRefusedWith(TLS_REQUIRED, "5.7.29"))
        .withMessage(String.format("%nExpecting%n"
            + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
            + "to be refused by TLS required with 5.7.29 but it would be rejected: 530 5.7.0 Must issue a STARTTLS"
            + " command first.%n"
            + "  - [REJECTED] the connection uses TLS: the mail was sent without STARTTLS%n"
            + "    (a test's own rule)%n"
            + "    Fix: enable STARTTLS%n"
            + "The profile applies published rules; it is not the provider's own filter."));
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
