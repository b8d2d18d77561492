package io.github.junitmailassert.senders;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.filter.FilterAction;
import io.github.junitmailassert.filter.SpamFilterResult;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.senders.support.RequiresTool;
import io.github.junitmailassert.senders.support.Sendmail;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's story through the real filters: the shop's order mail through the real sendmail as
 * installed on localhost.localdomain (envelope root@localhost.localdomain, EHLO, Message-ID and
 * Received at localhost.localdomain), with no SPF record and no PTR, then the same shop fixed
 * (masquerading, confDOMAIN_NAME, SPF for the client IP, PTR and A records that agree). Both mails
 * scored by SpamAssassin and rspamd against the test's zone.
 */
@RequiresTool(value = {"sendmail", "m4", Sendmail.CF_M4}, packages = Sendmail.PACKAGES)
@RequiresTool(value = "unshare", packages = "util-linux", asRoot = true)
@RequiresTool(value = {"spamd", "spamc"}, packages = "spamassassin spamc spamd libmail-spf-perl")
@RequiresTool(value = "rspamd", packages = "rspamd")
class SeedStorySpamFiltersTest {

  /** The scores of the mail as installed, which the fixed one must beat (the README quotes both). */
  private static final double SPAMASSASSIN_AS_INSTALLED = 2.3;
  private static final double RSPAMD_AS_INSTALLED = 4.1;

  private static final String ORDER_MAIL = "From: shop@sample.co.jp\nTo: user@example.com\nSubject: Your order\n\n"
      + "Thank you for your order.\n";

  @Nested
  @MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25",
      records = {"@ IN MX 10 mx", "mx IN A 198.51.100.10"})
  class AsInstalled {
    @Test
    void should_fire_the_helo_envelope_spf_and_reverse_dns_rules(@TempDir Path dir, SmtpEndpoint smtp,
        CapturedMails mails) {
      Sendmail.configure(dir, smtp).send(ORDER_MAIL);

      CapturedMail mail = mails.single();
      SpamFilterResult sa = Receiver.checkOf(mail).spamAssassin();
      assertThat(sa.ruleNames()).containsExactly("RDNS_NONE", "HEADER_FROM_DIFFERENT_DOMAINS", "SPF_HELO_NONE",
          "SPF_NONE");
      assertThat(sa.score()).isEqualTo(SPAMASSASSIN_AS_INSTALLED);
      SpamFilterResult rs = Receiver.checkOf(mail).rspamd();
      assertThat(rs.ruleNames()).containsExactly("HFILTER_FROMHOST_NORES_A_OR_MX", "AUTH_NA", "HFILTER_HELO_IP_A",
          "FORGED_SENDER", "HFILTER_HELO_NORES_A_OR_MX", "RCVD_NO_TLS_LAST", "ARC_NA", "DMARC_NA", "FROM_NEQ_ENVFROM",
          "FROM_NO_DN", "MIME_TRACE", "RCPT_COUNT_ONE", "RCVD_COUNT_TWO", "R_DKIM_NA", "R_SPF_NA", "TO_DN_NONE",
          "TO_MATCH_ENVRCPT_ALL", "MIME_GOOD");
      assertThat(rs.score()).isEqualTo(RSPAMD_AS_INSTALLED);
      assertThat(mail).rspamd().hasAction(FilterAction.NO_ACTION);
      // The HELO rule carries the library's own finding and fix.
      assertThat(rs.rule("HFILTER_HELO_IP_A").orElseThrow().explainedBy()).extracting(f -> f.fix())
          .containsExactly("set the name the client greets with: Jakarta Mail mail.smtp.localhost=mail.sample.co.jp;"
              + " sendmail define(`confDOMAIN_NAME', `mail.sample.co.jp'); Postfix myhostname = mail.sample.co.jp");
    }
  }

  @Nested
  @MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", clientHostName = "mail.sample.co.jp",
      spf = "v=spf1 ip4:203.0.113.25 -all", records = {"@ IN MX 10 mx", "mx IN A 198.51.100.10"})
  class Fixed {
    @Test
    void should_fire_none_of_them(@TempDir Path dir, SmtpEndpoint smtp, CapturedMails mails) {
      String[] fixedMc = Arrays.copyOf(SendmailTest.MASQUERADING, SendmailTest.MASQUERADING.length + 1);
      fixedMc[fixedMc.length - 1] = "define(`confDOMAIN_NAME', `mail.sample.co.jp')dnl";
      Sendmail.configure(dir, smtp, fixedMc).send(ORDER_MAIL);

      CapturedMail mail = mails.single();
      assertThat(mail).spamAssassin().isNotSpam().triggers("SPF_PASS")
          .doesNotTrigger("RDNS_NONE", "HEADER_FROM_DIFFERENT_DOMAINS", "SPF_NONE");
      assertThat(Receiver.checkOf(mail).spamAssassin().ruleNames()).containsExactly("SPF_HELO_NONE", "SPF_PASS");
      assertThat(Receiver.checkOf(mail).spamAssassin().score()).isEqualTo(0.0).isLessThan(SPAMASSASSIN_AS_INSTALLED);
      assertThat(mail).rspamd().hasAction(FilterAction.NO_ACTION).triggers("R_SPF_ALLOW")
          .doesNotTrigger("HFILTER_FROMHOST_NORES_A_OR_MX", "AUTH_NA", "HFILTER_HELO_IP_A", "HFILTER_HELO_NORES_A_OR_MX",
              "R_SPF_NA");
      assertThat(Receiver.checkOf(mail).rspamd().score()).isEqualTo(0.1).isLessThan(RSPAMD_AS_INSTALLED);
    }
  }
}
