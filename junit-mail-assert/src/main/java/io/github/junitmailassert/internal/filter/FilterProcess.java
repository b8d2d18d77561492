package io.github.junitmailassert.internal.filter;

import io.github.junitmailassert.filter.FilterLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A filter's program, started by a {@link FilterLauncher} (a local process by default) with its
 * output in a log file, ready when it accepts connections on its loopback port. Internal.
 */
final class FilterProcess implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(50);

  private final FilterLauncher.Launched launched;
  private final Path log;
  private final String name;

  private FilterProcess(String name, FilterLauncher.Launched launched, Path log) {
    this.name = name;
    this.launched = launched;
    this.log = log;
  }

  /**
   * Has {@code launcher} start {@code launch} and waits until it listens on its port of loopback,
   * at most {@code timeout}.
   *
   * @throws IllegalStateException when it cannot start, exits or does not listen in time, with the end of its log
   */
  static FilterProcess start(String name, FilterLauncher launcher, FilterLauncher.Launch launch, Duration timeout) {
    FilterLauncher.Launched launched;
    try {
      launched = launcher.launch(launch);
    } catch (RuntimeException e) {
      // A launcher may fail after the program wrote why (a container whose program exited at once).
      String tail = logTail(launch.log());
      throw new IllegalStateException("cannot start " + name + ": " + e.getMessage()
          + (tail.isEmpty() || tail.startsWith("(no log") ? "" : "; its output: " + tail), e);
    }
    FilterProcess started = new FilterProcess(name, launched, launch.log());
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!listens(launch.port())) {
      boolean alive = launched.isAlive();
      if (!alive || System.nanoTime() > deadline) {
        String why = alive ? "did not listen on port " + launch.port() + " within " + timeout.toSeconds() + " s"
            : "exited";
        started.close();
        throw new IllegalStateException(name + " " + why + ": " + started.logTail());
      }
      try {
        launched.waitForExit(POLL); // returns at once should it exit
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        started.close();
        throw new IllegalStateException("interrupted while " + name + " started", e);
      }
    }
    return started;
  }

  private static boolean listens(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A loopback TCP port that was free a moment ago (the filter binds it itself). */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port for a filter", e);
    }
  }

  boolean isAlive() {
    return launched.isAlive();
  }

  /** The last lines the process wrote, for error messages. */
  String logTail() {
    return logTail(log);
  }

  private static String logTail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops the program and everything it started. */
  @Override
  public void close() {
    launched.close();
  }

  @Override
  public String toString() {
    return name + " (" + launched + ")";
  }
}
