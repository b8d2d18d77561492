package io.github.junitmailassert.internal.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.dmarc.AlignmentMode;
import io.github.junitmailassert.dmarc.DmarcMode;
import io.github.junitmailassert.dmarc.DmarcPolicy;
import io.github.junitmailassert.dmarc.DmarcRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DmarcRecordParserTest {

  private static DmarcRecordParser.Parsed parsed(String text, DmarcMode mode) {
    DmarcRecordParser.Outcome outcome = DmarcRecordParser.parse("example.com", text, mode);
    assertThat(outcome).isInstanceOf(DmarcRecordParser.Parsed.class);
    return (DmarcRecordParser.Parsed) outcome;
  }

  @Test
  void should_read_every_tag_when_the_record_is_complete() {
    // WHEN
    DmarcRecordParser.Parsed p = parsed("v=DMARC1; p=reject; sp=quarantine; np=reject; psd=n; adkim=s; aspf=s; t=y;"
        + " rua=mailto:a@example.com, mailto:b@example.com!10m; ruf=mailto:f@example.com; fo=1;", DmarcMode.RFC9989);
    // THEN
    DmarcRecord r = p.record();
    assertThat(r.policy()).contains(DmarcPolicy.REJECT);
    assertThat(r.subdomainPolicy()).contains(DmarcPolicy.QUARANTINE);
    assertThat(r.nonExistentSubdomainPolicy()).contains(DmarcPolicy.REJECT);
    assertThat(r.psd()).isEqualTo(DmarcRecord.Psd.N);
    assertThat(r.dkimAlignment()).isEqualTo(AlignmentMode.STRICT);
    assertThat(r.spfAlignment()).isEqualTo(AlignmentMode.STRICT);
    assertThat(r.testing()).isTrue();
    assertThat(r.aggregateReportUris()).containsExactly("mailto:a@example.com", "mailto:b@example.com!10m");
    assertThat(r.failureReportUris()).containsExactly("mailto:f@example.com");
    assertThat(r.problems()).isEmpty();
    assertThat(p.policyUsable()).isTrue();
    assertThat(p.hasValidReportUri()).isTrue();
  }

  @Test
  void should_accept_white_space_around_equals_and_case_insensitive_names_and_values() {
    // WHEN
    DmarcRecordParser.Parsed p = parsed("V = DMARC1 ;P = Reject;ADKIM=S", DmarcMode.RFC9989);
    // THEN
    assertThat(p.record().policy()).contains(DmarcPolicy.REJECT);
    assertThat(p.record().dkimAlignment()).isEqualTo(AlignmentMode.STRICT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"p=reject; v=DMARC1", "v=dmarc1; p=reject", "v=DMARC2; p=reject", "v=DMARC1p=reject", "",
      "v=spf1 -all", "DMARC1"})
  void should_not_be_a_dmarc_record_when_v_DMARC1_is_not_the_first_tag(String text) {
    assertThat(DmarcRecordParser.parse("example.com", text, DmarcMode.RFC9989))
        .isInstanceOf(DmarcRecordParser.NotDmarc.class);
  }

  @Test
  void should_make_the_record_invalid_when_a_tag_appears_twice() {
    // WHEN
    DmarcRecordParser.Outcome outcome = DmarcRecordParser.parse("example.com", "v=DMARC1; p=none; P=reject", DmarcMode.RFC9989);
    // THEN
    assertThat(outcome).isEqualTo(new DmarcRecordParser.NotDmarc("the tag p appears more than once, which makes the"
        + " record invalid (RFC 6376 section 3.2 tag-list syntax, which DMARC records follow)"));
  }

  @Test
  void should_ignore_syntax_errors_and_keep_defaults_when_values_are_not_valid() {
    // WHEN
    DmarcRecordParser.Parsed p = parsed("v=DMARC1; p=none; reject; adkim=x; psd=maybe; t=sometimes; foo=bar",
        DmarcMode.RFC9989);
    // THEN
    assertThat(p.policyUsable()).isTrue();
    assertThat(p.record().dkimAlignment()).isEqualTo(AlignmentMode.RELAXED);
    assertThat(p.record().psd()).isEqualTo(DmarcRecord.Psd.U);
    assertThat(p.record().testing()).isFalse();
    assertThat(p.record().problems()).containsExactly(
        "\"reject\" is not a tag=value pair and was ignored",
        "adkim=x is not r or s; relaxed applies",
        "psd=maybe is not y, n or u; u applies",
        "t=sometimes is not y or n; n applies",
        "the unknown tag foo was ignored");
  }

  @Test
  void should_mark_the_policy_unusable_when_p_or_sp_is_not_valid() {
    assertThat(parsed("v=DMARC1; p=rejectt", DmarcMode.RFC9989).policyUsable()).isFalse();
    assertThat(parsed("v=DMARC1; p=reject; sp=bogus", DmarcMode.RFC9989).policyUsable()).isFalse();
    assertThat(parsed("v=DMARC1; p=reject; np=bogus", DmarcMode.RFC9989).policyUsable()).isFalse();
    assertThat(parsed("v=DMARC1; p=reject; np=bogus", DmarcMode.RFC7489_PSL).policyUsable()).isTrue();
    assertThat(parsed("v=DMARC1; rua=not a uri", DmarcMode.RFC9989).hasValidReportUri()).isFalse();
  }

  @Test
  void should_read_pct_in_rfc7489_mode_and_not_the_rfc9989_tags() {
    // WHEN
    DmarcRecordParser.Parsed p = parsed("v=DMARC1; p=reject; pct=20; np=none; psd=y; t=y", DmarcMode.RFC7489_PSL);
    // THEN
    assertThat(p.record().percent()).hasValue(20);
    assertThat(p.record().nonExistentSubdomainPolicy()).isEmpty();
    assertThat(p.record().psd()).isEqualTo(DmarcRecord.Psd.U);
    assertThat(p.record().testing()).isFalse();
    assertThat(p.record().problems()).containsExactly(
        "np= was ignored: it is not part of RFC 7489",
        "psd= was ignored: it is not part of RFC 7489",
        "t= was ignored: it is not part of RFC 7489");
  }
}
