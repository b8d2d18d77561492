package io.github.junitmailassert.host;

import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.MailCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.check.Finding.Severity;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendingHostVerifierTest {

  private static final InetAddress CLIENT = ip("203.0.113.25");
  private static final String HOW_TO =
      " (Postfix: smtp_helo_name or myhostname; sendmail: confDOMAIN_NAME; Jakarta Mail: mail.smtp.localhost)";

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void should_be_consistent_when_ptr_a_and_helo_agree() {
    // GIVEN
    DnsZone zone = DnsZone.create().sendingHost("mail.sample.co.jp", "203.0.113.25");
    // WHEN
    SendingHostResult result = SendingHostVerifier.using(zone.resolver()).check(CLIENT, "mail.sample.co.jp");
    // THEN
    assertThat(result.isConsistent()).isTrue();
    assertThat(result.findings()).isEmpty();
    assertThat(result.reverseDns().status()).isEqualTo(ReverseDns.Status.CONFIRMED);
    assertThat(result.reverseDns().reverseName()).isEqualTo("25.113.0.203.in-addr.arpa");
    assertThat(result.reverseDns().confirmedName()).isEqualTo("mail.sample.co.jp");
    assertThat(result.reverseDns().forwardAddresses()).isEqualTo(Map.of("mail.sample.co.jp", List.of("203.0.113.25")));
    assertThat(result.helo().ptrMatch()).isEqualTo(HeloCheck.PtrMatch.SAME_NAME);
    assertThat(result.helo().resolvesToClient()).isTrue();
  }

  @Test
  void should_say_which_ptr_to_publish_when_the_ip_has_none() {
    // GIVEN
    DnsZone zone = DnsZone.create().a("mail.sample.co.jp", "203.0.113.25");
    // WHEN
    SendingHostResult result = SendingHostVerifier.using(zone.resolver()).check(CLIENT, "mail.sample.co.jp");
    // THEN
    assertThat(result.isConsistent()).isFalse();
    assertThat(result.reverseDns().status()).isEqualTo(ReverseDns.Status.NO_PTR);
    assertThat(result.findings()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("source").containsExactly(finding(Severity.ERROR,
        "203.0.113.25 has no PTR record (25.113.0.203.in-addr.arpa: NXDOMAIN)",
        "publish PTR 25.113.0.203.in-addr.arpa -> mail.sample.co.jp (ask whoever owns 203.0.113.25: the hosting"
            + " provider or ISP), and A mail.sample.co.jp -> 203.0.113.25"));
  }

  @Test
  void should_say_which_a_record_is_wrong_when_the_ptr_name_does_not_lead_back() {
    // GIVEN
    DnsZone zone = DnsZone.create().ptr("203.0.113.25", "mail.sample.co.jp").a("mail.sample.co.jp", "198.51.100.7");
    // WHEN
    SendingHostResult result = SendingHostVerifier.using(zone.resolver()).check(CLIENT, "mail.sample.co.jp");
    // THEN
    assertThat(result.reverseDns().status()).isEqualTo(ReverseDns.Status.NOT_CONFIRMED);
    assertThat(result.findings()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("source").containsExactly(
        finding(Severity.ERROR, "the PTR name mail.sample.co.jp resolves to 198.51.100.7, not to 203.0.113.25",
            "publish A mail.sample.co.jp -> 203.0.113.25 (or point PTR 25.113.0.203.in-addr.arpa at a name that"
                + " resolves to 203.0.113.25)"),
        finding(Severity.WARNING, "the HELO name mail.sample.co.jp resolves to 198.51.100.7, not to 203.0.113.25",
            "publish A mail.sample.co.jp -> 203.0.113.25 or set the HELO name to mail.sample.co.jp" + HOW_TO));
  }

  @Test
  void should_reject_localhost_as_helo_and_suggest_the_ptr_name() {
    // GIVEN
    DnsZone zone = DnsZone.create().sendingHost("mail.sample.co.jp", "203.0.113.25");
    // WHEN
    SendingHostResult result = SendingHostVerifier.using(zone.resolver()).check(CLIENT, "localhost.localdomain");
    // THEN
    assertThat(result.helo().fullyQualified()).isFalse();
    assertThat(result.findings()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("source").containsExactly(finding(Severity.ERROR,
        "the HELO name localhost.localdomain is a local name that means nothing outside the sending host",
        "set the HELO name to mail.sample.co.jp" + HOW_TO));
  }

  @Test
  void should_reject_an_address_literal_and_a_dotless_helo() {
    // GIVEN
    SendingHostVerifier verifier =
        SendingHostVerifier.using(DnsZone.create().sendingHost("mail.sample.co.jp", "203.0.113.25").resolver());
    // WHEN
    SendingHostResult literal = verifier.check(CLIENT, "[203.0.113.25]");
    SendingHostResult dotless = verifier.check(CLIENT, "web01");
    // THEN
    assertThat(literal.helo().findings()).extracting(Finding::text)
        .containsExactly("the HELO name [203.0.113.25] is an address literal, not a host name");
    assertThat(dotless.helo().findings()).extracting(Finding::text)
        .containsExactly("the HELO name web01 is not a fully qualified domain name");
  }

  @Test
  void should_accept_a_helo_in_the_ptr_names_organizational_domain_with_an_info() {
    // GIVEN the organizational domain sample.co.jp, as DMARC finds it (the record at _dmarc.sample.co.jp)
    DnsZone zone = DnsZone.create().sendingHost("mail.sample.co.jp", "203.0.113.25").a("smtp.sample.co.jp", "203.0.113.25")
        .dmarc("sample.co.jp", "v=DMARC1; p=none");
    // WHEN
    SendingHostResult result = SendingHostVerifier.using(zone.resolver()).check(CLIENT, "smtp.sample.co.jp");
    // THEN
    assertThat(result.isConsistent()).isTrue();
    assertThat(result.helo().ptrMatch()).isEqualTo(HeloCheck.PtrMatch.SAME_DOMAIN);
    assertThat(result.findings()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("source").containsExactly(
        finding(Severity.INFO, "the HELO name smtp.sample.co.jp is not the PTR name mail.sample.co.jp but is in the same"
            + " organizational domain sample.co.jp", "set the HELO name to mail.sample.co.jp" + HOW_TO));
  }

  @Test
  void should_not_take_a_shared_public_suffix_such_as_co_jp_for_the_same_domain() {
    // GIVEN smtp.co.jp and mail.sample.co.jp share only the two labels co.jp, a public suffix
    DnsZone zone = DnsZone.create().sendingHost("mail.sample.co.jp", "203.0.113.25").a("smtp.co.jp", "203.0.113.25");
    // WHEN
    SendingHostResult result = SendingHostVerifier.using(zone.resolver()).check(CLIENT, "smtp.co.jp");
    // THEN
    assertThat(result.helo().ptrMatch()).isEqualTo(HeloCheck.PtrMatch.DIFFERENT);
    assertThat(result.isConsistent()).isFalse();
  }

  @Test
  void should_warn_when_the_helo_name_is_unrelated_to_the_ptr_name() {
    // GIVEN
    DnsZone zone = DnsZone.create().sendingHost("mail.sample.co.jp", "203.0.113.25").a("relay.example.net", "203.0.113.25");
    // WHEN
    SendingHostResult result = SendingHostVerifier.using(zone.resolver()).check(CLIENT, "relay.example.net");
    // THEN
    assertThat(result.isConsistent()).isFalse();
    assertThat(result.findings()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("source").containsExactly(finding(Severity.WARNING,
        "the HELO name relay.example.net does not match the PTR name mail.sample.co.jp",
        "set the HELO name to mail.sample.co.jp" + HOW_TO + ", or publish PTR 25.113.0.203.in-addr.arpa -> relay.example.net"));
  }

  @Test
  void should_confirm_an_ipv6_client_through_ip6_arpa_and_aaaa() {
    // GIVEN
    DnsZone zone = DnsZone.create().sendingHost("mail.sample.co.jp", "2001:db8::25");
    // WHEN
    SendingHostResult result = SendingHostVerifier.using(zone.resolver()).check(ip("2001:db8::25"), "mail.sample.co.jp");
    // THEN
    assertThat(result.isConsistent()).isTrue();
    assertThat(result.reverseDns().reverseName())
        .isEqualTo("5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
  }

  @Test
  void should_report_temperror_when_the_ptr_lookup_times_out() {
    // GIVEN
    DnsZone zone = DnsZone.create().timeout("25.113.0.203.in-addr.arpa");
    // WHEN
    SendingHostResult result = SendingHostVerifier.using(zone.resolver()).check(CLIENT, "mail.sample.co.jp");
    // THEN
    assertThat(result.reverseDns().status()).isEqualTo(ReverseDns.Status.TEMPERROR);
    assertThat(result.reverseDns().findings()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("source").containsExactly(finding(Severity.WARNING,
        "the PTR lookup of 25.113.0.203.in-addr.arpa failed: timed out",
        "make the DNS servers for 25.113.0.203.in-addr.arpa answer"));
  }

  /** A finding of this check; the comparisons ignore its source. */
  private static Finding finding(Severity severity, String text, String fix) {
    return new Finding(MailCheck.REVERSE_DNS, severity, text, fix, "");
  }
}
