package io.github.junitmailassert.it.containers;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.MailDeliverabilityExtension;
import io.github.junitmailassert.filter.FilterAction;
import io.github.junitmailassert.filter.SpamFilterResult;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.receiver.ReceiverResult;
import io.github.junitmailassert.testcontainers.MailContainers;
import io.github.junitmailassert.testcontainers.MailRoute;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.MountableFile;

/**
 * The seed's story with everything in containers: Debian's sendmail on a host that calls itself
 * localhost.localdomain sends the shop's order mail (then the same host with the administrator's
 * fix), and SpamAssassin and rspamd score it in containers of the filter image
 * ({@code spamFiltersIn(FilterContainers.image(...))}). Each verdict equals, rule for rule, the one
 * the same filters give as local processes of this machine.
 */
@RequiresDocker(images = {RequiresDocker.Image.SENDMAIL, RequiresDocker.Image.FILTERS})
class SpamFiltersInContainerTest {

  /** What the shop's cron job pipes to sendmail: From without a display name, as in src-it/senders. */
  private static final String SEND_ORDER_MAIL = "printf 'From: shop@sample.co.jp\\nTo: user@example.com\\n"
      + "Subject: Your order\\n\\nThank you for your order.\\n' | sendmail -Am -odi -oi -t";

  @Nested
  class AsInstalled {
    @RegisterExtension
    MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance()
        .domain("sample.co.jp").clientIp("203.0.113.25").records("@ IN MX 10 mx", "mx IN A 198.51.100.10")
        .spamFiltersIn(LocalFilters.IN_CONTAINERS)
        .build();

    @Test
    void should_fire_the_helo_envelope_spf_and_reverse_dns_rules_in_the_container_as_locally() throws Exception {
      CapturedMail order = sendOrderMail(mail, false);

      ReceiverResult inContainers = Receiver.checkOf(order);
      SpamFilterResult sa = inContainers.spamAssassin();
      SpamFilterResult rs = inContainers.rspamd();
      assertThat(sa.ruleNames()).as(sa.summaryWithCountedRules()).containsExactly("RDNS_NONE",
          "HEADER_FROM_DIFFERENT_DOMAINS", "SPF_HELO_NONE", "SPF_NONE");
      assertThat(sa.score()).isEqualTo(2.3);
      assertThat(rs.ruleNames()).as(rs.summaryWithCountedRules()).containsExactly("HFILTER_FROMHOST_NORES_A_OR_MX",
          "AUTH_NA", "HFILTER_HELO_IP_A", "FORGED_SENDER", "HFILTER_HELO_NORES_A_OR_MX", "RCVD_NO_TLS_LAST", "ARC_NA",
          "DMARC_NA", "FROM_NEQ_ENVFROM", "FROM_NO_DN", "MIME_TRACE", "RCPT_COUNT_ONE", "RCVD_COUNT_TWO", "R_DKIM_NA",
          "R_SPF_NA", "TO_DN_NONE", "TO_MATCH_ENVRCPT_ALL", "MIME_GOOD");
      assertThat(rs.score()).isEqualTo(4.1);
      assertThat(order).rspamd().hasAction(FilterAction.NO_ACTION);

      ReceiverResult local = LocalFilters.localTwinOf(order).check(order);
      assertThat(sa).isEqualTo(local.spamAssassin());
      assertThat(rs).isEqualTo(local.rspamd());
    }
  }

  @Nested
  class Fixed {
    @RegisterExtension
    MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance()
        .domain("sample.co.jp").clientIp("203.0.113.25").clientHostName("mail.sample.co.jp")
        .spf("v=spf1 ip4:203.0.113.25 -all").records("@ IN MX 10 mx", "mx IN A 198.51.100.10")
        .spamFiltersIn(LocalFilters.IN_CONTAINERS)
        .build();

    @Test
    void should_fire_none_of_them_in_the_container_as_locally() throws Exception {
      CapturedMail order = sendOrderMail(mail, true);

      assertThat(order).spamAssassin().isNotSpam().triggers("SPF_PASS")
          .doesNotTrigger("RDNS_NONE", "HEADER_FROM_DIFFERENT_DOMAINS", "SPF_NONE");
      assertThat(order).rspamd().hasAction(FilterAction.NO_ACTION).triggers("R_SPF_ALLOW")
          .doesNotTrigger("HFILTER_FROMHOST_NORES_A_OR_MX", "AUTH_NA", "HFILTER_HELO_IP_A", "HFILTER_HELO_NORES_A_OR_MX",
              "R_SPF_NA");
      ReceiverResult inContainers = Receiver.checkOf(order);
      assertThat(inContainers.spamAssassin().ruleNames()).containsExactly("SPF_HELO_NONE", "SPF_PASS");
      assertThat(inContainers.spamAssassin().score()).isEqualTo(0.0);
      assertThat(inContainers.rspamd().score()).as(inContainers.rspamd().ruleNames().toString()).isEqualTo(0.1);

      ReceiverResult local = LocalFilters.localTwinOf(order).check(order);
      assertThat(inContainers.spamAssassin()).isEqualTo(local.spamAssassin());
      assertThat(inContainers.rspamd()).isEqualTo(local.rspamd());
    }
  }

  /** The order mail through sendmail in a container, as the package configured it or with the fix. */
  private static CapturedMail sendOrderMail(MailDeliverabilityExtension mail, boolean fixed) throws Exception {
    try (GenericContainer<?> shop = new GenericContainer<>(DebianSendmailImage.IMAGE)
            .withCreateContainerCmdModifier(cmd -> cmd.withHostName("localhost.localdomain"))
            .withCopyToContainer(MountableFile.forClasspathResource("sendmail/"), "/srv/shop/")
            .withStartupTimeout(Duration.ofSeconds(60));
        MailRoute route = MailContainers.sendThrough(shop, mail)) {
      mail.zone().mx("example.com", 10, "mx.example.com").a("mx.example.com", route.hostAddress());
      shop.start();
      if (fixed) {
        exec(shop, "sh /srv/shop/apply-fix.sh");
      }
      exec(shop, SEND_ORDER_MAIL);
      return mail.mails().single();
    }
  }

  private static void exec(GenericContainer<?> container, String script) throws Exception {
    ExecResult result = container.execInContainer("sh", "-c", script);
    assertThat(result.getExitCode())
        .as("exit code of %s%nstdout: %s%nstderr: %s", script, result.getStdout(), result.getStderr())
        .isZero();
  }
}
