package io.github.junitmailassert.benchmark;

import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.filter.SpamFilter;
import io.github.junitmailassert.filter.SpamFilterResult;
import io.github.junitmailassert.internal.filter.SpamFilters;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.receiver.Receiver;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The real filters: each one's start (once per JVM), the mails it scores per second from 8
 * client threads, every mail a new captured mail of one zone (SPF pass, matching PTR and A), and
 * the CPU time a mail costs the filter's processes and this JVM.
 */
public final class FilterBenchmark {

  private static final int CLIENTS = 8;

  private FilterBenchmark() {}

  public static void main(String[] args) throws Exception {
    run();
  }

  public static void run() throws Exception {
    run(SpamFilter.values());
  }

  /** Only {@code filters}: one filter alone, so that the other's start and load do not weigh on it. */
  public static void run(SpamFilter... filters) throws Exception {
    DnsZone zone = DnsZone.create().spf("sample.co.jp", "v=spf1 ip4:203.0.113.25 -all")
        .sendingHost("mail.sample.co.jp", "203.0.113.25").mx("sample.co.jp", 10, "mail.sample.co.jp");
    Receiver receiver = Receiver.builder(zone.resolver()).clientIp("203.0.113.25").build();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      for (SpamFilter filter : filters) {
        if (SpamFilters.missing(filter).isPresent()) {
          System.out.println(filter.program() + ": skipped, " + SpamFilters.missing(filter).get());
          continue;
        }
        long began = System.nanoTime();
        SpamFilterResult first = Receiver.checkOf(mail(receiver, 0)).spamFilter(filter);
        long firstMail = System.nanoTime() - began;
        if (!first.isScored()) {
          System.out.println(filter.program() + ": " + first.reason());
          continue;
        }
        Harness.report(filter.program() + " start until it listens, once per JVM",
            Harness.millis(SpamFilters.startTime(filter).toNanos()));
        Harness.report(filter.program() + " start and the first mail scored", Harness.millis(firstMail));
        int mails = filter == SpamFilter.SPAMASSASSIN ? 64 : 600; // a few seconds a round each
        // rspamd's first rounds still run while the JIT compiles the client and the DNS front: two warm-ups.
        for (int warmup = filter == SpamFilter.RSPAMD ? 2 : 1; warmup > 0; warmup--) {
          scoreAll(pool, receiver, filter, mails);
        }
        long[] cpu = {jvmCpuNanos(), filterCpuMillis() * 1_000_000L};
        long nanos = Harness.medianNanos(0, 3, () -> scoreAll(pool, receiver, filter, mails));
        Harness.report(filter.program() + " mails scored per second, " + CLIENTS + " clients",
            String.format("%.0f/s", Harness.perSecond(mails, nanos)));
        // CPU per mail bounds the rate on an idle machine (cores / CPU per mail) and varies less with load.
        double jvm = (jvmCpuNanos() - cpu[0]) / 1e6 / (3.0 * mails);
        double own = (filterCpuMillis() * 1_000_000L - cpu[1]) / 1e6 / (3.0 * mails);
        Harness.report(filter.program() + " CPU per mail: its processes + this JVM", String.format(
            "%.2f + %.2f ms (at most %.0f/s on %d idle cores)", own, jvm,
            Runtime.getRuntime().availableProcessors() * 1000 / (own + jvm), Runtime.getRuntime().availableProcessors()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * User and system time of the JVM's child processes (the filters, their workers, and the
   * workers they have reaped), in milliseconds; 0 where there is no {@code /proc}.
   */
  private static long filterCpuMillis() {
    long ticks = 0;
    for (ProcessHandle process : ProcessHandle.current().descendants().toList()) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        for (int field = 11; field <= 14; field++) { // utime stime cutime cstime
          ticks += Long.parseLong(fields[field]);
        }
      } catch (IOException | RuntimeException e) {
        // gone meanwhile, or no /proc
      }
    }
    return ticks * 10; // USER_HZ is 100 on Linux
  }

  private static void scoreAll(ExecutorService pool, Receiver receiver, SpamFilter filter, int mails)
      throws Exception {
    List<Future<SpamFilterResult>> results = new ArrayList<>();
    for (int i = 0; i < mails; i++) {
      CapturedMail mail = mail(receiver, i);
      results.add(pool.submit(() -> Receiver.checkOf(mail).spamFilter(filter)));
    }
    for (Future<SpamFilterResult> result : results) {
      if (!result.get().isScored()) {
        throw new IllegalStateException(result.get().reason());
      }
    }
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static CapturedMail mail(Receiver receiver, int i) {
    String message = "From: Sample Shop <shop@sample.co.jp>\r\nTo: user@example.com\r\nSubject: Your order " + i
        + "\r\nDate: " + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC))
        + "\r\nMessage-ID: <" + i + ".order@sample.co.jp>\r\n\r\nThank you for your order.\r\n";
    return CapturedMail.builder().sequence(i + 1).helo("EHLO", "mail.sample.co.jp")
        .envelopeSender("no-reply@sample.co.jp").recipient("user@example.com").receivedAt(Instant.now())
        .rawMessage(message.getBytes(StandardCharsets.UTF_8)).receiver(receiver).build();
  }
}
