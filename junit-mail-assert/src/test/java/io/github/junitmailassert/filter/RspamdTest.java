package io.github.junitmailassert.filter;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static io.github.junitmailassert.filter.SpamAssassinTest.MAIL_FROM_FIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.testing.Filters;
import io.github.junitmailassert.testing.SeedStory;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real rspamd scores the seed's story through its HTTP protocol, with the connection data as headers. */
class RspamdTest {

  private static final String HELO_FIX = "      the receiver's LOCAL_NAMES check: HELO/EHLO localhost.localdomain:"
      + " localhost.localdomain is the name every machine gives itself%n"
      + "      fix: set the name the client greets with: Jakarta Mail mail.smtp.localhost=mail.sample.co.jp;"
      + " sendmail define(`confDOMAIN_NAME', `mail.sample.co.jp'); Postfix myhostname = mail.sample.co.jp%n";

  @BeforeEach
  void rspamd() {
    Filters.assumeInstalled(SpamFilter.RSPAMD);
  }

  @Test
  void should_score_the_misconfigured_sender_from_its_helo_and_envelope() {
    SpamFilterResult result = Receiver.checkOf(SeedStory.misconfigured(SeedStory.misconfiguredZone())).rspamd();

    assertThat(result.score()).isEqualTo(5.1);
    assertThat(result.threshold()).isEqualTo(6.0);
    assertThat(result.action()).isEqualTo(FilterAction.NO_ACTION);
    assertThat(result.ruleNames()).startsWith("HFILTER_FROMHOST_NORES_A_OR_MX", "AUTH_NA", "ENVFROM_SERVICE_ACCT",
        "HFILTER_HELO_IP_A", "FORGED_SENDER", "HFILTER_HELO_NORES_A_OR_MX").contains("R_SPF_NA");
    assertThat(result.rule("HFILTER_HELO_IP_A").orElseThrow().details()).containsExactly("localhost.localdomain");
  }

  @Test
  void should_fail_hasAction_with_the_rules_and_the_receivers_fixes_when_a_listing_tips_it_over() {
    DnsZone listed = SeedStory.misconfiguredZone().a("25.113.0.203.zen.spamhaus.org", "127.0.0.10");
    CapturedMail mail = SeedStory.misconfigured(listed);

    assertThatThrownBy(() -> assertThat(mail).rspamd().hasAction(FilterAction.NO_ACTION))
        .isInstanceOf(AssertionError.class)
        .hasMessage(String.format("%n"
            + "Expecting rspamd's verdict on%n"
            + "  mail #1 from <apache@localhost.localdomain> to [user@example.com] \"Your order\"%n"
            + "to ask for \"no action\" but it asks for \"add header\".%n"
            + "rspamd 7.1 / 6.0 (add header), rules that fired, highest score first:%n"
            + "  2.0 RBL_SPAMHAUS_PBL: From address is listed in ZEN PBL (ISP list)%n"
            + "  1.5 HFILTER_FROMHOST_NORES_A_OR_MX: FROM host no resolve to A or MX%n"
            + MAIL_FROM_FIX
            + "  1.0 AUTH_NA: Authenticating message via SPF/DKIM/DMARC/ARC not available%n"
            + "  1.0 ENVFROM_SERVICE_ACCT: Envelope from is a service account%n"
            + MAIL_FROM_FIX
            + "  1.0 HFILTER_HELO_IP_A: Helo A IP != hostname IP%n"
            + HELO_FIX
            + "  0.3 FORGED_SENDER: Sender is forged (different From: header and smtp MAIL FROM: addresses)%n"
            + MAIL_FROM_FIX
            + "  0.3 HFILTER_HELO_NORES_A_OR_MX: Helo no resolve to A or MX%n"
            + HELO_FIX
            + "  0.1 RCVD_NO_TLS_LAST: Last hop did not use encrypted transports%n"
            + "  -0.1 MIME_GOOD: Known content-type%n"
            + "  and scored 0: ARC_NA, DMARC_NA, FROM_NEQ_ENVFROM, FROM_NO_DN, MIME_TRACE, RCPT_COUNT_ONE,"
            + " RCVD_COUNT_TWO, R_DKIM_NA, R_SPF_NA, TO_DN_NONE, TO_MATCH_ENVRCPT_ALL"));
  }

  @Test
  void should_pass_for_the_fixed_sender() {
    CapturedMail mail = SeedStory.fixed(SeedStory.fixedZone());

    assertThat(mail).rspamd().hasAction(FilterAction.NO_ACTION).hasScoreBelow(1.0).isNotSpam()
        .triggers("R_SPF_ALLOW")
        .doesNotTrigger("HFILTER_HELO_IP_A", "HFILTER_HELO_NORES_A_OR_MX", "HFILTER_FROMHOST_NORES_A_OR_MX",
            "ENVFROM_SERVICE_ACCT", "R_SPF_NA", "AUTH_NA");
    assertThat(Receiver.checkOf(mail).rspamd().score()).isEqualTo(0.1);
  }

  @Test
  void should_fail_triggers_naming_the_rule_that_did_not_fire() {
    CapturedMail mail = SeedStory.misconfigured(SeedStory.misconfiguredZone());

    assertThatThrownBy(() -> assertThat(mail).rspamd().triggers("R_SPF_ALLOW"))
        .hasMessageStartingWith(String.format("%n"
            + "Expecting rspamd's verdict on%n"
            + "  mail #1 from <apache@localhost.localdomain> to [user@example.com] \"Your order\"%n"
            + "to trigger [R_SPF_ALLOW] but it did not trigger R_SPF_ALLOW.%n"
            + "rspamd 5.1 / 6.0 (no action), rules that fired, highest score first:%n"));
  }

  @Test
  void should_give_the_same_score_and_rules_to_the_same_mail_every_time() {
    Instant at = SeedStory.now();
    DnsZone zone = SeedStory.fixedZone();
    SpamFilterResult first = Receiver.checkOf(SeedStory.fixed(zone, at)).rspamd();
    SpamFilterResult second = Receiver.checkOf(SeedStory.fixed(zone, at)).rspamd();

    assertThat(second).isEqualTo(first);
    assertThat(second.isScored()).isTrue();
  }
}
