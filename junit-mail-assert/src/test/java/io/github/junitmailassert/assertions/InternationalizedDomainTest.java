package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.DnsEndpoint;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.testing.Send;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * An internationalized domain (RFC 5890) in the settings: the zone is published under its A-label
 * ({@code 例え.jp} is {@code xn--r8jz45g.jp}), and a real SMTPUTF8 sender at the U-label passes the
 * envelope domain, SPF and reverse DNS checks, as receivers check them in A-labels (RFC 7208 section 4.3).
 */
@MailDeliverability(domain = "例え.jp", clientIp = "203.0.113.25", clientHostName = "メール.例え.jp",
    spf = "v=spf1 ip4:203.0.113.25 -all")
class InternationalizedDomainTest {

  private static final String MAIL = "mail #1 from <ユーザー@例え.jp> to [受信者@example.com] \"ようこそ\"";

  private static CapturedMail utf8Mail(SmtpEndpoint smtp, CapturedMails mails) {
    Send.message(smtp, "ユーザー@例え.jp", m -> {
      m.setFrom(new InternetAddress("ユーザー@例え.jp"));
      m.setRecipients(RecipientType.TO, "受信者@example.com");
      m.setHeader("Subject", "ようこそ");
      m.setText("本文です。", "UTF-8");
    }, "mail.mime.allowutf8", "true", "mail.smtp.localhost", "xn--4dkua4c.xn--r8jz45g.jp");
    return mails.single();
  }

  @Test
  void should_pass_the_envelope_domain_and_spf_for_a_u_label_sender(SmtpEndpoint smtp, CapturedMails mails) {
    CapturedMail mail = utf8Mail(smtp, mails);
    Assertions.assertThat(mail.usesSmtpUtf8()).isTrue();
    assertThat(mail).hasEnvelopeSender("ユーザー@例え.jp")
        .hasEnvelopeSenderDomain("例え.jp").hasEnvelopeSenderDomain("xn--r8jz45g.jp").hasEnvelopeSenderDomain("JP");
    assertThat(mail).spf().isPass().hasMechanism("ip4:203.0.113.25");
    assertThat(mail).receiver().passes(MailCheck.ENVELOPE_DOMAIN, MailCheck.SPF, MailCheck.REVERSE_DNS);
  }

  @Test
  void should_publish_the_zone_under_the_a_label_to_a_real_dns_client(DnsEndpoint dns, DnsZone zone)
      throws IOException {
    zone.a("www.例え.jp", "192.0.2.80");
    SimpleResolver client = new SimpleResolver(new InetSocketAddress(dns.host(), dns.port()));
    client.setTimeout(Duration.ofSeconds(5));

    Assertions.assertThat(answers(client, "xn--r8jz45g.jp.", Type.TXT)).containsExactly(
        "xn--r8jz45g.jp.\t\t300\tIN\tTXT\t\"v=spf1 ip4:203.0.113.25 -all\"");
    Assertions.assertThat(answers(client, "xn--4dkua4c.xn--r8jz45g.jp.", Type.A)).containsExactly(
        "xn--4dkua4c.xn--r8jz45g.jp.\t300\tIN\tA\t203.0.113.25");
    Assertions.assertThat(answers(client, "25.113.0.203.in-addr.arpa.", Type.PTR)).containsExactly(
        "25.113.0.203.in-addr.arpa.\t300\tIN\tPTR\txn--4dkua4c.xn--r8jz45g.jp.");
    Assertions.assertThat(answers(client, "www.xn--r8jz45g.jp.", Type.A)).containsExactly(
        "www.xn--r8jz45g.jp.\t300\tIN\tA\t192.0.2.80");
    // The zone's own lookups take either form.
    Assertions.assertThat(zone.lookup("www.例え.jp", Type.A).records()).hasSize(1);
  }

  @Test
  void should_fail_spf_for_a_u_label_sender_naming_the_a_label_domain(SmtpEndpoint smtp, CapturedMails mails,
      DnsZone zone) {
    zone.replaceSpf("例え.jp", "v=spf1 ip4:198.51.100.1 -all");
    CapturedMail mail = utf8Mail(smtp, mails);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).spf().isPass())
        .withMessage(String.format("%nExpecting SPF for the MAIL FROM identity of%n  %s%n"
            + "to be pass but it was fail, as a receiver would write it:%n"
            + "  Received-SPF: fail (mx.receiver.test: domain of ユーザー@xn--r8jz45g.jp does not designate 203.0.113.25"
            + " as permitted sender) client-ip=203.0.113.25; envelope-from=\"ユーザー@xn--r8jz45g.jp\";"
            + " helo=xn--4dkua4c.xn--r8jz45g.jp; receiver=mx.receiver.test; identity=mailfrom; mechanism=-all%n"
            + "Checked with the client IP 203.0.113.25 (declared by the test; the socket address was 127.0.0.1).%n"
            + "Trace:%n"
            + "  xn--r8jz45g.jp TXT -> \"v=spf1 ip4:198.51.100.1 -all\"%n"
            + "  ip4:198.51.100.1 -> no match%n"
            + "  -all -> match%n"
            + "Fix: list the sending address in the SPF record of xn--r8jz45g.jp: add ip4:203.0.113.25 (or your mail"
            + " provider's include:) before the all term", MAIL));
  }

  @Test
  void should_fail_the_envelope_domain_showing_the_u_label_sender(SmtpEndpoint smtp, CapturedMails mails) {
    CapturedMail mail = utf8Mail(smtp, mails);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasEnvelopeSenderDomain("例え.co.jp"))
        .withMessage(String.format("%nExpecting the envelope sender (MAIL FROM) of%n  %s%nto be in domain:%n"
            + "  例え.co.jp%nbut was:%n  <ユーザー@例え.jp>%n"
            + "as the client sent it:%n  MAIL FROM:<ユーザー@例え.jp> SMTPUTF8%n"
            + "Receivers check SPF for this domain, write it as Return-Path and send bounces there.%n"
            + "Fix: set the envelope sender to an address in 例え.co.jp: Jakarta Mail mail.smtp.from=no-reply@例え.co.jp"
            + " (Spring Boot: spring.mail.properties.mail.smtp.from); PHP -fno-reply@例え.co.jp in sendmail_path or as"
            + " mail()'s fifth argument; sendmail MASQUERADE_AS(`例え.co.jp') with FEATURE(`masquerade_envelope')",
            MAIL));
  }

  private static List<String> answers(SimpleResolver client, String name, int type) throws IOException {
    Message answer = client.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
    return answer.getSection(Section.ANSWER).stream().map(Record::toString).toList();
  }
}
