package io.github.junitmailassert.benchmark;

import io.github.junitmailassert.filter.SpamFilter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs every benchmark of the harness in turn, prints one line per figure, then the table of
 * paired ratios with the machine and its load. Arguments name the parts to run (capture, dkim,
 * spf, extension, await, pipelining, filters, or one filter by its program: spamd, rspamd); none runs
 * them all.
 */
public final class Benchmarks {

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    List<String> parts = List.of(args);
    System.out.printf("machine: %d cores, Java %s, %s %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
    System.out.println("load at start: " + uptime());
    System.out.println("guest halt polling (cpuidle-haltpoll): " + haltPolling());
    if (parts.isEmpty() || parts.contains("capture")) {
      CaptureBenchmark.run();
    }
    if (parts.isEmpty() || parts.contains("dkim")) {
      DkimBenchmark.run();
    }
    if (parts.isEmpty() || parts.contains("spf")) {
      SpfBenchmark.run();
    }
    if (parts.isEmpty() || parts.contains("extension")) {
      ExtensionBenchmark.run();
    }
    if (parts.isEmpty() || parts.contains("await")) {
      AwaitBenchmark.run();
    }
    if (parts.isEmpty() || parts.contains("pipelining")) {
      PipeliningBenchmark.run();
    }
    if (parts.isEmpty() || parts.contains("filters")) {
      FilterBenchmark.run();
    } else {
      for (SpamFilter filter : SpamFilter.values()) {
        if (parts.contains(filter.program())) {
          FilterBenchmark.run(filter);
        }
      }
    }
    System.out.println("load at end: " + uptime());
    Harness.printTable();
  }

  /**
   * How long an idle virtual CPU of a KVM guest polls before it halts, which decides how fast the
   * capture's threads wake each other (see the README): 0 on the VMs these figures come from,
   * as configured.
   */
  static String haltPolling() {
    Path poll = Path.of("/sys/module/haltpoll/parameters/guest_halt_poll_ns");
    try {
      return Files.readString(poll).strip() + " ns";
    } catch (IOException e) {
      return "not a KVM guest with cpuidle-haltpoll (no " + poll + ")";
    }
  }

  /** What {@code uptime} prints (the load averages), so that a figure comes with the load it was taken under. */
  static String uptime() {
    try {
      Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor(5, TimeUnit.SECONDS) && !out.isEmpty()) {
        return out;
      }
    } catch (IOException e) {
      // fall back to the JVM's own figure
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return String.format("load average %.2f (1 min, from the JVM)",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
