package io.github.junitmailassert.internal.filter;

import io.github.junitmailassert.filter.SpamFilter;
import io.github.junitmailassert.filter.SpamFilterResult;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The JVM's real filters: each started on first use (never per test: they take seconds), kept for
 * the rest of the run, and stopped with every process it forked when the JVM exits. A filter that
 * is not installed, or did not start, gives every mail a not-scored result that says why; it is
 * not tried again. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class SpamFilters {

  private static final Map<SpamFilter, Started> STARTED = new EnumMap<>(SpamFilter.class);
  private static boolean hookAdded;

  private SpamFilters() {}

  /** What one filter became when it was first asked for: running, or why not. */
  private record Started(RunningFilter running, SpamFilterResult failure) {}

  /** Scores {@code request} with {@code filter}, starting it first if this is the JVM's first mail for it. */
  public static SpamFilterResult score(SpamFilter filter, FilterRequest request) {
    Started started = started(filter);
    return started.running() == null ? started.failure() : started.running().score(request);
  }

  /** Why {@code filter} cannot run on this machine (the program is not installed), if so; starts nothing. */
  public static Optional<String> missing(SpamFilter filter) {
    return program(filter).isPresent() ? Optional.empty() : Optional.of(notInstalled(filter));
  }

  /** How long the filter took to start, once started (the benchmark reports it); zero before. */
  public static synchronized Duration startTime(SpamFilter filter) {
    Started started = STARTED.get(filter);
    return started == null || started.running() == null ? Duration.ZERO : started.running().startTime();
  }

  private static synchronized Started started(SpamFilter filter) {
    return STARTED.computeIfAbsent(filter, SpamFilters::start);
  }

  private static Started start(SpamFilter filter) {
    Optional<String> program = program(filter);
    if (program.isEmpty()) {
      return new Started(null, SpamFilterResult.notScored(filter, SpamFilterResult.Status.NOT_INSTALLED,
          notInstalled(filter)));
    }
    int cores = Math.max(2, Runtime.getRuntime().availableProcessors());
    // A spamd child waits for its DNS answers between rule passes: two per core keep the cores busy.
    RunningFilter running = filter == SpamFilter.SPAMASSASSIN ? new SpamdFilter(program.get(), 2 * cores)
        : new RspamdFilter(program.get(), cores);
    try {
      addShutdownHook();
      running.start();
      return new Started(running, null);
    } catch (RuntimeException e) {
      return new Started(null, SpamFilterResult.notScored(filter, SpamFilterResult.Status.FAILED,
          filter.program() + " did not start: " + e.getMessage()));
    }
  }

  private static void addShutdownHook() {
    if (!hookAdded) {
      hookAdded = true;
      Runtime.getRuntime().addShutdownHook(new Thread(SpamFilters::stopAll, "mail-assert-filters-stop"));
    }
  }

  private static void stopAll() {
    Map<SpamFilter, Started> all;
    synchronized (SpamFilters.class) {
      all = new EnumMap<>(STARTED);
    }
    for (Started started : all.values()) {
      if (started.running() != null) {
        started.running().close();
      }
    }
  }

  static String notInstalled(SpamFilter filter) {
    return filter.displayName() + " is not installed (no " + filter.program() + " on the PATH or in /usr/sbin):"
        + " " + filter.installHint();
  }

  /** The filter's program: on the PATH, else where Debian puts it. */
  static Optional<String> program(SpamFilter filter) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String entry : (path + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/usr/bin")
        .split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path candidate = Path.of(entry, filter.program());
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate.toString());
      }
    }
    return Optional.empty();
  }
}
