package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dkim.DkimAlgorithm;
import io.github.junitmailassert.dkim.DkimKeyPair;
import io.github.junitmailassert.dkim.DkimResultCode;
import io.github.junitmailassert.dkim.TestSigner;
import io.github.junitmailassert.dmarc.DmarcPolicy;
import io.github.junitmailassert.dmarc.DmarcResultCode;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.spf.SpfResultCode;
import io.github.junitmailassert.testing.Mails;
import io.github.junitmailassert.testing.Received;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** spf(), dkim(), dmarc(), sendingHost(), authenticationResults() and the bulk sender check on captured mails. */
class ReceiverCheckAssertionsTest {

  private static final String MESSAGE = "From: Sample Shop <shop@sample.co.jp>\r\nTo: user@example.com\r\n"
      + "Subject: Your order\r\nDate: Fri, 27 Nov 2026 10:00:00 +0900\r\nMessage-ID: <1@sample.co.jp>\r\n\r\nThank you.\r\n";

  private final DnsZone zone = DnsZone.create()
      .spf("sample.co.jp", "v=spf1 ip4:203.0.113.25 -all")
      .spf("mail.sample.co.jp", "v=spf1 a -all")
      .dmarc("sample.co.jp", "v=DMARC1; p=reject")
      .sendingHost("mail.sample.co.jp", "203.0.113.25");
  private final DkimKeyPair key = DkimKeyPair.publishedIn(zone, "s2026", "sample.co.jp", DkimAlgorithm.ED25519_SHA256);
  private final Receiver view = Received.view(zone, "203.0.113.25");

  private CapturedMail signed() {
    byte[] message = TestSigner.with(key).sign(MESSAGE);
    return Received.mail(view, "bounces@sample.co.jp", "mail.sample.co.jp", message);
  }

  @Test
  void should_pass_every_check_for_a_well_configured_sender() {
    CapturedMail mail = signed();
    assertThat(mail).spf().isPass().hasMechanism("ip4:203.0.113.25")
        .returnToMail().spfForHelo().isPass();
    assertThat(mail).dkim().isPass().isPassFor("sample.co.jp", "s2026").allPass();
    assertThat(mail).dmarc().isPass().hasPolicy(DmarcPolicy.REJECT).hasDisposition(DmarcPolicy.NONE);
    assertThat(mail).sendingHost().hasForwardConfirmedReverseDns().hasValidHeloName().isConsistent();
    assertThat(mail).authenticationResults()
        .hasResult("spf", "pass").hasResult("dkim", "pass").hasResult("dmarc", "pass")
        .hasProperty("dkim", "header.d", "sample.co.jp").hasProperty("dmarc", "header.from", "sample.co.jp")
        .asString()
        .startsWith("Authentication-Results: mx.receiver.test; spf=pass smtp.mailfrom=sample.co.jp;"
            + " dkim=pass header.d=sample.co.jp header.s=s2026 header.b=")
        .endsWith("; dmarc=pass (p=reject dis=none) header.from=sample.co.jp");
    assertThat(mail).receiver().meetsBulkSenderAuthenticationRequirements()
        .passes(MailCheck.LOCAL_NAMES, MailCheck.SPF, MailCheck.REVERSE_DNS, MailCheck.DKIM,
            MailCheck.DMARC, MailCheck.FORMAT);
  }

  @Test
  void should_fail_spf_with_the_received_spf_line_the_trace_and_the_fix() {
    CapturedMail mail = Received.mail(Received.view(zone, "198.51.100.7"), "bounces@sample.co.jp", "mail.sample.co.jp",
        MESSAGE.getBytes(StandardCharsets.UTF_8));
    assertThat(mail).spf().isFail().isNotPass().hasCode(SpfResultCode.FAIL);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).spf().isPass())
        .withMessage(String.format("%n"
            + "Expecting SPF for the MAIL FROM identity of%n"
            + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"Your order\"%n"
            + "to be pass but it was fail, as a receiver would write it:%n"
            + "  Received-SPF: fail (mx.receiver.test: domain of bounces@sample.co.jp does not designate 198.51.100.7"
            + " as permitted sender) client-ip=198.51.100.7; envelope-from=\"bounces@sample.co.jp\";"
            + " helo=mail.sample.co.jp; receiver=mx.receiver.test; identity=mailfrom; mechanism=-all%n"
            + "Checked with the client IP 198.51.100.7 (declared by the test; the socket address was 127.0.0.1).%n"
            + "Trace:%n"
            + "  sample.co.jp TXT -> \"v=spf1 ip4:203.0.113.25 -all\"%n"
            + "  ip4:203.0.113.25 -> no match%n"
            + "  -all -> match%n"
            + "Fix: list the sending address in the SPF record of sample.co.jp: add ip4:198.51.100.7"
            + " (or your mail provider's include:) before the all term"));
  }

  @Test
  void should_fail_dkim_listing_each_signature_with_its_reason() {
    byte[] tampered = new String(TestSigner.with(key).sign(MESSAGE), StandardCharsets.UTF_8)
        .replace("Thank you.", "Thank you!").getBytes(StandardCharsets.UTF_8);
    CapturedMail mail = Received.mail(view, "bounces@sample.co.jp", "mail.sample.co.jp", tampered);
    assertThat(mail).dkim().hasCode(0, DkimResultCode.FAIL);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).dkim().isPass())
        .withMessageStartingWith(String.format("%nExpecting DKIM of%n"
            + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"Your order\"%n"
            + "to have a signature that passes but found:%n"
            + "  - dkim=fail header.d=sample.co.jp header.s=s2026 header.b="))
        .withMessageContaining("body hash did not verify");
  }

  @Test
  void should_fail_dkim_and_the_bulk_sender_requirements_for_an_unsigned_mail() {
    CapturedMail mail = Received.mail(view, "bounces@sample.co.jp", "mail.sample.co.jp",
        MESSAGE.getBytes(StandardCharsets.UTF_8));
    assertThat(mail).dkim().isNone();
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).dkim().isPass())
        .withMessage(String.format("%nExpecting DKIM of%n"
            + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"Your order\"%n"
            + "to have a signature that passes but it is not signed.%n"
            + "Fix: sign the mail with DKIM, d=sample.co.jp (the From domain, so that DMARC aligns), and publish the key at"
            + " <selector>._domainkey.sample.co.jp; in a test, DkimKeyPair.publishedIn(zone, selector, domain, algorithm) makes"
            + " both"));
    // SPF passes and aligns, so DMARC passes, but bulk senders need DKIM as well.
    assertThat(mail).dmarc().isPass();
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).receiver().meetsBulkSenderAuthenticationRequirements())
        .withMessage(String.format("%nExpecting%n"
            + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"Your order\"%n"
            + "to meet the authentication requirements for bulk senders (Gmail and Yahoo, February 2024)"
            + " but 1 are not met:%n"
            + "  - DKIM must pass: the mail is not signed (dkim=none)"));
  }

  @Test
  void should_fail_dmarc_when_from_is_not_aligned_with_any_passing_identity() {
    // GIVEN a newsletter sent through a provider: envelope and signature are the provider's
    zone.spf("esp.example", "v=spf1 ip4:203.0.113.25 -all");
    DkimKeyPair espKey = DkimKeyPair.publishedIn(zone, "esp", "esp.example", DkimAlgorithm.ED25519_SHA256);
    CapturedMail mail = Received.mail(view, "bounce-123@esp.example", "mail.sample.co.jp",
        TestSigner.with(espKey).sign(MESSAGE));
    // THEN SPF and DKIM pass, for the wrong domain
    assertThat(mail).spf().isPass();
    assertThat(mail).dkim().isPassFor("esp.example");
    assertThat(mail).dmarc().hasCode(DmarcResultCode.FAIL).hasDisposition(DmarcPolicy.REJECT);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).dmarc().isPass())
        .withMessageStartingWith(String.format("%nExpecting DMARC for the From domain sample.co.jp of%n"
            + "  mail #1 from <bounce-123@esp.example> to [user@example.com] \"Your order\"%n"
            + "to be pass but it was fail:%n"
            + "  dmarc=fail (p=reject dis=reject) header.from=sample.co.jp%n"))
        .withMessageContaining("Alignment:")
        .withMessageEndingWith("Fix: align the From domain sample.co.jp with a passing identity (what passes is SPF"
            + " esp.example, DKIM d=esp.example): send with an envelope sender in sample.co.jp whose SPF record lists the"
            + " sending IP (Jakarta Mail mail.smtp.from), or sign with DKIM d=sample.co.jp");
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).receiver().meetsBulkSenderAuthenticationRequirements())
        .withMessageContaining("but 1 are not met:")
        .withMessageContaining("  - From must be aligned with the SPF or the DKIM domain: ");
  }

  @Test
  void should_fail_the_sending_host_checks_with_the_record_to_publish() {
    CapturedMail mail = Received.mail(Received.view(zone, "192.0.2.44"), "bounces@sample.co.jp", "localhost",
        MESSAGE.getBytes(StandardCharsets.UTF_8));
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).sendingHost().hasForwardConfirmedReverseDns())
        .withMessageStartingWith(String.format("%nExpecting forward-confirmed reverse DNS for%n"
            + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"Your order\"%n"
            + "(client IP 192.0.2.44, HELO localhost) but found:%n"
            + "  - 192.0.2.44 has no PTR record (44.2.0.192.in-addr.arpa: NXDOMAIN)%n"
            + "    Fix: publish PTR 44.2.0.192.in-addr.arpa"));
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).receiver().passes(MailCheck.SPF, MailCheck.REVERSE_DNS))
        .withMessageStartingWith(String.format("%n1 of 1 captured mail(s) would not pass a receiver's checks"
            + " (SPF, REVERSE_DNS):%n"));
  }

  @Test
  void should_explain_that_a_mail_built_without_a_receiver_view_cannot_be_checked() {
    assertThatIllegalStateException()
        .isThrownBy(() -> assertThat(Mails.clean()).spf())
        .withMessage("The receiver checks need the DNS and client IP a receiver would see, but mail #2 from"
            + " <no-reply@sample.co.jp> to [user@example.com, other@example.net] \"ご注文\" has none: check mails"
            + " captured by @MailDeliverability, or build them with receiver(...)");
  }
}
