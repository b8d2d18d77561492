package io.github.junitmailassert.it.containers;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.envelope.LocalNames;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.testcontainers.MailContainers;
import io.github.junitmailassert.testcontainers.MailRoute;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.MountableFile;

/**
 * Debian's own sendmail in a container, delivering a shop's welcome mail the way it would on the
 * internet: it looks up the MX of the recipient's domain (through the test's fake zone) and
 * connects to port 25 there (the route's relay to the capture server). First with the
 * configuration the package installs, on a host that calls itself localhost.localdomain, then with
 * the fix an administrator adds to sendmail.mc.
 */
@RequiresDocker
@MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", clientHostName = "mail.sample.co.jp",
    spf = "v=spf1 ip4:203.0.113.25 -all")
class SendmailInContainerTest {

  /** What the shop runs: PHP's mail() and most cron jobs call sendmail this way. */
  private static final String SEND_WELCOME_MAIL = "sendmail -Am -odi -oi -t < /srv/shop/welcome.eml";

  @Test
  void should_find_the_classic_leaks_when_sendmail_runs_as_shipped(SmtpEndpoint smtp, DnsZone zone, CapturedMails mails)
      throws Exception {
    try (GenericContainer<?> shop = shopHost();
        MailRoute route = MailContainers.sendThrough(shop, smtp, zone)) {
      // GIVEN sendmail as the package configured it, and example.com's MX pointing at the route
      recipientMx(zone, route);
      shop.start();

      // WHEN the shop sends its welcome mail
      exec(shop, SEND_WELCOME_MAIL);

      // THEN the receiver sees the host's own name everywhere but in the From the application wrote
      CapturedMail mail = mails.single();
      assertThat(mail.envelopeSender()).isEqualTo("root@localhost.localdomain");
      assertThat(mail.heloName()).contains("localhost.localdomain");
      assertThat(mail.recipients()).containsExactly("user@example.com");
      assertThat(mail.header("From")).contains("Sample Shop <no-reply@sample.co.jp>");
      assertThat(findings(mail)).containsExactly(
          "MAIL FROM: localhost.localdomain (the name every machine gives itself)",
          "HELO/EHLO: localhost.localdomain (the name every machine gives itself)",
          "Message-ID: localhost.localdomain (the name every machine gives itself)",
          "Received: localhost.localdomain (the name every machine gives itself)");
      assertThat(mail).hasFromDomain("sample.co.jp");
      // and the checks use the client IP the test declared, not the relay's socket address
      assertThat(Receiver.of(mail).clientIpNote(mail))
          .isEqualTo("client IP 203.0.113.25 (declared by the test; the socket address was 127.0.0.1)");
    }
  }

  @Test
  void should_find_nothing_when_sendmail_masquerades_and_knows_its_name(SmtpEndpoint smtp, DnsZone zone,
      CapturedMails mails) throws Exception {
    try (GenericContainer<?> shop = shopHost();
        MailRoute route = MailContainers.sendThrough(shop, smtp, zone)) {
      // GIVEN the same host, with MASQUERADE_AS, masquerade_envelope and confDOMAIN_NAME added to sendmail.mc
      recipientMx(zone, route);
      shop.start();
      exec(shop, "sh /srv/shop/apply-fix.sh");

      // WHEN the shop sends its welcome mail the same way
      exec(shop, SEND_WELCOME_MAIL);

      // THEN
      CapturedMail mail = mails.single();
      assertThat(mail)
          .hasEnvelopeSender("root@sample.co.jp")
          .hasEnvelopeSenderDomain("sample.co.jp")
          .hasHeloName("mail.sample.co.jp")
          .hasMessageIdDomain("mail.sample.co.jp")
          .hasRecipients("user@example.com")
          .hasNoLocalNameLeaks();
      assertThat(findings(mail)).isEmpty();
      assertThat(mail.headers("Received")).singleElement().asString().contains("by mail.sample.co.jp");
    }
  }

  /** A shop's host: Debian with sendmail, named as a host is that nobody named. */
  private static GenericContainer<?> shopHost() {
    return new GenericContainer<>(DebianSendmailImage.IMAGE)
        .withCreateContainerCmdModifier(cmd -> cmd.withHostName("localhost.localdomain"))
        .withCopyToContainer(MountableFile.forClasspathResource("sendmail/"), "/srv/shop/")
        .withStartupTimeout(Duration.ofSeconds(60));
  }

  /** The recipient's domain has its MX at the test host's address in the container's network. */
  private static void recipientMx(DnsZone zone, MailRoute route) {
    zone.mx("example.com", 10, "mx.example.com").a("mx.example.com", route.hostAddress());
  }

  private static void exec(GenericContainer<?> container, String script) throws Exception {
    ExecResult result = container.execInContainer("sh", "-c", script);
    assertThat(result.getExitCode())
        .as("exit code of %s%nstdout: %s%nstderr: %s", script, result.getStdout(), result.getStderr())
        .isZero();
  }

  private static List<String> findings(CapturedMail mail) {
    return LocalNames.findLeaks(mail).stream()
        .map(leak -> leak.place().label() + ": " + leak.localName() + " (" + leak.why() + ")")
        .collect(Collectors.toList());
  }
}
