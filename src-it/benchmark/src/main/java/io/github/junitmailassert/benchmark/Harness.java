package io.github.junitmailassert.benchmark;

import java.util.Arrays;

/** A plain benchmark harness: warm-up rounds, then timed rounds, and the median. */
final class Harness {

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

  static double perSecond(long operations, long nanos) {
    return operations * 1e9 / nanos;
  }

  static void report(String name, String figure) {
    System.out.printf("%-62s %s%n", name, figure);
  }
}
