package io.github.junitmailassert.benchmark;

/** Runs every benchmark of the harness in turn and prints one line per figure. */
public final class Benchmarks {

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    System.out.printf("machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    CaptureBenchmark.run();
    DkimBenchmark.run();
    SpfBenchmark.run();
  }
}
