package io.github.junitmailassert.examples.newsletter;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.PublishDnsSystemProperties;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.dkim.DkimAlgorithm;
import io.github.junitmailassert.dkim.DkimKeyPair;
import io.github.junitmailassert.dmarc.DmarcPolicy;
import io.github.junitmailassert.dns.DnsZone;
import org.junit.jupiter.api.Test;

/**
 * The newsletter, sent with Simple Java Mail. Signed by its DKIM module with a key the fake zone
 * publishes, it meets the 2024 bulk sender requirements. Sent unsigned through a mail provider's
 * bounce address, SPF passes for the provider's domain, which is not aligned with From: DMARC fails.
 *
 * <p>Simple Java Mail's signer looks its selector up in DNS through JNDI before it signs;
 * {@link PublishDnsSystemProperties} points JNDI at the test's zone.
 */
@MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", clientHostName = "mail.sample.co.jp",
    spf = "v=spf1 ip4:203.0.113.25 -all", dmarc = "v=DMARC1; p=quarantine",
    records = {"esp.example. IN TXT \"v=spf1 ip4:203.0.113.0/24 -all\""})
@PublishDnsSystemProperties
class NewsletterDkimTest {

  @Test
  void signed_as_the_shop_meets_the_bulk_sender_requirements(SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) {
    DkimKeyPair key = DkimKeyPair.publishedIn(zone, "news2026", "sample.co.jp", DkimAlgorithm.RSA_SHA256);
    NewsletterSender sender = new NewsletterSender(new NewsletterSender.Settings(smtp.host(), smtp.port(), false,
        "bounces@sample.co.jp", "mail.sample.co.jp", key.privateKeyPkcs8Der(), "sample.co.jp", "news2026"));

    sender.send("reader@example.com", "November news", "Our autumn sale starts today.");

    CapturedMail mail = mails.single();
    assertThat(mail).dkim().isPassFor("sample.co.jp", "news2026");
    assertThat(mail).dmarc().isPass().hasDisposition(DmarcPolicy.NONE);
    assertThat(mail).receiver().meetsBulkSenderAuthenticationRequirements().returnToMail().hasOneClickUnsubscribe()
        .hasSubject("November news").hasTextBodyContaining("Our autumn sale starts today.");
  }

  @Test
  void sent_unsigned_through_the_providers_bounce_address_fails_dmarc(SmtpEndpoint smtp, CapturedMails mails) {
    NewsletterSender sender = new NewsletterSender(new NewsletterSender.Settings(smtp.host(), smtp.port(), false,
        "bounce-4711@esp.example", "mail.sample.co.jp", null, null, null));

    sender.send("reader@example.com", "November news", "Our autumn sale starts today.");

    CapturedMail mail = mails.single();
    assertThat(mail).spf().isPass(); // for esp.example, not for the From domain
    assertThat(mail).dmarc().hasDisposition(DmarcPolicy.QUARANTINE);
    String dmarcReason = Receiver.checkOf(mail).dmarc().reason();
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).receiver().meetsBulkSenderAuthenticationRequirements())
        .withMessage(String.format("%n"
            + "Expecting%n"
            + "  mail #1 from <bounce-4711@esp.example> to [reader@example.com] \"November news\"%n"
            + "to meet the authentication requirements for bulk senders (Gmail and Yahoo, February 2024)"
            + " but 2 are not met:%n"
            + "  - DKIM must pass: the mail is not signed (dkim=none)%n"
            + "  - From must be aligned with the SPF or the DKIM domain: %s", dmarcReason));
  }
}
