package io.github.junitmailassert.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.junitmailassert.check.CheckOutcome;
import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.report.GateReport;
import io.github.junitmailassert.testing.Filters;
import io.github.junitmailassert.testing.SeedStory;
import java.util.List;
import java.util.Set;
import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.testing.Send;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** MailCheck.SPAM_SCORE: the CI gate counts the verdict of the filters the receiver is told to ask. */
class SpamScoreCheckTest {

  private static CapturedMail asked(CapturedMail mail, SpamFilter... filters) {
    Receiver receiver = Receiver.builder(Receiver.of(mail).resolver()).clientIp(SeedStory.CLIENT_IP)
        .spamFilters(List.of(filters)).build();
    return CapturedMail.builder().sequence(1).helo("EHLO", mail.heloName().orElseThrow())
        .envelopeSender(mail.envelopeSender()).recipient("user@example.com").receivedAt(mail.receivedAt())
        .rawMessage(mail.rawMessage()).receiver(receiver).build();
  }

  @Test
  void should_not_check_the_spam_score_nor_start_a_filter_when_no_filter_is_declared() {
    CapturedMail mail = SeedStory.fixed(SeedStory.fixedZone());

    CheckOutcome outcome = Receiver.checkOf(mail).outcome(MailCheck.SPAM_SCORE);

    assertThat(outcome.status()).isEqualTo(CheckOutcome.Status.NOT_CHECKED);
    assertThat(outcome.reason()).isEqualTo("no spam filter declared for the receiver to ask");
    assertThat(Receiver.checkOf(mail).spamFilterIfScored(SpamFilter.SPAMASSASSIN)).isEmpty();
  }

  @Test
  void should_fail_the_gate_when_a_declared_filter_calls_the_mail_spam_with_the_fixes_it_explains() {
    Filters.assumeInstalled(SpamFilter.SPAMASSASSIN);
    DnsZone listed = SeedStory.misconfiguredZone().a("25.113.0.203.zen.spamhaus.org", "127.0.0.10");
    CapturedMail mail = asked(SeedStory.misconfigured(listed), SpamFilter.SPAMASSASSIN);

    CheckOutcome outcome = Receiver.checkOf(mail).outcome(MailCheck.SPAM_SCORE);

    assertThat(outcome.status()).isEqualTo(CheckOutcome.Status.FAILED);
    assertThat(outcome.findings()).extracting(Finding::severity, Finding::text).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Finding.Severity.ERROR, "SpamAssassin 5.8 / 5.0 (add header):"
            + " RCVD_IN_PBL 3.6, RDNS_NONE 1.3, HEADER_FROM_DIFFERENT_DOMAINS 1.0"));
    assertThat(outcome.findings().get(0).fix()).startsWith("publish PTR 25.113.0.203.in-addr.arpa");
    assertThat(GateReport.of(List.of(Receiver.checkOf(mail)), Set.of(MailCheck.SPAM_SCORE)))
        .contains("SpamAssassin 5.8 / 5.0 (add header)");
  }

  @MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", spf = "v=spf1 ip4:198.51.100.99 -all",
      verifyEachTest = true,
      checks = MailCheck.SPAM_SCORE, spamFilters = SpamFilter.SPAMASSASSIN,
      records = {"25.113.0.203.zen.spamhaus.org. IN A 127.0.0.10"})
  static class ListedSenderGateFixture {
    @Test
    void listed(SmtpEndpoint smtp) {
      Send.mail(smtp, "no-reply@sample.co.jp", "user@example.com", "Your order");
    }
  }

  @Test
  void should_fail_a_test_through_the_extensions_gate_when_spamassassin_calls_its_mail_spam() {
    Filters.assumeInstalled(SpamFilter.SPAMASSASSIN);

    Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ListedSenderGateFixture.class))
        .execute().testEvents();

    events.assertStatistics(s -> s.started(1).failed(1));
    events.assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(AssertionError.class), message(m ->
        m.startsWith("1 of 1 captured mail(s) would not pass a receiver's checks (SPAM_SCORE):")
            && m.contains("SpamAssassin ") && m.contains("(add header): RCVD_IN_PBL 3.6"))));
  }

  @Test
  void should_pass_the_gate_for_the_fixed_sender_with_both_filters() {
    Filters.assumeInstalled(SpamFilter.SPAMASSASSIN);
    Filters.assumeInstalled(SpamFilter.RSPAMD);
    CapturedMail mail = asked(SeedStory.fixed(SeedStory.fixedZone()), SpamFilter.SPAMASSASSIN, SpamFilter.RSPAMD);

    CheckOutcome outcome = Receiver.checkOf(mail).outcome(MailCheck.SPAM_SCORE);

    assertThat(outcome.status()).isEqualTo(CheckOutcome.Status.PASSED);
    assertThat(outcome.findings()).extracting(Finding::severity).containsOnly(Finding.Severity.INFO);
    assertThat(GateReport.of(List.of(Receiver.checkOf(mail)), Set.of(MailCheck.SPAM_SCORE))).isNull();
  }
}
