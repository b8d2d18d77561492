package io.github.junitmailassert.internal.filter;

import io.github.junitmailassert.filter.FilterLauncher;
import io.github.junitmailassert.filter.SpamFilter;
import io.github.junitmailassert.filter.SpamFilterResult;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * The JVM's real filters: each started on first use (never per test: they take seconds), kept for
 * the rest of the run, and stopped with every process it forked when the JVM exits; once as a local
 * process, and once for each {@link FilterLauncher} a receiver names. A filter that is not
 * installed, or did not start, gives every mail a not-scored result that says why; it is not tried
 * again. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class SpamFilters {

  /** Each place's start, run once by the first thread that asks; others wait for that one only. */
  private static final Map<Where, FutureTask<Started>> STARTED = new ConcurrentHashMap<>();
  private static boolean hookAdded;

  private SpamFilters() {}

  /** What one filter became when it was first asked for: running, or why not. */
  private record Started(RunningFilter running, SpamFilterResult failure) {}

  /**
   * A filter and where it runs: {@link LocalLauncher#INSTANCE}, or a launcher a receiver names;
   * launchers of one class that name the same place are one place.
   */
  private record Where(SpamFilter filter, FilterLauncher launcher) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Where w && w.filter == filter && w.launcher.getClass() == launcher.getClass()
          && w.launcher.where().equals(launcher.where());
    }

    @Override
    public int hashCode() {
      return 31 * (31 * filter.hashCode() + launcher.getClass().hashCode()) + launcher.where().hashCode();
    }
  }

  /** Scores {@code request} with {@code filter}, starting it first if this is the JVM's first mail for it. */
  public static SpamFilterResult score(SpamFilter filter, FilterRequest request) {
    return score(filter, Optional.empty(), request);
  }

  /**
   * Scores {@code request} with {@code filter} started by {@code launcher} (a local process when
   * empty), starting it first if this is the JVM's first mail for them.
   */
  public static SpamFilterResult score(SpamFilter filter, Optional<FilterLauncher> launcher, FilterRequest request) {
    Started started = started(new Where(filter, launcher.orElse(LocalLauncher.INSTANCE)));
    return started.running() == null ? started.failure() : started.running().score(request);
  }

  /** Why {@code filter} cannot run on this machine (the program is not installed), if so; starts nothing. */
  public static Optional<String> missing(SpamFilter filter) {
    return program(filter).isPresent() ? Optional.empty() : Optional.of(notInstalled(filter));
  }

  /** How long the filter took to start, once started (the benchmark reports it); zero before. */
  public static Duration startTime(SpamFilter filter) {
    Started started = done(STARTED.get(new Where(filter, LocalLauncher.INSTANCE)));
    return started == null || started.running() == null ? Duration.ZERO : started.running().startTime();
  }

  /**
   * The filter at {@code where}, started by the first thread that asks for it. A slow start (a
   * container's image) makes only the mails for that place wait, not every filter's.
   */
  private static Started started(Where where) {
    FutureTask<Started> task = new FutureTask<>(() -> start(where));
    FutureTask<Started> first = STARTED.putIfAbsent(where, task);
    if (first == null) {
      first = task;
      task.run();
    }
    try {
      return first.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Started(null, SpamFilterResult.notScored(where.filter(), SpamFilterResult.Status.FAILED,
          "interrupted while waiting for " + where.filter().program() + " to start"));
    } catch (ExecutionException e) {
      return new Started(null, SpamFilterResult.notScored(where.filter(), SpamFilterResult.Status.FAILED,
          where.filter().program() + " did not start: " + e.getCause()));
    }
  }

  /** A start's result once it has ended, else null. */
  private static Started done(FutureTask<Started> task) {
    if (task == null || !task.isDone()) {
      return null;
    }
    try {
      return task.get();
    } catch (InterruptedException | ExecutionException | java.util.concurrent.CancellationException e) {
      return null;
    }
  }

  private static Started start(Where where) {
    SpamFilter filter = where.filter();
    boolean local = where.launcher() == LocalLauncher.INSTANCE;
    // Another launcher finds the program where it runs it (a container's PATH).
    Optional<String> program = local ? program(filter) : Optional.of(filter.program());
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
      running.start(where.launcher());
      return new Started(running, null);
    } catch (RuntimeException e) {
      return new Started(null, SpamFilterResult.notScored(filter, SpamFilterResult.Status.FAILED,
          filter.program() + " did not start" + (local ? "" : " in " + where.launcher().where()) + ": " + e.getMessage()));
    }
  }

  private static synchronized void addShutdownHook() {
    if (!hookAdded) {
      hookAdded = true;
      Runtime.getRuntime().addShutdownHook(new Thread(SpamFilters::stopAll, "mail-assert-filters-stop"));
    }
  }

  private static void stopAll() {
    for (FutureTask<Started> task : STARTED.values()) {
      try {
        // A filter still starting is waited for (a while), so that it does not outlive the JVM.
        Started started = task.get(30, TimeUnit.SECONDS);
        if (started.running() != null) {
          started.running().close();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        // this one failed to start or to close: the others must still stop
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
