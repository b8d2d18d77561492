package io.github.junitmailassert.spf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitmailassert.dns.DnsZone;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpfVerifierTest {

  private static final InetAddress CLIENT = ip("203.0.113.25");

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void should_pass_with_trace_and_headers_when_the_record_lists_the_client() {
    // GIVEN
    DnsZone zone = DnsZone.create().spf("sample.co.jp", "v=spf1 ip4:203.0.113.25 -all");
    // WHEN
    SpfResult result = SpfVerifier.using(zone.resolver())
        .checkMailFrom(CLIENT, "info@sample.co.jp", "mail.sample.co.jp");
    // THEN
    assertThat(result.code()).isEqualTo(SpfResultCode.PASS);
    assertThat(result.identity()).isEqualTo(SpfIdentity.MAILFROM);
    assertThat(result.domain()).isEqualTo("sample.co.jp");
    assertThat(result.mechanism()).isEqualTo("ip4:203.0.113.25");
    assertThat(result.dnsLookups()).isZero();
    assertThat(result.trace()).containsExactly(
        "sample.co.jp TXT -> \"v=spf1 ip4:203.0.113.25 -all\"",
        "ip4:203.0.113.25 -> match");
    assertThat(result.receivedSpf("mx.example.net")).isEqualTo(
        "Received-SPF: pass (mx.example.net: domain of info@sample.co.jp designates 203.0.113.25 as permitted sender)"
            + " client-ip=203.0.113.25; envelope-from=\"info@sample.co.jp\"; helo=mail.sample.co.jp;"
            + " receiver=mx.example.net; identity=mailfrom; mechanism=\"ip4:203.0.113.25\"");
    assertThat(result.authenticationResultsPart()).isEqualTo("spf=pass smtp.mailfrom=sample.co.jp");
  }

  @Test
  void should_fail_with_the_domains_explanation_when_the_client_is_not_listed() {
    // GIVEN
    DnsZone zone = DnsZone.create()
        .spf("sample.co.jp", "v=spf1 ip4:198.51.100.7 -all exp=why.sample.co.jp")
        .txt("why.sample.co.jp", "%{i} may not send for %{d}; ask %{r}");
    // WHEN
    SpfResult result = SpfVerifier.using(zone.resolver()).withReceivingHost("mx.example.net")
        .checkMailFrom(CLIENT, "info@sample.co.jp", "mail.sample.co.jp");
    // THEN
    assertThat(result.code()).isEqualTo(SpfResultCode.FAIL);
    assertThat(result.mechanism()).isEqualTo("-all");
    assertThat(result.explanation()).isEqualTo("203.0.113.25 may not send for sample.co.jp; ask mx.example.net");
    assertThat(result.receivedSpf("mx.example.net")).isEqualTo(
        "Received-SPF: fail (mx.example.net: domain of info@sample.co.jp does not designate 203.0.113.25 as"
            + " permitted sender) client-ip=203.0.113.25; envelope-from=\"info@sample.co.jp\"; helo=mail.sample.co.jp;"
            + " receiver=mx.example.net; identity=mailfrom; mechanism=-all");
  }

  @Test
  void should_give_the_default_explanation_when_the_domain_has_no_exp() {
    // GIVEN
    DnsZone zone = DnsZone.create().spf("sample.co.jp", "v=spf1 -all");
    // WHEN
    SpfResult result = SpfVerifier.using(zone.resolver()).checkMailFrom(CLIENT, "info@sample.co.jp", "h.sample.co.jp");
    // THEN
    assertThat(result.explanation()).isEqualTo("203.0.113.25 is not one of sample.co.jp's designated mail servers.");
  }

  @Test
  void should_check_postmaster_at_the_helo_name_when_the_sender_is_null() {
    // GIVEN
    DnsZone zone = DnsZone.create().spf("mail.sample.co.jp", "v=spf1 a -all").a("mail.sample.co.jp", "203.0.113.25");
    // WHEN
    SpfResult result = SpfVerifier.using(zone.resolver()).checkMailFrom(CLIENT, "", "mail.sample.co.jp");
    // THEN
    assertThat(result.code()).isEqualTo(SpfResultCode.PASS);
    assertThat(result.sender()).isEqualTo("postmaster@mail.sample.co.jp");
    assertThat(result.dnsLookups()).isEqualTo(1);
    assertThat(result.trace()).containsExactly(
        "mail.sample.co.jp TXT -> \"v=spf1 a -all\"",
        "mail.sample.co.jp A -> 203.0.113.25",
        "a -> match");
  }

  @Test
  void should_check_the_helo_identity_and_name_it_smtp_helo() {
    // GIVEN
    DnsZone zone = DnsZone.create().spf("mail.sample.co.jp", "v=spf1 ~all");
    // WHEN
    SpfResult result = SpfVerifier.using(zone.resolver()).checkHelo(CLIENT, "mail.sample.co.jp");
    // THEN
    assertThat(result.code()).isEqualTo(SpfResultCode.SOFTFAIL);
    assertThat(result.identity()).isEqualTo(SpfIdentity.HELO);
    assertThat(result.authenticationResultsPart()).isEqualTo("spf=softfail smtp.helo=mail.sample.co.jp");
    assertThat(result.receivedSpf("mx.example.net")).isEqualTo(
        "Received-SPF: softfail (mx.example.net: domain of transitioning mail.sample.co.jp does not designate"
            + " 203.0.113.25 as permitted sender) client-ip=203.0.113.25;"
            + " envelope-from=\"postmaster@mail.sample.co.jp\"; helo=mail.sample.co.jp; receiver=mx.example.net;"
            + " identity=helo; mechanism=~all");
  }

  @Test
  void should_be_none_without_lookups_when_the_helo_name_is_not_a_domain() {
    // GIVEN
    DnsZone zone = DnsZone.create();
    // WHEN
    SpfResult result = SpfVerifier.using(zone.resolver()).checkHelo(CLIENT, "localhost");
    // THEN
    assertThat(result.code()).isEqualTo(SpfResultCode.NONE);
    assertThat(result.trace()).containsExactly(
        "\"localhost\" is not a fully qualified domain name, so there is nothing to check (RFC 7208 section 4.3)");
  }

  @Test
  void should_report_temperror_with_the_problem_when_dns_times_out() {
    // GIVEN
    DnsZone zone = DnsZone.create().timeout("sample.co.jp");
    // WHEN
    SpfResult result = SpfVerifier.using(zone.resolver()).checkMailFrom(CLIENT, "info@sample.co.jp", "h.sample.co.jp");
    // THEN
    assertThat(result.code()).isEqualTo(SpfResultCode.TEMPERROR);
    assertThat(result.problem()).isEqualTo("TXT lookup of sample.co.jp failed: timed out");
    assertThat(result.receivedSpf("mx.example.net")).endsWith(
        "identity=mailfrom; problem=\"TXT lookup of sample.co.jp failed: timed out\"");
  }

  @Test
  void should_report_permerror_with_the_position_when_the_record_has_a_syntax_error() {
    // GIVEN
    DnsZone zone = DnsZone.create().spf("sample.co.jp", "v=spf1 ip4:203.0.113.25 -all moo");
    // WHEN
    SpfResult result = SpfVerifier.using(zone.resolver()).checkMailFrom(CLIENT, "info@sample.co.jp", "h.sample.co.jp");
    // THEN
    assertThat(result.code()).isEqualTo(SpfResultCode.PERMERROR);
    assertThat(result.problem()).isEqualTo(
        "syntax error in the SPF record of sample.co.jp at position 29: unknown mechanism \"moo\" (a modifier needs '=')");
  }

  @Test
  void should_end_in_temperror_when_the_time_budget_runs_out() {
    // GIVEN
    DnsZone zone = DnsZone.create().spf("sample.co.jp", "v=spf1 -all");
    // WHEN
    SpfResult result = SpfVerifier.using(zone.resolver()).withTimeBudget(Duration.ofNanos(1))
        .checkMailFrom(CLIENT, "info@sample.co.jp", "h.sample.co.jp");
    // THEN
    assertThat(result.code()).isEqualTo(SpfResultCode.TEMPERROR);
    assertThat(result.problem()).isEqualTo("the time budget of 0 ms ran out before the lookup of sample.co.jp TXT");
  }

  @Test
  void should_match_include_and_count_its_lookups() {
    // GIVEN
    DnsZone zone = DnsZone.create()
        .spf("sample.co.jp", "v=spf1 include:_spf.mailer.example -all")
        .spf("_spf.mailer.example", "v=spf1 ip4:203.0.113.0/24 -all");
    // WHEN
    SpfResult result = SpfVerifier.using(zone.resolver()).checkMailFrom(CLIENT, "info@sample.co.jp", "h.sample.co.jp");
    // THEN
    assertThat(result.code()).isEqualTo(SpfResultCode.PASS);
    assertThat(result.mechanism()).isEqualTo("include:_spf.mailer.example");
    assertThat(result.dnsLookups()).isEqualTo(1);
    assertThat(result.trace()).containsExactly(
        "sample.co.jp TXT -> \"v=spf1 include:_spf.mailer.example -all\"",
        "  _spf.mailer.example TXT -> \"v=spf1 ip4:203.0.113.0/24 -all\"",
        "  ip4:203.0.113.0/24 -> match",
        "include:_spf.mailer.example -> match");
  }

  @Test
  void should_treat_an_ipv4_mapped_client_as_ipv4() throws Exception {
    // GIVEN
    DnsZone zone = DnsZone.create().spf("sample.co.jp", "v=spf1 ip4:203.0.113.25 -all");
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 203, 0, 113, 25};
    InetAddress client = java.net.Inet6Address.getByAddress(null, mapped, -1);
    // WHEN
    SpfResult result = SpfVerifier.using(zone.resolver()).checkMailFrom(client, "info@sample.co.jp", "h.sample.co.jp");
    // THEN
    assertThat(result.code()).isEqualTo(SpfResultCode.PASS);
    assertThat(result.clientIp().getHostAddress()).isEqualTo("203.0.113.25");
  }

  @Test
  void should_refuse_a_default_explanation_that_is_not_a_macro_string() {
    assertThatThrownBy(() -> SpfVerifier.using(DnsZone.create().resolver()).withDefaultExplanation("50%"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a macro-string at position 2: '%' at the end: write \"%%\" for a percent sign");
  }

  @Test
  void should_give_each_concurrent_check_its_own_state_when_one_verifier_is_shared() throws Exception {
    // GIVEN
    DnsZone zone = DnsZone.create()
        .spf("sample.co.jp", "v=spf1 a:void1.sample.co.jp a:void2.sample.co.jp include:_spf.sample.co.jp -all")
        .spf("_spf.sample.co.jp", "v=spf1 ip4:203.0.113.0/24 -all");
    SpfVerifier verifier = SpfVerifier.using(zone.resolver());
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      // WHEN
      java.util.List<java.util.concurrent.Future<SpfResult>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 400; i++) {
        InetAddress client = ip(i % 2 == 0 ? "203.0.113.25" : "198.51.100.7");
        futures.add(pool.submit(() -> verifier.checkMailFrom(client, "info@sample.co.jp", "h.sample.co.jp")));
      }
      // THEN two void lookups per check would be a permerror if the counters were shared
      for (int i = 0; i < futures.size(); i++) {
        SpfResult r = futures.get(i).get();
        assertThat(r.code()).isEqualTo(i % 2 == 0 ? SpfResultCode.PASS : SpfResultCode.FAIL);
        assertThat(r.dnsLookups()).isEqualTo(3);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
