package io.github.junitmailassert.internal.filter;

import io.github.junitmailassert.filter.FilterLauncher;
import io.github.junitmailassert.filter.SpamFilter;
import io.github.junitmailassert.filter.SpamFilterResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A started filter: its process, its private configuration directory and its DNS front, and the
 * gate that lets it score one zone's mails at a time. Internal.
 */
abstract class RunningFilter implements AutoCloseable {

  final SpamFilter filter;
  final Path dir;
  final ZoneGate gate = new ZoneGate();
  final DnsFront dns;
  private final List<Path> paths = new ArrayList<>();
  private FilterLauncher launcher = LocalLauncher.INSTANCE;
  private FilterProcess process;
  private Duration startTime = Duration.ZERO;

  RunningFilter(SpamFilter filter) {
    this.filter = filter;
    try {
      this.dir = Files.createTempDirectory("junit-mail-assert-" + filter.program() + "-");
      readableByAll(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a configuration directory for " + filter.program(), e);
    }
    this.dns = new DnsFront(gate);
    paths.add(dir);
  }

  /** Writes the configuration, has {@code launcher} start the program, and waits until it listens. */
  final void start(FilterLauncher launcher) {
    this.launcher = launcher;
    long began = System.nanoTime();
    try {
      process = launch();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    startTime = Duration.ofNanos(System.nanoTime() - began);
  }

  /** Writes the private configuration and starts the process (with {@link #startProgram}). */
  abstract FilterProcess launch();

  /** Starts {@code command} with the launcher, and waits until it listens on {@code port} of loopback. */
  final FilterProcess startProgram(String name, List<String> command, Path log, int port, Duration timeout) {
    return FilterProcess.start(name, launcher, new FilterLauncher.Launch(filter, command, paths, log, port), timeout);
  }

  /** Where the program runs, as its launcher names it. */
  final String place() {
    return launcher.where();
  }

  /** Whether the program is this machine's own (its files can be read here), not another launcher's. */
  final boolean runsLocally() {
    return launcher == LocalLauncher.INSTANCE;
  }

  /** {@code path}, which the program reads or writes outside its configuration directory, wherever it runs. */
  final Path shared(Path path) {
    paths.add(path);
    return path;
  }

  /** Scores one mail; the caller holds the gate for its zone. */
  abstract SpamFilterResult scoreInGate(FilterRequest request) throws IOException;

  /** Scores {@code request} with the filter's DNS answering from the request's zone. */
  final SpamFilterResult score(FilterRequest request) {
    try {
      gate.enter(request.dns());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SpamFilterResult.notScored(filter, SpamFilterResult.Status.FAILED, "interrupted while waiting to score");
    }
    try {
      return scoreInGate(request);
    } catch (IOException | RuntimeException e) {
      String state = process != null && process.isAlive() ? "" : " (" + filter.program() + " has exited: "
          + (process == null ? "never started" : process.logTail()) + ")";
      return SpamFilterResult.notScored(filter, SpamFilterResult.Status.FAILED,
          filter.program() + " did not score the mail: " + e.getMessage() + state);
    } finally {
      gate.leave();
    }
  }

  Duration startTime() {
    return startTime;
  }

  /** Writes {@code text} to {@code file} under the configuration directory, readable by the filter's user. */
  Path write(String file, String text) {
    Path path = dir.resolve(file);
    try {
      Files.createDirectories(path.getParent());
      readableByAll(path.getParent());
      Files.writeString(path, text, StandardCharsets.UTF_8);
      readableByAll(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
    return path;
  }

  /** A directory under the configuration directory that the filter's user may write. */
  Path writableDir(String name) {
    Path path = dir.resolve(name);
    try {
      Files.createDirectories(path);
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxrwxrwx"));
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalStateException("cannot make " + path + ": " + e.getMessage(), e);
    }
    return path;
  }

  // spamd started as root drops to nobody, which must read the private configuration.
  private static void readableByAll(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
          Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the filters run on Linux only
    }
  }

  @Override
  public void close() {
    try {
      if (process != null) {
        process.close();
      }
    } finally {
      dns.close();
      // -Djunit.mail.assert.keepFilterFiles=true keeps the configuration and the filter's log, to debug it.
      if (!Boolean.getBoolean("junit.mail.assert.keepFilterFiles")) {
        deleteTree(dir);
      }
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory: left for the system to clean
    }
  }
}
