package io.github.junitmailassert.filter;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.report.MailReport;
import io.github.junitmailassert.testing.Filters;
import io.github.junitmailassert.testing.Received;
import io.github.junitmailassert.testing.SeedStory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real spamd scores the seed's story against the test's zone, and the assertions render its verdict. */
class SpamAssassinTest {

  static final String RDNS_FIX = "      the receiver's REVERSE_DNS check: 203.0.113.25 has no PTR record"
      + " (25.113.0.203.in-addr.arpa: NXDOMAIN)%n"
      + "      fix: publish PTR 25.113.0.203.in-addr.arpa -> <the host's public name> (ask whoever owns 203.0.113.25:"
      + " the hosting provider or ISP), and A <the host's public name> -> 203.0.113.25%n";
  static final String MAIL_FROM_FIX = "      the receiver's LOCAL_NAMES check: MAIL FROM <apache@localhost.localdomain>:"
      + " localhost.localdomain is the name every machine gives itself%n"
      + "      fix: set the envelope sender to an address in sample.co.jp: Jakarta Mail"
      + " mail.smtp.from=no-reply@sample.co.jp (Spring Boot: spring.mail.properties.mail.smtp.from);"
      + " PHP -fno-reply@sample.co.jp in sendmail_path or as mail()'s fifth argument;"
      + " sendmail MASQUERADE_AS(`sample.co.jp') with FEATURE(`masquerade_envelope')%n";

  @BeforeEach
  void spamd() {
    Filters.assumeInstalled(SpamFilter.SPAMASSASSIN);
  }

  @Test
  void should_score_the_misconfigured_sender_with_the_rules_its_receiver_checks_explain() {
    SpamFilterResult result = Receiver.checkOf(SeedStory.misconfigured(SeedStory.misconfiguredZone())).spamAssassin();

    assertThat(result.status()).isEqualTo(SpamFilterResult.Status.SCORED);
    assertThat(result.score()).isEqualTo(2.3);
    assertThat(result.threshold()).isEqualTo(5.0);
    assertThat(result.action()).isEqualTo(FilterAction.NO_ACTION);
    assertThat(result.ruleNames()).containsExactly("RDNS_NONE", "HEADER_FROM_DIFFERENT_DOMAINS", "SPF_HELO_NONE",
        "SPF_NONE");
    assertThat(result.rule("RDNS_NONE").orElseThrow().explainedBy()).extracting(f -> f.check().name())
        .containsExactly("REVERSE_DNS");
  }

  @Test
  void should_fail_hasScoreBelow_listing_the_rules_highest_first_with_the_receivers_findings_and_fixes() {
    CapturedMail mail = SeedStory.misconfigured(SeedStory.misconfiguredZone());

    assertThatThrownBy(() -> assertThat(mail).spamAssassin().hasScoreBelow(2.0))
        .isInstanceOf(AssertionError.class)
        .hasMessage(String.format("%n"
            + "Expecting SpamAssassin's verdict on%n"
            + "  mail #1 from <apache@localhost.localdomain> to [user@example.com] \"Your order\"%n"
            + "to give a score below 2.0 but it is 2.3.%n"
            + "SpamAssassin 2.3 / 5.0 (no action), rules that fired, highest score first:%n"
            + "  1.3 RDNS_NONE: Delivered to internal network by a host with no rDNS%n"
            + RDNS_FIX
            + "  1.0 HEADER_FROM_DIFFERENT_DOMAINS: From and EnvelopeFrom 2nd level mail domains are different%n"
            + MAIL_FROM_FIX
            + "  and scored 0: SPF_HELO_NONE, SPF_NONE"));
  }

  @Test
  void should_pass_for_the_fixed_sender_whose_spf_and_reverse_dns_the_filter_sees_in_the_zone() {
    CapturedMail mail = SeedStory.fixed(SeedStory.fixedZone());

    assertThat(mail).spamAssassin().hasScoreBelow(1.0).isNotSpam().hasAction(FilterAction.NO_ACTION)
        .triggers("SPF_PASS").doesNotTrigger("RDNS_NONE", "SPF_NONE", "HEADER_FROM_DIFFERENT_DOMAINS", "HELO_LOCALHOST");
    assertThat(Receiver.checkOf(mail).spamAssassin().ruleNames()).containsExactly("SPF_HELO_NONE", "SPF_PASS");
  }

  @Test
  void should_fail_doesNotTrigger_naming_the_rule_that_fired() {
    CapturedMail mail = SeedStory.misconfigured(SeedStory.misconfiguredZone());

    assertThatThrownBy(() -> assertThat(mail).spamAssassin().doesNotTrigger("rdns_none", "HELO_LOCALHOST"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(String.format("%n"
            + "Expecting SpamAssassin's verdict on%n"
            + "  mail #1 from <apache@localhost.localdomain> to [user@example.com] \"Your order\"%n"
            + "to trigger none of [RDNS_NONE] but it triggered RDNS_NONE.%n"
            + "SpamAssassin 2.3 / 5.0 (no action), rules that fired, highest score first:%n"));
  }

  @Test
  void should_see_a_listing_the_test_publishes_in_the_zone_and_call_the_mail_spam() {
    DnsZone listed = SeedStory.misconfiguredZone().a("25.113.0.203.zen.spamhaus.org", "127.0.0.10");
    CapturedMail mail = SeedStory.misconfigured(listed);

    SpamFilterResult result = Receiver.checkOf(mail).spamAssassin();
    assertThat(result.ruleNames()).startsWith("RCVD_IN_PBL");
    assertThat(result.score()).isEqualTo(5.8);
    assertThat(result.isSpam()).isTrue();
    assertThat(result.action()).isEqualTo(FilterAction.ADD_HEADER);
    assertThatThrownBy(() -> assertThat(mail).spamAssassin().isNotSpam())
        .hasMessageContaining(String.format("to not call it spam but it does.%n"
            + "SpamAssassin 5.8 / 5.0 (add header), rules that fired, highest score first:%n"
            + "  3.6 RCVD_IN_PBL: RBL: Received via a relay in Spamhaus PBL%n"));
  }

  @Test
  void should_give_the_same_score_and_rules_to_the_same_mail_every_time() {
    Instant at = SeedStory.now();
    DnsZone zone = SeedStory.misconfiguredZone();
    SpamFilterResult first = Receiver.checkOf(SeedStory.misconfigured(zone, at)).spamAssassin();
    SpamFilterResult second = Receiver.checkOf(SeedStory.misconfigured(zone, at)).spamAssassin();

    assertThat(second).isEqualTo(first);
    assertThat(second.isScored()).isTrue();
  }

  /** spamd keeps its configuration between mails (it loads no user preferences): no mail leaves a trace in it. */
  @Test
  void should_give_a_mail_the_same_verdict_after_every_spamd_child_scored_mails_that_fire_other_rules()
      throws Exception {
    Instant at = SeedStory.now();
    // Mails of one receiver (one resolver) score at the same time, so they reach different children.
    Receiver fixed = Received.view(SeedStory.fixedZone(), SeedStory.CLIENT_IP);
    Receiver listed = Received.view(SeedStory.misconfiguredZone().a("25.113.0.203.zen.spamhaus.org", "127.0.0.10"),
        SeedStory.CLIENT_IP);
    SpamFilterResult before = Receiver.checkOf(SeedStory.fixed(fixed, at)).spamAssassin();

    // Twice as many mails as spamd has children (two per core, at least four), all at once.
    int mails = 2 * 2 * Math.max(2, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(mails);
    try {
      List<Future<SpamFilterResult>> spam = new ArrayList<>();
      List<Future<SpamFilterResult>> again = new ArrayList<>();
      for (int i = 0; i < mails; i++) {
        spam.add(pool.submit(() -> Receiver.checkOf(SeedStory.misconfigured(listed, at)).spamAssassin()));
      }
      SpamFilterResult firstSpam = spam.get(0).get();
      assertThat(firstSpam.ruleNames()).startsWith("RCVD_IN_PBL");
      for (Future<SpamFilterResult> result : spam) {
        assertThat(result.get()).isEqualTo(firstSpam);
      }
      for (int i = 0; i < mails; i++) {
        again.add(pool.submit(() -> Receiver.checkOf(SeedStory.fixed(fixed, at)).spamAssassin()));
      }
      for (Future<SpamFilterResult> result : again) {
        assertThat(result.get()).isEqualTo(before);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(before.ruleNames()).containsExactly("SPF_HELO_NONE", "SPF_PASS");
  }

  @Test
  void should_show_the_score_and_the_rules_that_counted_in_the_printed_report_once_asked() {
    CapturedMail mail = SeedStory.misconfigured(SeedStory.misconfiguredZone());
    assertThat(MailReport.of(mail)).doesNotContain("SpamAssassin");

    Receiver.checkOf(mail).spamAssassin();

    assertThat(MailReport.of(mail)).contains(String.format(""
        + "  SpamAssassin 2.3 / 5.0 (no action)%n"
        + "    - 1.3 RDNS_NONE: Delivered to internal network by a host with no rDNS%n"
        + "    - 1.0 HEADER_FROM_DIFFERENT_DOMAINS: From and EnvelopeFrom 2nd level mail domains are different%n"
        + "  auth results"));
  }

  @Test
  void should_memoize_the_verdict_per_mail() {
    CapturedMail mail = SeedStory.fixed(SeedStory.fixedZone());

    assertThat(Receiver.checkOf(mail).spamAssassin()).isSameAs(Receiver.checkOf(mail).spamAssassin());
    assertThat(Receiver.checkOf(mail).spamFilterIfScored(SpamFilter.SPAMASSASSIN)).isPresent();
    assertThat(Receiver.checkOf(mail).spamFilterIfScored(SpamFilter.RSPAMD)).isEmpty();
  }
}
