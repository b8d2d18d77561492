package io.github.junitmailassert.internal.filter;

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
import java.util.concurrent.TimeUnit;

/**
 * A filter's process: started with its output in a log file, ready when it accepts connections
 * on its port, stopped with every process it forked (a filter's workers are its children). Internal.
 */
final class FilterProcess implements AutoCloseable {

  private final Process process;
  private final Path log;
  private final String name;

  private FilterProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code command} and waits until it listens on {@code port} of loopback, at most
   * {@code timeout}.
   *
   * @throws IllegalStateException when it exits or does not listen in time, with the end of its log
   */
  static FilterProcess start(String name, List<String> command, Path log, int port, Duration timeout) {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
    }
    FilterProcess started = new FilterProcess(name, process, log);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!listens(port)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String why = process.isAlive() ? "did not listen on port " + port + " within " + timeout.toSeconds() + " s"
            : "exited with status " + process.exitValue();
        started.close();
        throw new IllegalStateException(name + " " + why + ": " + started.logTail());
      }
      try {
        process.waitFor(50, TimeUnit.MILLISECONDS); // returns at once should it exit
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
    return process.isAlive();
  }

  /** The last lines the process wrote, for error messages. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops the process and all its descendants, children first, and waits (at most 5 s) for them. */
  @Override
  public void close() {
    List<ProcessHandle> tree = process.descendants().toList();
    process.destroy();
    tree.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    for (ProcessHandle child : tree) {
      if (child.isAlive()) {
        child.destroyForcibly();
      }
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
