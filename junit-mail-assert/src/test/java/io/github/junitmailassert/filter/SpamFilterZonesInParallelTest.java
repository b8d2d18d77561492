package io.github.junitmailassert.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.testing.Filters;
import io.github.junitmailassert.testing.SeedStory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One filter process serves every test of the JVM, yet each mail's DNS is its own zone's: two zones
 * publish different SPF records for the same domain, and mails scored at the same time and one
 * after the other each get their own zone's SPF verdict (no answer is cached across mails).
 */
class SpamFilterZonesInParallelTest {

  private static final int MAILS_PER_ZONE = 4;

  private static DnsZone passing() {
    return SeedStory.fixedZone();
  }

  private static DnsZone failing() {
    return SeedStory.misconfiguredZone().spf("sample.co.jp", "v=spf1 ip4:198.51.100.99 -all")
        .sendingHost("mail.sample.co.jp", SeedStory.CLIENT_IP);
  }

  private static String spfRule(SpamFilter filter, boolean pass) {
    if (filter == SpamFilter.SPAMASSASSIN) {
      return pass ? "SPF_PASS" : "SPF_FAIL";
    }
    return pass ? "R_SPF_ALLOW" : "R_SPF_FAIL";
  }

  @ParameterizedTest
  @EnumSource(SpamFilter.class)
  void should_give_each_mail_its_own_zones_spf_verdict_when_zones_disagree_in_parallel(SpamFilter filter)
      throws Exception {
    Filters.assumeInstalled(filter);
    ExecutorService pool = Executors.newFixedThreadPool(2 * MAILS_PER_ZONE);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<String>>> pass = new ArrayList<>();
    List<Future<List<String>>> fail = new ArrayList<>();
    try {
      for (int i = 0; i < MAILS_PER_ZONE; i++) {
        DnsZone good = passing();
        DnsZone bad = failing();
        pass.add(pool.submit(() -> {
          start.await();
          return Receiver.checkOf(SeedStory.fixed(good)).spamFilter(filter).ruleNames();
        }));
        fail.add(pool.submit(() -> {
          start.await();
          return Receiver.checkOf(SeedStory.fixed(bad)).spamFilter(filter).ruleNames();
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
  }

  @ParameterizedTest
  @EnumSource(SpamFilter.class)
  void should_not_carry_one_zones_answers_into_the_next_mail(SpamFilter filter) {
    Filters.assumeInstalled(filter);
    for (boolean good : new boolean[] {true, false, true, false}) {
      List<String> rules = Receiver.checkOf(SeedStory.fixed(good ? passing() : failing())).spamFilter(filter)
          .ruleNames();
      assertThat(rules).as("mail %s", good ? "of the passing zone" : "of the failing zone")
          .contains(spfRule(filter, good)).doesNotContain(spfRule(filter, !good));
    }
  }

}
