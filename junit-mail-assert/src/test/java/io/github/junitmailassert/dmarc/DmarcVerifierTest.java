package io.github.junitmailassert.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.dns.DnsZone;
import java.util.List;
import org.junit.jupiter.api.Test;

class DmarcVerifierTest {

  private static DmarcResult evaluate(DnsZone zone, DmarcInput input) {
    return DmarcVerifier.builder(zone.resolver()).build().evaluate(input);
  }

  @Test
  void should_pass_with_strict_dkim_alignment_when_the_from_domain_signs() {
    // GIVEN
    DnsZone zone = DnsZone.create().dmarc("sample.co.jp", "v=DMARC1; p=reject");
    // WHEN
    DmarcResult result = evaluate(zone, DmarcInput.of("sample.co.jp", "", false, List.of("sample.co.jp")));
    // THEN
    assertThat(result.code()).isEqualTo(DmarcResultCode.PASS);
    assertThat(result.authenticationResultsPart()).isEqualTo("dmarc=pass (p=reject dis=none) header.from=sample.co.jp");
    assertThat(result.policyTag()).contains(PolicyTag.P);
    assertThat(result.policy()).isEqualTo(DmarcPolicy.REJECT);
    assertThat(result.disposition()).isEqualTo(DmarcPolicy.NONE);
    assertThat(result.organizationalDomain()).isEqualTo("sample.co.jp");
    assertThat(result.alignments()).singleElement().satisfies(a -> {
      assertThat(a.level()).isEqualTo(IdentifierAlignment.Level.STRICT);
      assertThat(a.explanation()).isEqualTo("DKIM d=sample.co.jp is the From domain: aligned (strict)");
    });
    assertThat(result.reason()).isEqualTo("DMARC passes for sample.co.jp: DKIM d=sample.co.jp is the From domain:"
        + " aligned (strict). Policy: p=reject of _dmarc.sample.co.jp (published for the From domain).");
  }

  @Test
  void should_align_relaxed_through_the_tree_walk_when_the_envelope_domain_is_a_subdomain() {
    // GIVEN only the organizational domain publishes a record
    DnsZone zone = DnsZone.create().dmarc("sample.co.jp", "v=DMARC1; p=quarantine");
    // WHEN
    DmarcResult result = evaluate(zone, DmarcInput.of("sample.co.jp", "bounce.mail.sample.co.jp", true, List.of()));
    // THEN
    assertThat(result.code()).isEqualTo(DmarcResultCode.PASS);
    assertThat(result.alignments()).singleElement().satisfies(a -> {
      assertThat(a.method()).isEqualTo(IdentifierAlignment.Method.SPF);
      assertThat(a.level()).isEqualTo(IdentifierAlignment.Level.RELAXED);
      assertThat(a.aligned()).isTrue();
      assertThat(a.explanation()).isEqualTo("SPF domain bounce.mail.sample.co.jp shares the organizational domain"
          + " sample.co.jp with the From domain: aligned (relaxed)");
    });
  }

  @Test
  void should_fail_when_the_record_asks_for_strict_spf_alignment_and_only_relaxed_holds() {
    // GIVEN
    DnsZone zone = DnsZone.create().dmarc("sample.co.jp", "v=DMARC1; p=reject; aspf=s");
    // WHEN
    DmarcResult result = evaluate(zone, DmarcInput.of("sample.co.jp", "bounce.sample.co.jp", true, List.of()));
    // THEN
    assertThat(result.code()).isEqualTo(DmarcResultCode.FAIL);
    assertThat(result.disposition()).isEqualTo(DmarcPolicy.REJECT);
    assertThat(result.authenticationResultsPart()).isEqualTo("dmarc=fail (p=reject dis=reject) header.from=sample.co.jp");
    assertThat(result.alignments().get(0).explanation()).isEqualTo("SPF domain bounce.sample.co.jp shares the"
        + " organizational domain sample.co.jp with the From domain: not aligned, as the record asks for strict"
        + " alignment (aspf=s)");
  }

  @Test
  void should_fail_and_explain_the_fix_when_only_a_third_party_domain_authenticated() {
    // GIVEN a mail service signs with its own domain and uses its own bounce domain
    DnsZone zone = DnsZone.create()
        .dmarc("sample.co.jp", "v=DMARC1; p=quarantine")
        .dmarc("mailer.example", "v=DMARC1; p=none");
    DmarcInput input = DmarcInput.builder("sample.co.jp")
        .spf("bounces.mailer.example", true)
        .dkim("mailer.example", "s1", true)
        .dkim("sample.co.jp", "old", false)
        .build();
    // WHEN
    DmarcResult result = evaluate(zone, input);
    // THEN
    assertThat(result.code()).isEqualTo(DmarcResultCode.FAIL);
    assertThat(result.disposition()).isEqualTo(DmarcPolicy.QUARANTINE);
    assertThat(result.reason()).isEqualTo("DMARC fails for sample.co.jp: no authenticated domain aligns with it ("
        + "SPF domain bounces.mailer.example belongs to the organizational domain mailer.example, the From domain"
        + " to sample.co.jp: not aligned; DKIM d=mailer.example (s=s1) belongs to the organizational domain"
        + " mailer.example, the From domain to sample.co.jp: not aligned; DKIM d=sample.co.jp (s=old) did not"
        + " verify, so it cannot align). Policy: p=quarantine of _dmarc.sample.co.jp (published for the From"
        + " domain), so a receiver would put it in the spam folder.");
  }

  @Test
  void should_apply_sp_when_the_from_domain_is_an_existing_subdomain() {
    // GIVEN
    DnsZone zone = DnsZone.create()
        .dmarc("example.net", "v=DMARC1; p=none; sp=reject")
        .a("news.example.net", "192.0.2.1");
    // WHEN
    DmarcResult result = evaluate(zone, DmarcInput.of("news.example.net", "", false, List.of()));
    // THEN
    assertThat(result.code()).isEqualTo(DmarcResultCode.FAIL);
    assertThat(result.policyTag()).contains(PolicyTag.SP);
    assertThat(result.authenticationResultsPart()).isEqualTo("dmarc=fail (sp=reject dis=reject) header.from=news.example.net");
    assertThat(result.reason()).contains("Policy: sp=reject of _dmarc.example.net (the From domain is a subdomain of"
        + " the organizational domain example.net)");
  }

  @Test
  void should_apply_np_when_the_from_domain_does_not_exist() {
    // GIVEN
    DnsZone zone = DnsZone.create().dmarc("example.biz", "v=DMARC1; p=none; sp=quarantine; np=reject");
    // WHEN
    DmarcResult result = evaluate(zone, DmarcInput.of("ghost.example.biz", "", false, List.of()));
    // THEN
    assertThat(result.policyTag()).contains(PolicyTag.NP);
    assertThat(result.disposition()).isEqualTo(DmarcPolicy.REJECT);
  }

  @Test
  void should_apply_p_of_a_public_suffix_record_when_the_from_domain_is_one_label_below_it() {
    // GIVEN only the public suffix domain publishes
    DnsZone zone = DnsZone.create()
        .dmarc("gov", "v=DMARC1; p=reject; sp=none; psd=y")
        .a("agency.gov", "192.0.2.1")
        .a("mail.agency.gov", "192.0.2.1");
    // WHEN
    DmarcResult org = evaluate(zone, DmarcInput.of("agency.gov", "", false, List.of()));
    DmarcResult sub = evaluate(zone, DmarcInput.of("mail.agency.gov", "agency.gov", true, List.of()));
    // THEN
    assertThat(org.organizationalDomain()).isEqualTo("agency.gov");
    assertThat(org.policyTag()).contains(PolicyTag.P);
    assertThat(org.disposition()).isEqualTo(DmarcPolicy.REJECT);
    assertThat(sub.organizationalDomain()).isEqualTo("agency.gov");
    assertThat(sub.code()).isEqualTo(DmarcResultCode.PASS);
    assertThat(sub.policyTag()).contains(PolicyTag.SP);
  }

  @Test
  void should_stop_the_walk_at_psd_n_so_that_siblings_do_not_align() {
    // GIVEN a department that is its own organizational domain
    DnsZone zone = DnsZone.create()
        .dmarc("dept.example.com", "v=DMARC1; p=reject; psd=n")
        .dmarc("example.com", "v=DMARC1; p=none");
    // WHEN
    DmarcResult result = evaluate(zone, DmarcInput.of("dept.example.com", "example.com", true, List.of()));
    // THEN
    assertThat(result.organizationalDomain()).isEqualTo("dept.example.com");
    assertThat(result.code()).isEqualTo(DmarcResultCode.FAIL);
  }

  @Test
  void should_take_the_organizational_domain_record_not_an_intermediate_one_when_the_from_domain_has_none() {
    // GIVEN
    DnsZone zone = DnsZone.create()
        .dmarc("b.example.com", "v=DMARC1; p=reject")
        .dmarc("example.com", "v=DMARC1; p=quarantine");
    // WHEN
    DmarcResult result = evaluate(zone, DmarcInput.of("a.b.example.com", "", false, List.of()));
    // THEN RFC 9989 section 4.10.1: the Author Domain, else its Organizational Domain
    assertThat(result.organizationalDomain()).isEqualTo("example.com");
    assertThat(result.record().orElseThrow().domain()).isEqualTo("example.com");
    assertThat(result.policy()).isEqualTo(DmarcPolicy.QUARANTINE);
  }

  @Test
  void should_not_query_names_the_walk_skips_when_the_from_domain_has_many_labels() {
    // GIVEN a record at a name with 9 labels, which the walk from 13 labels jumps over (it goes to 7)
    DnsZone zone = DnsZone.create()
        .dmarc("e.f.g.h.i.j.mail.example.com", "v=DMARC1; p=reject")
        .dmarc("example.com", "v=DMARC1; p=quarantine");
    // WHEN
    DmarcResult result = evaluate(zone, DmarcInput.of("a.b.c.d.e.f.g.h.i.j.mail.example.com", "", false, List.of()));
    // THEN
    assertThat(result.record().orElseThrow().domain()).isEqualTo("example.com");
    assertThat(result.policy()).isEqualTo(DmarcPolicy.QUARANTINE);
  }

  @Test
  void should_apply_one_level_milder_when_the_owner_is_testing() {
    // GIVEN
    DnsZone zone = DnsZone.create().dmarc("sample.co.jp", "v=DMARC1; p=reject; t=y");
    // WHEN
    DmarcResult result = evaluate(zone, DmarcInput.of("sample.co.jp", "", false, List.of()));
    // THEN
    assertThat(result.policy()).isEqualTo(DmarcPolicy.REJECT);
    assertThat(result.disposition()).isEqualTo(DmarcPolicy.QUARANTINE);
    assertThat(result.notes()).containsExactly("_dmarc.sample.co.jp says t=y: the owner is testing its policy, so"
        + " receivers apply quarantine instead of reject (RFC 9989 section 4.7)");
  }

  @Test
  void should_ignore_pct_and_say_so_in_rfc9989_mode() {
    // GIVEN
    DnsZone zone = DnsZone.create().dmarc("sample.co.jp", "v=DMARC1; p=reject; pct=10");
    // WHEN
    DmarcResult result = evaluate(zone, DmarcInput.of("sample.co.jp", "", false, List.of()));
    // THEN
    assertThat(result.disposition()).isEqualTo(DmarcPolicy.REJECT);
    assertThat(result.notes()).containsExactly("_dmarc.sample.co.jp: pct=10 was ignored: RFC 9989 removed pct");
  }

  @Test
  void should_act_as_p_none_when_p_is_missing_but_a_report_address_is_given() {
    // GIVEN
    DnsZone zone = DnsZone.create().dmarc("sample.co.jp", "v=DMARC1; rua=mailto:dmarc@sample.co.jp");
    // WHEN
    DmarcResult result = evaluate(zone, DmarcInput.of("sample.co.jp", "", false, List.of()));
    // THEN
    assertThat(result.code()).isEqualTo(DmarcResultCode.FAIL);
    assertThat(result.policy()).isEqualTo(DmarcPolicy.NONE);
    assertThat(result.authenticationResultsPart()).isEqualTo("dmarc=fail (p=none dis=none) header.from=sample.co.jp");
  }

  @Test
  void should_give_none_when_p_is_missing_and_no_report_address_is_given() {
    // GIVEN
    DnsZone zone = DnsZone.create().dmarc("sample.co.jp", "v=DMARC1; sp=reject");
    // WHEN
    DmarcResult result = evaluate(zone, DmarcInput.of("sample.co.jp", "", false, List.of()));
    // THEN
    assertThat(result.code()).isEqualTo(DmarcResultCode.NONE);
    assertThat(result.authenticationResultsPart()).isEqualTo("dmarc=none header.from=sample.co.jp");
  }

  @Test
  void should_discard_several_records_at_one_name_and_walk_on() {
    // GIVEN
    DnsZone zone = DnsZone.create()
        .dmarc("news.sample.co.jp", "v=DMARC1; p=none")
        .dmarc("news.sample.co.jp", "v=DMARC1; p=reject")
        .dmarc("sample.co.jp", "v=DMARC1; p=quarantine");
    // WHEN
    DmarcResult result = evaluate(zone, DmarcInput.of("news.sample.co.jp", "", false, List.of()));
    // THEN
    assertThat(result.record().orElseThrow().domain()).isEqualTo("sample.co.jp");
    assertThat(result.policy()).isEqualTo(DmarcPolicy.QUARANTINE);
  }

  @Test
  void should_give_none_with_a_hint_when_no_record_exists_anywhere() {
    // GIVEN
    DnsZone zone = DnsZone.create().txt("_dmarc.sample.co.jp", "v=spf1 -all");
    // WHEN
    DmarcResult result = evaluate(zone, DmarcInput.of("sample.co.jp", "sample.co.jp", true, List.of()));
    // THEN
    assertThat(result.code()).isEqualTo(DmarcResultCode.NONE);
    assertThat(result.reason()).isEqualTo("No DMARC policy applies to sample.co.jp: the DNS tree walk"
        + " (_dmarc.sample.co.jp, _dmarc.co.jp, _dmarc.jp) found no DMARC record. Receivers such as Gmail and"
        + " Yahoo require one from bulk senders; publish at least \"v=DMARC1; p=none\" at _dmarc.sample.co.jp.");
    assertThat(result.notes()).containsExactly("a TXT record at _dmarc.sample.co.jp was ignored: the record does"
        + " not start with v=DMARC1: \"v=spf1 -all\"");
  }

  @Test
  void should_give_temperror_when_the_policy_lookup_times_out() {
    // GIVEN
    DnsZone zone = DnsZone.create().timeout("_dmarc.sample.co.jp");
    // WHEN
    DmarcResult result = evaluate(zone, DmarcInput.of("sample.co.jp", "sample.co.jp", true, List.of()));
    // THEN
    assertThat(result.code()).isEqualTo(DmarcResultCode.TEMPERROR);
    assertThat(result.authenticationResultsPart()).isEqualTo("dmarc=temperror header.from=sample.co.jp");
    assertThat(result.reason()).isEqualTo("DMARC could not be evaluated for sample.co.jp: the DNS lookup of"
        + " _dmarc.sample.co.jp failed (timed out); a receiver would defer the mail or decide without DMARC.");
  }

  @Test
  void should_give_temperror_when_relaxed_alignment_needs_a_walk_that_fails() {
    // GIVEN
    DnsZone zone = DnsZone.create()
        .dmarc("sample.co.jp", "v=DMARC1; p=reject")
        .servfail("_dmarc.bounce.sample.co.jp");
    // WHEN
    DmarcResult result = evaluate(zone, DmarcInput.of("sample.co.jp", "bounce.sample.co.jp", true, List.of()));
    // THEN
    assertThat(result.code()).isEqualTo(DmarcResultCode.TEMPERROR);
  }

  @Test
  void should_pass_despite_a_failing_walk_when_another_identifier_aligns_strictly() {
    // GIVEN
    DnsZone zone = DnsZone.create()
        .dmarc("sample.co.jp", "v=DMARC1; p=reject")
        .servfail("_dmarc.bounce.sample.co.jp");
    // WHEN
    DmarcResult result = evaluate(zone, DmarcInput.of("sample.co.jp", "bounce.sample.co.jp", true,
        List.of("sample.co.jp")));
    // THEN
    assertThat(result.code()).isEqualTo(DmarcResultCode.PASS);
  }

  @Test
  void should_give_permerror_when_the_message_has_no_from_field() {
    // GIVEN
    byte[] message = "To: a@example.com\r\nSubject: hi\r\n\r\nbody\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    DmarcInput input = DmarcInput.builder(AuthorDomain.fromMessage(message)).build();
    // WHEN
    DmarcResult result = evaluate(DnsZone.create(), input);
    // THEN
    assertThat(result.code()).isEqualTo(DmarcResultCode.PERMERROR);
    assertThat(result.authenticationResultsPart()).isEqualTo("dmarc=permerror (no From field)");
    assertThat(result.reason()).isEqualTo("DMARC cannot be evaluated: the message has no From field.");
  }

  @Test
  void should_report_the_strictest_failure_when_the_from_field_has_several_domains() {
    // GIVEN
    DnsZone zone = DnsZone.create()
        .dmarc("example.org", "v=DMARC1; p=none")
        .dmarc("example.com", "v=DMARC1; p=reject");
    DmarcInput input = DmarcInput.builder(AuthorDomain.fromFieldValue("a@example.org, b@example.com"))
        .dkim("example.org", "s", true)
        .build();
    // WHEN
    DmarcResult result = evaluate(zone, input);
    // THEN
    assertThat(result.code()).isEqualTo(DmarcResultCode.FAIL);
    assertThat(result.authorDomain()).isEqualTo("example.com");
    assertThat(result.notes()).first().isEqualTo("the From field holds 2 addresses, from the domains example.org,"
        + " example.com; each domain was evaluated and the most severe result is reported, as RFC 9989 section 11.5"
        + " recommends (example.org: pass)");
  }

  @Test
  void should_not_look_up_a_public_suffix_policy_in_rfc7489_mode() {
    // GIVEN
    DnsZone zone = DnsZone.create().dmarc("com", "v=DMARC1; p=reject");
    DmarcVerifier rfc7489 = DmarcVerifier.builder(zone.resolver()).mode(DmarcMode.RFC7489_PSL).build();
    // WHEN
    DmarcResult legacy = rfc7489.evaluate(DmarcInput.of("com", "", false, List.of()));
    DmarcResult bis = evaluate(zone, DmarcInput.of("com", "", false, List.of()));
    // THEN
    assertThat(legacy.code()).isEqualTo(DmarcResultCode.NONE);
    assertThat(legacy.reason()).startsWith("No DMARC policy applies to com: com is a public suffix");
    assertThat(bis.code()).isEqualTo(DmarcResultCode.FAIL);
  }

  @Test
  void should_find_the_organizational_domain_with_the_public_suffix_list_in_rfc7489_mode() {
    // GIVEN no record at all below co.uk: RFC 9989 would see no organization, RFC 7489 reads the list
    DnsZone zone = DnsZone.create().dmarc("bbc.co.uk", "v=DMARC1; p=reject; sp=quarantine; pct=50");
    DmarcVerifier rfc7489 = DmarcVerifier.builder(zone.resolver()).mode(DmarcMode.RFC7489_PSL).build();
    // WHEN
    DmarcResult result = rfc7489.evaluate(DmarcInput.of("www.bbc.co.uk", "mail.bbc.co.uk", true, List.of()));
    DmarcResult failing = rfc7489.evaluate(DmarcInput.of("www.bbc.co.uk", "", false, List.of()));
    // THEN
    assertThat(result.code()).isEqualTo(DmarcResultCode.PASS);
    assertThat(result.organizationalDomain()).isEqualTo("bbc.co.uk");
    assertThat(failing.policyTag()).contains(PolicyTag.SP);
    assertThat(failing.disposition()).isEqualTo(DmarcPolicy.QUARANTINE);
    assertThat(failing.notes()).containsExactly("_dmarc.bbc.co.uk says pct=50: RFC 7489 receivers apply quarantine"
        + " to that share of failing mail and one level milder to the rest; this result shows the full policy");
  }

  @Test
  void should_end_discovery_with_none_when_the_from_domain_has_several_records_in_rfc7489_mode() {
    // GIVEN
    DnsZone zone = DnsZone.create()
        .dmarc("news.sample.co.jp", "v=DMARC1; p=none")
        .dmarc("news.sample.co.jp", "v=DMARC1; p=reject")
        .dmarc("sample.co.jp", "v=DMARC1; p=quarantine");
    DmarcVerifier rfc7489 = DmarcVerifier.builder(zone.resolver()).mode(DmarcMode.RFC7489_PSL).build();
    // WHEN
    DmarcResult result = rfc7489.evaluate(DmarcInput.of("news.sample.co.jp", "", false, List.of()));
    // THEN
    assertThat(result.code()).isEqualTo(DmarcResultCode.NONE);
    assertThat(result.reason()).startsWith("No DMARC policy applies to news.sample.co.jp: _dmarc.news.sample.co.jp"
        + " holds 2 DMARC records; receivers discard them all, which ends policy discovery (RFC 7489 section 6.6.3).");
  }

  @Test
  void should_take_the_domain_of_an_envelope_address_when_spf_gives_the_whole_address() {
    // GIVEN
    DnsZone zone = DnsZone.create().dmarc("sample.co.jp", "v=DMARC1; p=reject");
    // WHEN
    DmarcResult result = evaluate(zone, DmarcInput.of("sample.co.jp", "bounce@sample.co.jp", true, List.of()));
    // THEN
    assertThat(result.code()).isEqualTo(DmarcResultCode.PASS);
    assertThat(result.alignments().get(0).domain()).isEqualTo("sample.co.jp");
  }

  @Test
  void should_say_what_would_align_when_no_policy_is_published() {
    // GIVEN
    DnsZone zone = DnsZone.create();
    // WHEN
    DmarcResult result = evaluate(zone, DmarcInput.of("sample.co.jp", "sample.co.jp", true, List.of()));
    // THEN
    assertThat(result.code()).isEqualTo(DmarcResultCode.NONE);
    assertThat(result.alignments()).singleElement().satisfies(a -> assertThat(a.aligned()).isTrue());
  }
}
