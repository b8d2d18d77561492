package io.github.junitmailassert.benchmark;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain benchmark harness: warm-up rounds, then timed rounds, and the median. A figure that is a
 * ratio is measured against its peer in the same rounds, A and B alternating, so that both see the
 * same machine load; the median of the per-round ratios is reported.
 */
final class Harness {

  private static final List<String[]> TABLE = new ArrayList<>();

  private Harness() {}

  /** Something measured in rounds; each round does {@code operations()} operations. */
  interface Round {
    void run() throws Exception;
  }

  /** Runs {@code warmups} untimed rounds and {@code rounds} timed ones; returns the median round time in ns. */
  static long medianNanos(int warmups, int rounds, Round round) throws Exception {
    for (int i = 0; i < warmups; i++) {
      round.run();
    }
    long[] times = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      round.run();
      times[i] = System.nanoTime() - start;
    }
    Arrays.sort(times);
    return times[rounds / 2];
  }

  /**
   * A over B, paired: each round times A and B once, the order swapped every round (a JIT or GC
   * effect that favours the second runner then cancels out).
   *
   * @param a what is measured
   * @param b its peer, timed in the same rounds
   */
  static Ratio paired(int warmups, int rounds, Round a, Round b) throws Exception {
    return paired(warmups, rounds, a, 1, b, 1);
  }

  /**
   * As {@link #paired(int, int, Round, Round)}, per operation: A does {@code aOperations} in a
   * round and B {@code bOperations}; times and ratios are per operation.
   */
  static Ratio paired(int warmups, int rounds, Round a, long aOperations, Round b, long bOperations) throws Exception {
    double[] ratios = new double[rounds];
    double[] cpuRatios = new double[rounds];
    long[] aTimes = new long[rounds];
    long[] bTimes = new long[rounds];
    long[] ta = new long[2];
    long[] tb = new long[2];
    for (int i = -warmups; i < rounds; i++) {
      if ((i & 1) == 0) {
        time(a, ta);
        time(b, tb);
      } else {
        time(b, tb);
        time(a, ta);
      }
      if (i >= 0) {
        ratios[i] = ((double) ta[0] / aOperations) / ((double) tb[0] / bOperations);
        cpuRatios[i] = ((double) ta[1] / aOperations) / ((double) Math.max(1, tb[1]) / bOperations);
        aTimes[i] = ta[0] / aOperations;
        bTimes[i] = tb[0] / bOperations;
      }
    }
    Arrays.sort(ratios);
    Arrays.sort(cpuRatios);
    Arrays.sort(aTimes);
    Arrays.sort(bTimes);
    return new Ratio(ratios[rounds / 2], aTimes[rounds / 2], bTimes[rounds / 2], ratios[0], ratios[rounds - 1], rounds,
        cpuRatios[rounds / 2], aTimes[0], aTimes[rounds - 1], bTimes[0], bTimes[rounds - 1]);
  }

  /**
   * Runs A and B in turn until the JIT compiler's total time has not moved for {@code quiet}
   * pairs in a row and for at least a second, at most {@code maxRounds} pairs. Returns how many
   * pairs that took, or -1 when the compiler was not quiet by then or this JVM does not report
   * its time. (The README's Speed section says why rows that wait on a server need this.)
   */
  static int settle(int maxRounds, int quiet, Round a, Round b) throws Exception {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
      for (int i = 0; i < quiet; i++) {
        a.run();
        b.run();
      }
      return -1;
    }
    long before = jit.getTotalCompilationTime();
    long quietSince = System.nanoTime();
    int quietPairs = 0;
    for (int i = 1; i <= maxRounds; i++) {
      a.run();
      b.run();
      long now = jit.getTotalCompilationTime();
      if (now != before) {
        before = now;
        quietPairs = 0;
        quietSince = System.nanoTime();
      } else if (++quietPairs >= quiet && System.nanoTime() - quietSince >= 1_000_000_000L) {
        return i;
      }
    }
    return -1;
  }

  /** {@link #settle}'s result for the report. */
  static String settled(int pairs) {
    return pairs < 0 ? "not quiet, or not reported by this JVM" : pairs + " pairs of rounds";
  }

  /**
   * A thread that spins until closed, so that one of the cores is always busy: on a 2-core VM
   * whose idle cores halt, the condition under which a thread waiting on another wakes at once.
   */
  static final class BusyCore implements AutoCloseable {
    private volatile boolean stop;
    private final Thread spinner = new Thread(this::spin, "busy-core");

    BusyCore() {
      spinner.setDaemon(true);
      spinner.start();
    }

    private void spin() {
      while (!stop) {
        Thread.onSpinWait();
      }
    }

    @Override
    public void close() {
      stop = true;
      try {
        spinner.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Wall-clock and this thread's CPU time of one round, into {@code out}. */
  private static void time(Round round, long[] out) throws Exception {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    round.run();
    out[0] = System.nanoTime() - start;
    out[1] = THREADS.getCurrentThreadCpuTime() - cpu;
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * A paired figure.
   *
   * @param median the median of the per-round ratios A/B
   * @param aNanos A's median time (a round, or an operation)
   * @param bNanos B's median time
   * @param cpuMedian the median of the per-round ratios of the measuring thread's CPU time: steadier
   *     than wall-clock on a loaded machine, but blind to work on other threads (servers, GC)
   * @param aFastest A's fastest round (or operation), and so on: the spread behind the medians
   */
  record Ratio(double median, long aNanos, long bNanos, double min, double max, int rounds, double cpuMedian,
      long aFastest, long aSlowest, long bFastest, long bSlowest) {}

  /**
   * Adds a row to the table printed at the end.
   *
   * @param onThisThread whether all the work runs on the measuring thread, so that its CPU-time
   *     ratio means something (not when a server thread does part of it)
   */
  static void row(String number, String what, String a, String b, Ratio ratio, String goal, boolean onThisThread) {
    String cpu = onThisThread ? String.format("%.2fx", ratio.cpuMedian()) : "n/a";
    TABLE.add(new String[] {number, what, a, b, String.format("%.2fx", ratio.median()),
        String.format("%.2f-%.2f", ratio.min(), ratio.max()), cpu, String.valueOf(ratio.rounds()), goal});
    System.out.printf("row %s: %s: %.2fx (rounds %d, range %.2f-%.2f; CPU time %s; A %s, B %s;"
        + " A's rounds %.3g-%.3g ms, B's %.3g-%.3g ms)%n", number, what, ratio.median(), ratio.rounds(), ratio.min(),
        ratio.max(), cpu, a, b, ratio.aFastest() / 1e6, ratio.aSlowest() / 1e6, ratio.bFastest() / 1e6,
        ratio.bSlowest() / 1e6);
  }

  /** The rows as a Markdown table, ready for the README. */
  static void printTable() {
    System.out.println();
    System.out.println("| row | what (A vs B) | A | B | A/B, median | range | A/B, CPU time | rounds | goal |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    TABLE.sort(java.util.Comparator.comparing(r -> r[0]));
    for (String[] r : TABLE) {
      System.out.println("| " + String.join(" | ", r) + " |");
    }
  }

  static String micros(long nanos, long operations) {
    return String.format("%.1f µs", nanos / 1e3 / operations);
  }

  static String millis(long nanos) {
    return String.format("%.1f ms", nanos / 1e6);
  }

  static double perSecond(long operations, long nanos) {
    return operations * 1e9 / nanos;
  }

  static void report(String name, String figure) {
    System.out.printf("%-62s %s%n", name, figure);
  }
}
