package io.github.junitmailassert.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.testing.Received;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The printed report renders the receiver result: the verdict under the declared checks, each check, the fixes. */
class MailReportTest {

  @Test
  void should_render_each_check_and_every_fix_once() {
    // GIVEN the legacy web server's mail, checked by a receiver that knows the client IP and the domain
    DnsZone zone = DnsZone.create().sendingHost("mail.sample.co.jp", "203.0.113.25");
    Receiver receiver = Receiver.builder(zone.resolver()).clientIp("203.0.113.25").senderDomain("sample.co.jp")
        .clock(Received.CLOCK).build();
    CapturedMail mail = Received.mail(receiver, "apache@localhost.localdomain", "localhost.localdomain",
        ("From: shop@sample.co.jp\r\nSubject: Reset your password\r\nDate: Fri, 27 Nov 2026 10:00:00 +0900\r\n"
            + "Message-ID: <1@sample.co.jp>\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8));
    // WHEN
    String report = MailReport.of(receiver.check(mail), EnumSet.of(MailCheck.ENVELOPE_DOMAIN, MailCheck.LOCAL_NAMES));
    // THEN
    assertThat(report).isEqualTo(String.join(System.lineSeparator(),
        "mail #1 from <apache@localhost.localdomain> to [user@example.com] \"Reset your password\"",
        "  client IP    203.0.113.25 (declared by the test; the socket address was 127.0.0.1)",
        "  HELO         EHLO localhost.localdomain",
        "  MAIL FROM    <apache@localhost.localdomain>",
        "  RCPT TO      user@example.com",
        "  From         shop@sample.co.jp",
        "  Message-ID   <1@sample.co.jp>",
        "  TLS          no",
        "  receiver     mx.receiver.test",
        "  verdict      fails the checks the test declared: ENVELOPE_DOMAIN failed, LOCAL_NAMES failed",
        "  envelope     1 finding(s)",
        "    - MAIL FROM <apache@localhost.localdomain>: localhost.localdomain is the name every machine gives itself",
        "  local names  2 leak(s)",
        "    - MAIL FROM <apache@localhost.localdomain>: localhost.localdomain is the name every machine gives itself",
        "    - HELO/EHLO localhost.localdomain: localhost.localdomain is the name every machine gives itself",
        "  format       RFC 5322",
        "  SPF          Received-SPF: none (mx.receiver.test: domain of apache@localhost.localdomain does not designate"
            + " permitted sender hosts) client-ip=203.0.113.25; envelope-from=\"apache@localhost.localdomain\";"
            + " helo=localhost.localdomain; receiver=mx.receiver.test; identity=mailfrom",
        "  DKIM         not signed",
        "  DMARC        dmarc=none header.from=sample.co.jp: No DMARC policy applies to sample.co.jp: the DNS tree walk"
            + " (_dmarc.sample.co.jp, _dmarc.co.jp, _dmarc.jp) found no DMARC record. Receivers such as Gmail and Yahoo"
            + " require one from bulk senders; publish at least \"v=DMARC1; p=none\" at _dmarc.sample.co.jp.",
        "  reverse DNS  1 finding(s)",
        "    - HELO/EHLO localhost.localdomain: localhost.localdomain is the name every machine gives itself",
        "  block lists  not checked (no block lists declared for the receiver to ask)",
        "  auth results mx.receiver.test; spf=none smtp.mailfrom=localhost.localdomain; dkim=none; dmarc=none"
            + " header.from=sample.co.jp",
        "  fixes        7",
        "    - set the envelope sender to an address in sample.co.jp: Jakarta Mail mail.smtp.from=no-reply@sample.co.jp"
            + " (Spring Boot: spring.mail.properties.mail.smtp.from); PHP -fno-reply@sample.co.jp in sendmail_path or as"
            + " mail()'s fifth argument; sendmail MASQUERADE_AS(`sample.co.jp') with FEATURE(`masquerade_envelope')",
        "    - set the name the client greets with: Jakarta Mail mail.smtp.localhost=mail.sample.co.jp; sendmail"
            + " define(`confDOMAIN_NAME', `mail.sample.co.jp'); Postfix myhostname = mail.sample.co.jp",
        "    - no SPF record can exist for localhost.localdomain: put the envelope sender in your own domain first, then"
            + " publish TXT \"v=spf1 ip4:203.0.113.25 -all\" there",
        "    - sign the mail with DKIM, d=sample.co.jp (the From domain, so that DMARC aligns), and publish the key at"
            + " <selector>._domainkey.sample.co.jp; in a test, DkimKeyPair.publishedIn(zone, selector, domain, algorithm)"
            + " makes both",
        "    - publish a DMARC policy: _dmarc.sample.co.jp TXT \"v=DMARC1; p=none; rua=mailto:dmarc@sample.co.jp\", then"
            + " align From with SPF or DKIM",
        "    - declare blockLists, the DNS block list zones the receiver asks",
        "    - declare spamFilters, the real filters whose verdict counts (@MailDeliverability(spamFilters ="
            + " SpamFilter.SPAMASSASSIN) or the builder's spamFilters(...))"));
    assertThat(MailReport.of(receiver.check(mail), Set.of())).contains(
        "  verdict      no checks declared by the test (verifyEachTest is off): what follows is information");
  }
}
