package io.github.junitmailassert.internal.filter;

import io.github.junitmailassert.filter.FilterLauncher;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a filter as a process of this machine, its output in the log. Internal. */
final class LocalLauncher implements FilterLauncher {

  static final LocalLauncher INSTANCE = new LocalLauncher();

  private LocalLauncher() {}

  @Override
  public Launched launch(Launch launch) {
    try {
      return new LocalProcess(new ProcessBuilder(launch.command()).redirectErrorStream(true)
          .redirectOutput(launch.log().toFile()).start());
    } catch (IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public String where() {
    return "a process of this machine";
  }

  @Override
  public String toString() {
    return where();
  }

  /** The process and, when stopped, every process it forked (a filter's workers are its children). */
  private record LocalProcess(Process process) implements Launched {

    @Override
    public boolean isAlive() {
      return process.isAlive();
    }

    @Override
    public boolean waitForExit(Duration timeout) throws InterruptedException {
      return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
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
      return "pid " + process.pid();
    }
  }
}
