package io.github.junitmailassert.senders;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static io.github.junitmailassert.senders.support.ExpectedReport.assertMachineNameLeaks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.PublishDnsSystemProperties;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.dkim.DkimAlgorithm;
import io.github.junitmailassert.dkim.DkimKeyPair;
import io.github.junitmailassert.dkim.DkimResultCode;
import io.github.junitmailassert.dkim.DkimSignatureResult;
import io.github.junitmailassert.dkim.DkimVerifier;
import io.github.junitmailassert.dns.DnsZone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simplejavamail.api.email.EmailPopulatingBuilder;
import org.simplejavamail.api.email.config.DkimConfig;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;
import org.simplejavamail.mailer.internal.MailerRegularBuilderImpl;

/** Simple Java Mail 8: as most projects build the mailer, then with bounce address, EHLO name and DKIM. */
@MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", spf = "v=spf1 ip4:203.0.113.25 -all")
class SimpleJavaMailTest {

  @Test
  void should_report_the_machine_name_in_EHLO_and_Message_ID_when_the_mailer_has_only_host_and_port(
      SmtpEndpoint smtp, CapturedMails mails) {
    // GIVEN
    Mailer mailer = mailerFor(smtp).buildMailer();

    // WHEN
    mailer.sendMail(newsletter().buildEmail());

    // THEN
    CapturedMail mail = mails.single();
    assertThat(mail).hasEnvelopeSender("news@sample.co.jp").spf().isPass();
    assertMachineNameLeaks(mail,
        "mail #1 from <news@sample.co.jp> to [user@example.com] \"Spring sale\"");
  }

  @Test
  @PublishDnsSystemProperties // the signer fetches its published key over DNS (JNDI) before it signs
  void should_pass_and_verify_the_DKIM_signature_when_the_mailer_and_email_are_configured(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) {
    // GIVEN a key whose public half the zone publishes at sale._domainkey.sample.co.jp
    DkimKeyPair key = DkimKeyPair.publishedIn(zone, "sale", "sample.co.jp", DkimAlgorithm.RSA_SHA256);
    Mailer mailer = mailerFor(smtp)
        .withProperty("mail.smtp.localhost", "mail.sample.co.jp")
        .withProperty("mail.from", "news@sample.co.jp")
        .buildMailer();

    // WHEN
    mailer.sendMail(newsletter()
        .withBounceTo("bounces@sample.co.jp")
        .signWithDomainKey(DkimConfig.builder()
            .dkimPrivateKeyData(key.privateKeyPkcs8Der())
            .dkimSigningDomain("sample.co.jp")
            .dkimSelector("sale")
            .build())
        .buildEmail());

    // THEN
    CapturedMail mail = mails.single();
    assertThat(mail)
        .hasEnvelopeSender("bounces@sample.co.jp")
        .hasHeloName("mail.sample.co.jp")
        .hasMessageIdDomain("sample.co.jp")
        .hasNoLocalNameLeaks()
        .dkim().isPassFor("sample.co.jp", "sale")
        .returnToMail().spf().isPass();
    // The same, from the verifier itself: one signature, the key's size and algorithm.
    List<DkimSignatureResult> signatures = DkimVerifier.builder(zone.resolver()).build().verify(mail.rawMessage());
    assertThat(signatures)
        .extracting(DkimSignatureResult::code, DkimSignatureResult::domain, DkimSignatureResult::selector,
            DkimSignatureResult::algorithm, DkimSignatureResult::keyBits)
        .containsExactly(tuple(DkimResultCode.PASS, "sample.co.jp", "sale", "rsa-sha256", 2048));
  }

  @Test
  @PublishDnsSystemProperties
  void should_fail_DKIM_when_the_selector_s_key_is_replaced_before_the_mail_is_verified(@TempDir Path dir,
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    // GIVEN a key given to the signer as a PKCS#8 DER file, as deployments keep it
    DkimKeyPair key = DkimKeyPair.publishedIn(zone, "rotating", "sample.co.jp", DkimAlgorithm.RSA_SHA256);
    Path keyFile = Files.write(dir.resolve("rotating.der"), key.privateKeyPkcs8Der());
    mailerFor(smtp).buildMailer().sendMail(newsletter()
        .signWithDomainKey(DkimConfig.builder()
            .dkimPrivateKeyPath(keyFile.toFile())
            .dkimSigningDomain("sample.co.jp")
            .dkimSelector("rotating")
            .build())
        .buildEmail());
    CapturedMail mail = mails.single();

    // WHEN the selector gets a new key while the mail is still on its way
    zone.clear();
    DkimKeyPair replacement = DkimKeyPair.publishedIn(zone, "rotating", "sample.co.jp", DkimAlgorithm.RSA_SHA256);

    // THEN
    assertThat(replacement.publicKeyRecord()).isNotEqualTo(key.publicKeyRecord());
    assertThat(mail).dkim().hasCode(0, DkimResultCode.FAIL);
    assertThat(DkimVerifier.builder(zone.resolver()).build().verify(mail.rawMessage()))
        .extracting(DkimSignatureResult::code, DkimSignatureResult::selector)
        .containsExactly(tuple(DkimResultCode.FAIL, "rotating"));
  }

  /**
   * The mailer as the application builds it, pointed at the capture server. Simple Java Mail
   * upgrades to TLS when the server offers STARTTLS and then checks the certificate; the capture
   * server's certificate is self-signed (it names 127.0.0.1, so the host name check passes), so
   * tests trust it.
   */
  private static MailerRegularBuilderImpl mailerFor(SmtpEndpoint smtp) {
    return MailerBuilder.withSMTPServer(smtp.host(), smtp.port())
        .withTransportStrategy(TransportStrategy.SMTP)
        .trustingAllHosts(true);
  }

  private static EmailPopulatingBuilder newsletter() {
    return EmailBuilder.startingBlank()
        .from("Sample Shop", "news@sample.co.jp")
        .to("user@example.com")
        .withSubject("Spring sale")
        .withPlainText("Everything is 20% off this week.");
  }
}
