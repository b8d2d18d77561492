package io.github.junitmailassert;

import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.mail.CapturedMails;
import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.internal.dns.DnsLookup;
import io.github.junitmailassert.testing.Send;
import java.util.Arrays;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.xbill.DNS.Type;

/**
 * Eight test classes run at the same time through the JUnit engine, each sending its own mail and
 * declaring its own DNS records; none may see another's. A barrier makes sure they really overlap.
 */
class ParallelIsolationTest {

  static final CyclicBarrier ALL_SENT = new CyclicBarrier(8);

  abstract static class ParallelFixture {
    @Test
    void sendsAndSeesOnlyItsOwn(SmtpEndpoint smtp, CapturedMails mails, DnsZone zone) throws Exception {
      String domain = getClass().getAnnotation(MailDeliverability.class).domain();
      Send.mail(smtp, "app@" + domain, "user@example.com", "from " + domain);
      ALL_SENT.await(30, TimeUnit.SECONDS); // every class has sent before any looks
      assertThat(mails.all()).hasSize(1);
      assertThat(mails.single()).hasEnvelopeSender("app@" + domain).hasHeader("Subject", "from " + domain);
      DnsLookup dns = new DnsLookup(zone.resolver());
      for (int i = 1; i <= 8; i++) {
        String other = "own.p" + i + ".example";
        assertThat(dns.lookup(other, Type.TXT).isOk()).as(other).isEqualTo(other.endsWith(domain));
      }
    }
  }

  @MailDeliverability(domain = "p1.example", records = {"own IN TXT \"p1\""})
  static class P1 extends ParallelFixture {}

  @MailDeliverability(domain = "p2.example", records = {"own IN TXT \"p2\""})
  static class P2 extends ParallelFixture {}

  @MailDeliverability(domain = "p3.example", records = {"own IN TXT \"p3\""})
  static class P3 extends ParallelFixture {}

  @MailDeliverability(domain = "p4.example", records = {"own IN TXT \"p4\""})
  static class P4 extends ParallelFixture {}

  @MailDeliverability(domain = "p5.example", records = {"own IN TXT \"p5\""})
  static class P5 extends ParallelFixture {}

  @MailDeliverability(domain = "p6.example", records = {"own IN TXT \"p6\""})
  static class P6 extends ParallelFixture {}

  @MailDeliverability(domain = "p7.example", records = {"own IN TXT \"p7\""})
  static class P7 extends ParallelFixture {}

  @MailDeliverability(domain = "p8.example", records = {"own IN TXT \"p8\""})
  static class P8 extends ParallelFixture {}

  @Test
  void should_keep_mail_and_dns_apart_when_eight_classes_run_concurrently() {
    EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "8")
        .selectors(Arrays.stream(new Class<?>[] {P1.class, P2.class, P3.class, P4.class, P5.class, P6.class, P7.class, P8.class})
            .map(c -> selectClass(c)).toArray(org.junit.platform.engine.DiscoverySelector[]::new))
        .execute()
        .testEvents()
        .assertStatistics(s -> s.started(8).succeeded(8));
  }
}
