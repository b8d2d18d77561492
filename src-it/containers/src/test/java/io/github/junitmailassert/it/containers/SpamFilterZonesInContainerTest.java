package io.github.junitmailassert.it.containers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.MailDeliverabilityExtension;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.filter.SpamFilter;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.receiver.Receiver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testcontainers.DockerClientFactory;

/**
 * One filter container serves every test of the JVM, yet each mail is scored against its own
 * test's zone: the same mail, scored at the same moment by receivers of two zones that disagree on
 * sample.co.jp's SPF record (as tests running in parallel do), gets SPF pass in the one and fail in
 * the other, each time. All of them are scored by one container per filter.
 */
@RequiresDocker(images = RequiresDocker.Image.FILTERS)
class SpamFilterZonesInContainerTest {

  private static final int MAILS_PER_ZONE = 4;
  private static final String CLIENT_IP = "203.0.113.25";

  @RegisterExtension
  MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance()
      .domain("sample.co.jp").clientIp(CLIENT_IP).clientHostName("mail.sample.co.jp")
      .spf("v=spf1 ip4:" + CLIENT_IP + " -all").records("@ IN MX 10 mx", "mx IN A 198.51.100.10")
      .spamFiltersIn(LocalFilters.IN_CONTAINERS)
      .build();

  /** The other test's zone: the same names, but an SPF record that does not list the client IP. */
  private static DnsZone failingZone() {
    return DnsZone.create().mx("sample.co.jp", 10, "mx.sample.co.jp").a("mx.sample.co.jp", "198.51.100.10")
        .spf("sample.co.jp", "v=spf1 ip4:198.51.100.99 -all").sendingHost("mail.sample.co.jp", CLIENT_IP);
  }

  private static String spfRule(SpamFilter filter, boolean pass) {
    if (filter == SpamFilter.SPAMASSASSIN) {
      return pass ? "SPF_PASS" : "SPF_FAIL";
    }
    return pass ? "R_SPF_ALLOW" : "R_SPF_FAIL";
  }

  @ParameterizedTest
  @EnumSource(SpamFilter.class)
  void should_give_each_zone_its_own_spf_verdict_when_mails_of_disagreeing_zones_score_at_once(SpamFilter filter)
      throws Exception {
    CapturedMail order = OrderMail.send(mail);
    DnsZone passing = mail.zone();
    DnsZone failing = failingZone();
    ExecutorService pool = Executors.newFixedThreadPool(2 * MAILS_PER_ZONE);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<String>>> pass = new ArrayList<>();
    List<Future<List<String>>> fail = new ArrayList<>();
    try {
      for (int i = 0; i < MAILS_PER_ZONE; i++) {
        pass.add(pool.submit(() -> {
          start.await();
          return receiver(passing).check(order).spamFilter(filter).ruleNames();
        }));
        fail.add(pool.submit(() -> {
          start.await();
          return receiver(failing).check(order).spamFilter(filter).ruleNames();
        }));
      }
      start.countDown();
      for (Future<List<String>> f : pass) {
        assertThat(f.get(5, TimeUnit.MINUTES)).contains(spfRule(filter, true)).doesNotContain(spfRule(filter, false));
      }
      for (Future<List<String>> f : fail) {
        assertThat(f.get(5, TimeUnit.MINUTES)).contains(spfRule(filter, false)).doesNotContain(spfRule(filter, true));
      }
    } finally {
      pool.shutdownNow();
    }
    // Every receiver of every test of this JVM asked the one container of this filter.
    assertThat(DockerClientFactory.instance().client().listContainersCmd()
        .withAncestorFilter(List.of(DebianFilterImage.NAME)).exec())
        .filteredOn(c -> c.getCommand().startsWith(filter.program() + " "))
        .hasSize(1);
  }

  /** A receiver of {@code zone}, as a test's environment makes it, with the filters in the image's containers. */
  private static Receiver receiver(DnsZone zone) {
    return Receiver.builder(zone.resolver()).clientIp(CLIENT_IP).senderDomain("sample.co.jp")
        .spamFiltersIn(LocalFilters.IN_CONTAINERS).build();
  }
}
