package io.github.junitmailassert.spf;

import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.MailCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.check.Finding.Severity;
import org.junit.jupiter.api.Test;

class SpfLintTest {

  @Test
  void should_find_nothing_when_the_record_is_sound() {
    // GIVEN
    DnsZone zone = DnsZone.create()
        .spf("sample.co.jp", "v=spf1 ip4:203.0.113.25 include:_spf.mailer.example -all")
        .spf("_spf.mailer.example", "v=spf1 ip4:198.51.100.0/24 -all");
    // WHEN
    SpfLintReport report = SpfLint.using(zone.resolver()).lint("sample.co.jp");
    // THEN
    assertThat(report.findings()).isEmpty();
    assertThat(report.dnsLookups()).isEqualTo(1);
    assertThat(report.record()).isEqualTo("v=spf1 ip4:203.0.113.25 include:_spf.mailer.example -all");
  }

  @Test
  void should_count_lookups_through_includes_when_over_ten() {
    // GIVEN
    DnsZone zone = DnsZone.create()
        .spf("sample.co.jp", "v=spf1 include:a.example include:b.example -all")
        .spf("a.example", "v=spf1 a:h1.example a:h2.example a:h3.example a:h4.example a:h5.example ~all")
        .spf("b.example", "v=spf1 a:h1.example a:h2.example a:h3.example a:h4.example ~all");
    for (int i = 1; i <= 5; i++) {
      zone.a("h" + i + ".example", "192.0.2." + i);
    }
    // WHEN
    SpfLintReport report = SpfLint.using(zone.resolver()).lint("sample.co.jp");
    // THEN
    assertThat(report.dnsLookups()).isEqualTo(11);
    assertThat(report.findings()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("source").containsExactly(finding(Severity.ERROR,
        "the record needs 11 DNS lookups counted through its includes; over 10, receivers return permerror",
        "replace includes by the ip4:/ip6: ranges they list, or drop the ones no longer used"));
  }

  @Test
  void should_flag_plus_all_and_ptr() {
    // GIVEN
    DnsZone zone = DnsZone.create().spf("sample.co.jp", "v=spf1 ptr +all");
    // WHEN
    SpfLintReport report = SpfLint.using(zone.resolver()).lint("sample.co.jp");
    // THEN
    assertThat(report.findings()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("source").containsExactly(
        finding(Severity.ERROR, "\"+all\" lets every host on the internet send as sample.co.jp",
            "end the record with -all (or ~all while testing)"),
        finding(Severity.WARNING, "\"ptr\" is deprecated (RFC 7208 section 5.5): slow, and some receivers skip it",
            "list the sending hosts with ip4:, ip6: or a: instead"));
  }

  @Test
  void should_flag_neutral_all() {
    // GIVEN
    DnsZone zone = DnsZone.create().spf("sample.co.jp", "v=spf1 ip4:203.0.113.25 ?all");
    // WHEN
    SpfLintReport report = SpfLint.using(zone.resolver()).lint("sample.co.jp");
    // THEN
    assertThat(report.findings()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("source").containsExactly(finding(Severity.WARNING,
        "\"?all\" tells receivers nothing about hosts not listed", "end the record with -all (or ~all while testing)"));
  }

  @Test
  void should_report_every_syntax_error_with_its_position() {
    // GIVEN
    DnsZone zone = DnsZone.create().spf("sample.co.jp", "v=spf1 ip4:203.0.113.256 a:mail.sample.co.jp/33 -all");
    // WHEN
    SpfLintReport report = SpfLint.using(zone.resolver()).lint("sample.co.jp");
    // THEN
    assertThat(report.findings()).extracting(Finding::text).containsExactly(
        "syntax error at position 11: \"203.0.113.256\" is not an IPv4 address (in \"ip4:203.0.113.256\"),"
            + " so receivers return permerror",
        "syntax error at position 44: prefix length /33 is over 32 (in \"a:mail.sample.co.jp/33\"),"
            + " so receivers return permerror");
  }

  @Test
  void should_report_several_records() {
    // GIVEN
    DnsZone zone = DnsZone.create().spf("sample.co.jp", "v=spf1 -all").spf("sample.co.jp", "v=spf1 mx -all");
    // WHEN
    SpfLintReport report = SpfLint.using(zone.resolver()).lint("sample.co.jp");
    // THEN
    assertThat(report.findings()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("source").containsExactly(finding(Severity.ERROR,
        "sample.co.jp has 2 SPF records; receivers return permerror", "merge them into one TXT record"));
    assertThat(report.hasErrors()).isTrue();
  }

  @Test
  void should_report_an_include_that_does_not_exist_and_void_lookups() {
    // GIVEN
    DnsZone zone = DnsZone.create().spf("sample.co.jp",
        "v=spf1 include:_spf.gone.example a:old1.sample.co.jp a:old2.sample.co.jp mx:old3.sample.co.jp -all");
    // WHEN
    SpfLintReport report = SpfLint.using(zone.resolver()).lint("sample.co.jp");
    // THEN
    assertThat(report.findings()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("source").containsExactly(
        finding(Severity.ERROR, "include:_spf.gone.example: _spf.gone.example does not exist, so receivers return"
            + " permerror", "remove include:_spf.gone.example or correct the name"),
        finding(Severity.ERROR, "3 lookups answer nothing (void lookups); over 2, receivers return permerror",
            "remove the terms whose names do not exist"),
        finding(Severity.WARNING, "\"a:old1.sample.co.jp\": old1.sample.co.jp has no A or AAAA record (a void lookup)",
            "remove \"a:old1.sample.co.jp\" or publish the record"),
        finding(Severity.WARNING, "\"a:old2.sample.co.jp\": old2.sample.co.jp has no A or AAAA record (a void lookup)",
            "remove \"a:old2.sample.co.jp\" or publish the record"),
        finding(Severity.WARNING, "\"mx:old3.sample.co.jp\": old3.sample.co.jp has no MX record (a void lookup)",
            "remove \"mx:old3.sample.co.jp\" or publish the record"));
  }

  @Test
  void should_report_an_include_loop_once_and_stop() {
    // GIVEN
    DnsZone zone = DnsZone.create()
        .spf("sample.co.jp", "v=spf1 include:a.example -all")
        .spf("a.example", "v=spf1 include:sample.co.jp ~all");
    // WHEN
    SpfLintReport report = SpfLint.using(zone.resolver()).lint("sample.co.jp");
    // THEN
    assertThat(report.findings()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("source").containsExactly(finding(Severity.ERROR,
        "a.example: \"include:sample.co.jp\" leads back to a record already being evaluated (a loop); receivers"
            + " return permerror", "remove include:sample.co.jp"));
  }

  @Test
  void should_report_a_missing_record_with_what_to_publish() {
    // WHEN
    SpfLintReport report = SpfLint.using(DnsZone.create().a("sample.co.jp", "203.0.113.25").resolver()).lint("sample.co.jp");
    // THEN
    assertThat(report.findings()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("source").containsExactly(finding(Severity.ERROR,
        "sample.co.jp has no SPF record, so receivers get none",
        "publish TXT sample.co.jp \"v=spf1 ip4:<your sending address> -all\""));
  }

  /** A finding of this check; the comparisons ignore its source. */
  private static Finding finding(Severity severity, String text, String fix) {
    return new Finding(MailCheck.SPF, severity, text, fix, "");
  }
}
