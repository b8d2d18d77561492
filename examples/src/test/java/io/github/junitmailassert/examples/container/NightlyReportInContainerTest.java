package io.github.junitmailassert.examples.container;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.exception.NotFoundException;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.testcontainers.MailContainers;
import io.github.junitmailassert.testcontainers.MailRoute;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * A nightly job in a container mails its report through the container's own sendmail, which
 * delivers straight to the recipient's MX: MailContainers points the container's DNS at the test's
 * zone and port 25 of the MX at the capture server. Skipped where Docker does not run.
 */
@Testcontainers(disabledWithoutDocker = true)
@MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", clientHostName = "mail.sample.co.jp",
    spf = "v=spf1 ip4:203.0.113.25 -all")
class NightlyReportInContainerTest {

  /**
   * Debian with sendmail. This repository builds it locally (.ci/prepare-docker); your test names
   * the image your job runs in.
   */
  private static final DockerImageName JOB_IMAGE = DockerImageName.parse("junit-mail-assert-it/debian-sendmail:bookworm-1");

  @Test
  void nightly_report_is_sent_as_sample_co_jp(SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    assumeTrue(imageIsHere(), JOB_IMAGE + " is not built here: run .ci/prepare-docker");
    try (GenericContainer<?> job = new GenericContainer<>(JOB_IMAGE)
            .withCreateContainerCmdModifier(cmd -> cmd.withHostName("mail.sample.co.jp"));
        MailRoute route = MailContainers.sendThrough(job, smtp, zone)) {
      zone.mx("example.com", 10, "mx.example.com").a("mx.example.com", route.hostAddress());
      job.start();

      job.execInContainer("sh", "-c", "printf 'Subject: Nightly report\\n\\nAll jobs ran.\\n'"
          + " | sendmail -Am -odi -oi -f reports@sample.co.jp ops@example.com");

      assertThat(mails.single())
          .hasEnvelopeSender("reports@sample.co.jp")
          .hasHeloName("mail.sample.co.jp")
          .hasMessageIdDomain("mail.sample.co.jp")
          .hasRecipients("ops@example.com");
    }
  }

  private static boolean imageIsHere() {
    try {
      DockerClientFactory.instance().client().inspectImageCmd(JOB_IMAGE.asCanonicalNameString()).exec();
      return true;
    } catch (NotFoundException e) {
      return false; // no registry to pull it from here
    }
  }
}
