package io.github.junitmailassert.receiver;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.check.CheckOutcome;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dkim.DkimAlgorithm;
import io.github.junitmailassert.dkim.DkimKeyPair;
import io.github.junitmailassert.dkim.DkimSignatureResult;
import io.github.junitmailassert.dkim.TestSigner;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.profile.ReceiverProfile;
import io.github.junitmailassert.report.GateReport;
import io.github.junitmailassert.report.MailReport;
import io.github.junitmailassert.testing.Received;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;

/** One receiver, one result per mail: the judgement every consumer renders. */
class ReceiverTest {

  private static final String MESSAGE = "From: Sample Shop <shop@sample.co.jp>\r\nTo: user@example.com\r\n"
      + "Subject: Your order\r\nDate: Fri, 27 Nov 2026 10:00:00 +0900\r\nMessage-ID: <1@sample.co.jp>\r\n\r\nThank you.\r\n";

  private final DnsZone zone = DnsZone.create()
      .spf("sample.co.jp", "v=spf1 ip4:203.0.113.25 -all")
      .dmarc("sample.co.jp", "v=DMARC1; p=reject")
      .sendingHost("mail.sample.co.jp", "203.0.113.25");

  @Test
  void should_tell_to_declare_the_client_ip_instead_of_publishing_loopback() {
    // GIVEN a receiver without a declared client IP: the socket address 127.0.0.1 is all it has
    Receiver receiver = Receiver.builder(zone.resolver()).clock(Received.CLOCK).build();
    CapturedMail mail = Received.mail(receiver, "bounces@sample.co.jp", "mail.sample.co.jp",
        MESSAGE.getBytes(StandardCharsets.UTF_8));
    // THEN SPF is not checked, and the assertion's fix is to declare clientIp
    assertThat(receiver.check(mail).outcome(MailCheck.SPF)).isEqualTo(CheckOutcome.notChecked(MailCheck.SPF,
        "no clientIp declared: over loopback every client is 127.0.0.1, which no receiver on the internet sees",
        "declare clientIp, the public address receivers see for the sending host (@MailDeliverability(clientIp ="
            + " \"203.0.113.25\") or the builder's clientIp(...))"));
    // DMARC cannot align SPF without the client IP, and nothing else passes: not checked either, not failed
    assertThat(receiver.check(mail).outcome(MailCheck.DMARC).status()).isEqualTo(CheckOutcome.Status.NOT_CHECKED);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).spf().isPass())
        .withMessageEndingWith(String.format("Checked with the client IP 127.0.0.1 (the socket address: declare"
            + " clientIp to check as receivers on the internet would).%n"
            + "Trace:%n"
            + "  sample.co.jp TXT -> \"v=spf1 ip4:203.0.113.25 -all\"%n"
            + "  ip4:203.0.113.25 -> no match%n"
            + "  -all -> match%n"
            + "Fix: declare clientIp, the public address receivers see for the sending host (@MailDeliverability(clientIp"
            + " = \"203.0.113.25\") or the builder's clientIp(...)): over loopback every client is 127.0.0.1, which no"
            + " SPF record in production lists"));
  }

  @Test
  void should_refuse_to_judge_the_sending_host_and_block_lists_of_loopback() {
    Receiver receiver = Receiver.builder(zone.resolver()).clock(Received.CLOCK).build();
    CapturedMail mail = Received.mail(receiver, "bounces@sample.co.jp", "mail.sample.co.jp",
        MESSAGE.getBytes(StandardCharsets.UTF_8));
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).sendingHost().hasForwardConfirmedReverseDns())
        .withMessage(String.format("%nExpecting forward-confirmed reverse DNS for%n"
            + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"Your order\"%n"
            + "but it was not checked: no clientIp declared: over loopback every client is 127.0.0.1, which no receiver"
            + " on the internet sees.%n"
            + "Fix: declare clientIp, the public address receivers see for the sending host (@MailDeliverability(clientIp"
            + " = \"203.0.113.25\") or the builder's clientIp(...))"));
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).receiver().isNotListedOn("zen.dnsbl.example"))
        .withMessageContaining("to be on no block list but it was not checked: no clientIp declared");
  }

  @Test
  void should_fail_block_lists_for_a_listed_client_ip_in_the_gate() {
    // GIVEN a listing the test publishes, and a receiver that asks the list
    zone.a("25.113.0.203.zen.dnsbl.example", "127.0.0.2").txt("25.113.0.203.zen.dnsbl.example", "listed for spam");
    Receiver receiver = Receiver.builder(zone.resolver()).clientIp("203.0.113.25").clock(Received.CLOCK)
        .blockLists(List.of("zen.dnsbl.example")).build();
    CapturedMail mail = Received.mail(receiver, "bounces@sample.co.jp", "mail.sample.co.jp",
        MESSAGE.getBytes(StandardCharsets.UTF_8));
    // THEN
    assertThat(GateReport.of(List.of(receiver.check(mail)), EnumSet.of(MailCheck.BLOCK_LISTS))).isEqualTo(String.format(
        "1 of 1 captured mail(s) would not pass a receiver's checks (BLOCK_LISTS):%n"
            + "%n"
            + "mail #1 from <bounces@sample.co.jp> to [user@example.com] \"Your order\"%n"
            + "  - zen.dnsbl.example: 25.113.0.203.zen.dnsbl.example -> 127.0.0.2 (listed for spam)%n"
            + "%n"
            + "How to fix:%n"
            + "  - send from another address, or have it delisted after fixing the cause"));
  }

  @Test
  void should_fix_the_from_domains_signature_first_when_none_passes() {
    // GIVEN the shop's signature, then the provider's on top, neither key published
    DkimKeyPair shop = DkimKeyPair.ed25519("s1", "sample.co.jp");
    DkimKeyPair provider = DkimKeyPair.ed25519("p1", "esp.example");
    byte[] signed = TestSigner.with(provider).sign(TestSigner.with(shop).sign(MESSAGE));
    Receiver receiver = Received.view(zone, "203.0.113.25");
    ReceiverResult result = receiver.check(Received.mail(receiver, "bounces@sample.co.jp", "mail.sample.co.jp", signed));
    // THEN the finding and its fix are about the signature DMARC needs: d=sample.co.jp
    assertThat(result.dkim()).extracting(DkimSignatureResult::domain).containsExactly("esp.example", "sample.co.jp");
    assertThat(result.outcome(MailCheck.DKIM).failures()).singleElement().satisfies(f -> {
      assertThat(f.text()).startsWith("no DKIM signature passes (dkim=permerror header.d=sample.co.jp");
      assertThat(f.fix()).startsWith("make a signature verify: ").contains("s1._domainkey.sample.co.jp");
    });
  }

  @Test
  void should_accept_rsa_sha1_only_under_the_legacy_dkim_policy() {
    // GIVEN an rsa-sha1 signature, which RFC 8301 receivers refuse
    DkimKeyPair key = DkimKeyPair.publishedIn(zone, "old", "sample.co.jp", DkimAlgorithm.RSA_SHA256);
    byte[] signed = TestSigner.with(key).algorithm("rsa-sha1").sign(MESSAGE);
    Receiver today = Received.view(zone, "203.0.113.25");
    Receiver legacy = Receiver.builder(zone.resolver()).clientIp("203.0.113.25").clock(Received.CLOCK)
        .dkimPolicy(io.github.junitmailassert.dkim.DkimPolicy.LEGACY).build();
    // THEN
    assertThat(Received.mail(today, "bounces@sample.co.jp", "mail.sample.co.jp", signed)).dkim()
        .hasCode(0, io.github.junitmailassert.dkim.DkimResultCode.POLICY);
    assertThat(Received.mail(legacy, "bounces@sample.co.jp", "mail.sample.co.jp", signed)).dkim().isPass();
  }

  @Test
  void should_give_the_strict_alignment_fix_under_adkim_s() {
    // GIVEN From news.acme-shop.com, signed d=acme-shop.com, and a record that asks for strict alignment
    DnsZone acme = DnsZone.create().spf("acme-shop.com", "v=spf1 ip4:203.0.113.25 -all")
        .dmarc("acme-shop.com", "v=DMARC1; p=reject; adkim=s; aspf=s");
    DkimKeyPair key = DkimKeyPair.publishedIn(acme, "k1", "acme-shop.com", DkimAlgorithm.ED25519_SHA256);
    Receiver receiver = Received.view(acme, "203.0.113.25");
    CapturedMail mail = Received.mail(receiver, "bounces@acme-shop.com", "mail.acme-shop.com", TestSigner.with(key)
        .sign(MESSAGE.replace("shop@sample.co.jp", "news@news.acme-shop.com").replace("<1@sample.co.jp>", "<1@acme-shop.com>")));
    // THEN the fix names strict alignment, not the signature the mail already has
    assertThat(mail).dkim().isPassFor("acme-shop.com");
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).dmarc().isPass())
        .withMessageEndingWith("Fix: the DMARC record asks for strict DKIM alignment (adkim=s) and the signature's"
            + " d=acme-shop.com is only in the same organization: sign with d=news.acme-shop.com exactly, or publish"
            + " adkim=r");
  }

  @Test
  void should_report_a_local_helo_name_once_for_local_names_and_reverse_dns() {
    // GIVEN EHLO localhost.localdomain from a host with good reverse DNS
    Receiver receiver = Received.view(zone, "203.0.113.25");
    CapturedMail mail = Received.mail(receiver, "bounces@sample.co.jp", "localhost.localdomain",
        MESSAGE.getBytes(StandardCharsets.UTF_8));
    ReceiverResult result = receiver.check(mail);
    // THEN both checks fail on the one finding
    assertThat(result.outcome(MailCheck.REVERSE_DNS).isFailed()).isTrue();
    assertThat(result.failures(EnumSet.of(MailCheck.LOCAL_NAMES, MailCheck.REVERSE_DNS))).singleElement()
        .satisfies(f -> assertThat(f.text()).isEqualTo("HELO/EHLO localhost.localdomain: localhost.localdomain is the"
            + " name every machine gives itself"));
    assertThat(GateReport.of(List.of(result), EnumSet.of(MailCheck.REVERSE_DNS))).isEqualTo(String.format(
        "1 of 1 captured mail(s) would not pass a receiver's checks (REVERSE_DNS):%n"
            + "%n"
            + "mail #1 from <bounces@sample.co.jp> to [user@example.com] \"Your order\"%n"
            + "  - HELO/EHLO localhost.localdomain: localhost.localdomain is the name every machine gives itself%n"
            + "%n"
            + "How to fix:%n"
            + "  - set the name the client greets with: Jakarta Mail mail.smtp.localhost=mail.sample.co.jp; sendmail"
            + " define(`confDOMAIN_NAME', `mail.sample.co.jp'); Postfix myhostname = mail.sample.co.jp"));
  }

  @Test
  void should_run_the_checks_once_per_mail_whatever_reads_them() throws IOException {
    // GIVEN a receiver whose DNS queries are counted
    DkimKeyPair key = DkimKeyPair.publishedIn(zone, "s1", "sample.co.jp", DkimAlgorithm.ED25519_SHA256);
    CountingResolver dns = new CountingResolver(zone.resolver());
    Receiver receiver = Receiver.builder(dns).clientIp(InetAddress.getByName("203.0.113.25")).clock(Received.CLOCK)
        .senderDomain("sample.co.jp").build();
    CapturedMail mail = Received.mail(receiver, "bounces@sample.co.jp", "mail.sample.co.jp",
        TestSigner.with(key).sign(MESSAGE));
    // WHEN assertions, the gate, a profile and both reports read the result
    readEverything(mail, receiver);
    int once = dns.queries.get();
    readEverything(mail, receiver);
    // THEN the second round asks DNS nothing: every check ran once
    assertThat(once).isPositive();
    assertThat(dns.queries.get()).isEqualTo(once);
    assertThat(receiver.check(mail)).isSameAs(Receiver.checkOf(mail));
  }

  private static void readEverything(CapturedMail mail, Receiver receiver) {
    assertThat(mail).spf().isPass().returnToMail().spfForHelo().isNone();
    assertThat(mail).dkim().isPass();
    assertThat(mail).dmarc().isPass();
    assertThat(mail).sendingHost().isConsistent();
    assertThat(mail).authenticationResults().hasResult("dmarc", "pass").asString().contains("dmarc=pass");
    assertThat(mail).receiver().passes(MailCheck.SPF, MailCheck.DKIM, MailCheck.DMARC,
        MailCheck.REVERSE_DNS, MailCheck.FORMAT, MailCheck.LOCAL_NAMES, MailCheck.ENVELOPE_DOMAIN);
    assertThat(ReceiverProfile.bulkSenderAuthentication2024().evaluate(mail).broken()).isEmpty();
    assertThat(GateReport.of(List.of(receiver.check(mail)), EnumSet.complementOf(EnumSet.of(MailCheck.BLOCK_LISTS, MailCheck.SPAM_SCORE)))).isNull();
    assertThat(MailReport.of(receiver.check(mail), Set.of(MailCheck.SPF))).contains("passes the checks the test declared");
  }

  /** Counts the queries that reach the zone. */
  private static final class CountingResolver extends SimpleResolver {
    final AtomicInteger queries = new AtomicInteger();
    private final Resolver zone;

    CountingResolver(Resolver zone) throws IOException {
      super(InetAddress.getLoopbackAddress());
      this.zone = zone;
    }

    @Override
    public CompletionStage<Message> sendAsync(Message query, Executor executor) {
      queries.incrementAndGet();
      return zone.sendAsync(query, executor);
    }

    @Override
    public CompletionStage<Message> sendAsync(Message query) {
      queries.incrementAndGet();
      return zone.sendAsync(query);
    }

    @Override
    public Message send(Message query) throws IOException {
      queries.incrementAndGet();
      try {
        return zone.sendAsync(query).toCompletableFuture().get();
      } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
        throw new IOException(e);
      }
    }
  }
}
