package io.github.junitmailassert.profile;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.filter.SpamFilter;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.testing.Filters;
import io.github.junitmailassert.testing.SeedStory;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A profile that combines the library's checks with the real SpamAssassin's score, through spamd. */
class SpamScoreRuleTest {

  private static final ReceiverProfile FILTERING = ReceiverProfile.of("SPF and SpamAssassin", List.of(
      ProfileRule.requiring(MailCheck.SPF, "SPF passes", "a test's own rule", Verdict.SPAM_FOLDER),
      ProfileRule.spamScoreBelow(SpamFilter.SPAMASSASSIN, 5.0, Verdict.SPAM_FOLDER)));

  @BeforeEach
  void spamd() {
    Filters.assumeInstalled(SpamFilter.SPAMASSASSIN);
  }

  @Test
  void should_take_the_fixed_sender_into_the_inbox() {
    CapturedMail mail = SeedStory.fixed(SeedStory.fixedZone());

    assertThat(mail).receiver().reachesInboxUnder(FILTERING);
  }

  @Test
  void should_file_a_mail_that_spamassassin_scores_5_or_more_as_spam_naming_the_rules_and_the_fixes() {
    DnsZone listed = SeedStory.misconfiguredZone().a("25.113.0.203.zen.spamhaus.org", "127.0.0.10");
    CapturedMail mail = SeedStory.misconfigured(listed);

    assertThat(mail).receiver().hasVerdictUnder(FILTERING, Verdict.SPAM_FOLDER);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).receiver().reachesInboxUnder(FILTERING))
        .withMessage(String.format("%nExpecting%n"
            + "  mail #1 from <apache@localhost.localdomain> to [user@example.com] \"Your order\"%n"
            + "to get the verdict INBOX under the profile \"SPF and SpamAssassin\" but it gets SPAM_FOLDER:%n"
            + "  - [SPAM_FOLDER] SPF passes: Received-SPF: none (mx.receiver.test: domain of apache@localhost.localdomain"
            + " does not designate permitted sender hosts) client-ip=203.0.113.25;"
            + " envelope-from=\"apache@localhost.localdomain\"; helo=localhost.localdomain; receiver=mx.receiver.test;"
            + " identity=mailfrom%n"
            + "    (a test's own rule)%n"
            + "    Fix: no SPF record can exist for localhost.localdomain: put the envelope sender in your own domain"
            + " first, then publish TXT \"v=spf1 ip4:203.0.113.25 -all\" there%n"
            + "  - [SPAM_FOLDER] SpamAssassin scores the mail below 5.0: SpamAssassin 5.8 / 5.0 (add header):"
            + " RCVD_IN_PBL 3.6, RDNS_NONE 1.3, HEADER_FROM_DIFFERENT_DOMAINS 1.0%n"
            + "    (the receiver's content filter: SpamAssassin as shipped by Debian)%n"
            + "    Fix: publish PTR 25.113.0.203.in-addr.arpa -> <the host's public name> (ask whoever owns 203.0.113.25:"
            + " the hosting provider or ISP), and A <the host's public name> -> 203.0.113.25; set the envelope sender"
            + " to an address in sample.co.jp: Jakarta Mail mail.smtp.from=no-reply@sample.co.jp (Spring Boot:"
            + " spring.mail.properties.mail.smtp.from); PHP -fno-reply@sample.co.jp in sendmail_path or as mail()'s"
            + " fifth argument; sendmail MASQUERADE_AS(`sample.co.jp') with FEATURE(`masquerade_envelope')%n"
            + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void should_keep_the_rule_for_a_score_below_the_threshold_and_break_it_at_the_threshold() {
    CapturedMail mail = SeedStory.misconfigured(SeedStory.misconfiguredZone()); // SpamAssassin: 2.3
    ReceiverProfile below = ReceiverProfile.of("below 2.3", List.of(
        ProfileRule.spamScoreBelow(SpamFilter.SPAMASSASSIN, 2.3, Verdict.SPAM_FOLDER)));
    ReceiverProfile above = ReceiverProfile.of("below 2.4", List.of(
        ProfileRule.spamScoreBelow(SpamFilter.SPAMASSASSIN, 2.4, Verdict.SPAM_FOLDER)));

    assertThat(below.evaluate(mail).verdict()).isEqualTo(Verdict.SPAM_FOLDER);
    assertThat(above.evaluate(mail).verdict()).isEqualTo(Verdict.INBOX);
  }
}
