package io.github.junitmailassert.benchmark;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitmailassert.benchmark.fixtures.DnsServerFixture;
import io.github.junitmailassert.benchmark.fixtures.Fixtures;
import io.github.junitmailassert.benchmark.fixtures.GreenMailFixture;
import io.github.junitmailassert.benchmark.fixtures.ThousandRecordsFixture;
import io.github.junitmailassert.benchmark.fixtures.ZoneFileFixture;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Rows 4 and 5: what a user's test costs with this extension, against GreenMail's JUnit 5
 * extension in the same rounds. Each fixture class runs through the JUnit Platform launcher, as a
 * build would run it, with {@link Fixtures#TESTS} tests of a server (and zone) each.
 */
final class ExtensionBenchmark {

  /*
   * A round runs one fixture class of 20 tests (15 to 60 ms), and single rounds range from 0.3x to
   * over 3x (GC pauses, the other core busy): 15 rounds after 3 warm-ups gave medians of 1.50x to
   * 1.83x for the same code. Odd, so that the median is one round.
   */
  private static final int WARMUP_ROUNDS = 20;
  private static final int ROUNDS = 61;

  private ExtensionBenchmark() {}

  static void run() throws Exception {
    Launcher launcher = LauncherFactory.create();
    Harness.Round greenMail = fixture(launcher, GreenMailFixture.class);
    Harness.Round zoneFileFixture = fixture(launcher, ZoneFileFixture.class);
    Harness.Round recordsFixture = fixture(launcher, ThousandRecordsFixture.class);
    Harness.Round dnsFixture = fixture(launcher, DnsServerFixture.class);
    // Each side's code compiled before it is timed, as rows 1 to 3: the extension is much more code
    // than GreenMail's, and the JIT compiler takes the other core while it compiles.
    int pairs = 0;
    for (Harness.Round fixture : java.util.List.of(zoneFileFixture, recordsFixture, dnsFixture)) {
      int settled = Harness.settle(400, 3, fixture, greenMail);
      pairs = settled < 0 || pairs < 0 ? -1 : pairs + settled;
    }
    Harness.report("rows 4 and 5: warm-up until the JIT compiler was quiet", Harness.settled(pairs));
    Harness.Ratio zoneFile = Harness.paired(WARMUP_ROUNDS, ROUNDS, zoneFileFixture, greenMail);
    Harness.row("4a", "test whose class declares a 1,000-record zone file vs GreenMailExtension, per test",
        perTest(zoneFile.aNanos()), perTest(zoneFile.bNanos()), zoneFile, "<= 2x", false);
    Harness.Ratio records = Harness.paired(WARMUP_ROUNDS, ROUNDS, recordsFixture, greenMail);
    Harness.row("4b", "test whose class declares 1,000 records lines vs GreenMailExtension, per test",
        perTest(records.aNanos()), perTest(records.bNanos()), records, "<= 2x", false);
    Harness.Ratio dns = Harness.paired(WARMUP_ROUNDS, ROUNDS, dnsFixture, greenMail);
    Harness.row("5", "test that starts the loopback DNS server (DnsEndpoint) vs GreenMailExtension, per test",
        perTest(dns.aNanos()), perTest(dns.bNanos()), dns, "<= 1.5x", false);
  }

  private static String perTest(long fixtureNanos) {
    return String.format("%.2f ms", fixtureNanos / 1e6 / Fixtures.TESTS);
  }

  /** One round: the whole fixture class, discovered and run; every test must pass. */
  private static Harness.Round fixture(Launcher launcher, Class<?> fixture) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture)).build();
    return () -> {
      SummaryGeneratingListener listener = new SummaryGeneratingListener();
      launcher.execute(request, listener);
      TestExecutionSummary summary = listener.getSummary();
      if (summary.getTestsSucceededCount() != Fixtures.TESTS || summary.getTotalFailureCount() != 0) {
        StringBuilder why = new StringBuilder();
        summary.getFailures().forEach(f -> why.append(System.lineSeparator()).append(f.getException()));
        throw new IllegalStateException(fixture.getSimpleName() + ": " + summary.getTestsSucceededCount() + " of "
            + Fixtures.TESTS + " tests passed" + why);
      }
    };
  }
}
