package io.github.junitmailassert.filter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Starts a real filter's program somewhere other than this machine's {@code PATH}, such as in a
 * container of an image the user names ({@code FilterContainers.image(...)} in
 * {@code junit-mail-assert-testcontainers}). The library writes the filter's private configuration
 * and command exactly as it does for a local process, then scores through the same loopback port
 * with the same DNS front; so a launcher runs the {@linkplain Launch#command() command} where this
 * machine's loopback is the program's loopback (a container on the host's network) and where every
 * one of {@linkplain Launch#paths() the paths} is at the same place (bind mounts).
 *
 * <p>Filters are started once per JVM for each place a launcher names: launchers of the same class
 * whose {@link #where()} is the same share the filters the first one started. That is why a
 * launcher is a class with a name for its place (a container launcher names its image), not a
 * lambda: a new lambda per test would start a new filter per test.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface FilterLauncher {

  /**
   * Where this launcher runs filters, such as {@code "a container of image debian-filters:1"}:
   * launchers of one class with the same place share their filters, and failure messages name it.
   *
   * @return the place, not empty
   */
  String where();

  /**
   * Starts the program and returns once it runs; the library then waits until it listens on
   * {@link Launch#port()} of loopback.
   *
   * @param launch what to start
   * @return the running program, which the library closes when the JVM exits
   * @throws IllegalStateException when it cannot start, saying why
   */
  Launched launch(Launch launch);

  /**
   * What to start.
   *
   * @param filter the filter
   * @param command the program's name (such as {@code spamd}, found on the launcher's {@code PATH}),
   *     then its options as the library writes them for a local process
   * @param paths the directories the program reads and writes (its private configuration first),
   *     which it must see at the same place
   * @param log the file to write the program's output to (the library quotes its end when the
   *     program fails)
   * @param port the loopback TCP port the program will listen on
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record Launch(SpamFilter filter, List<String> command, List<Path> paths, Path log, int port) {

    /**
     * Checks the components and copies the lists.
     *
     * @param filter see {@link #filter()}
     * @param command see {@link #command()}, not empty
     * @param paths see {@link #paths()}
     * @param log see {@link #log()}
     * @param port see {@link #port()}
     */
    public Launch {
      Objects.requireNonNull(filter, "filter");
      command = List.copyOf(command);
      if (command.isEmpty()) {
        throw new IllegalArgumentException("a filter's command names its program");
      }
      paths = List.copyOf(paths);
      Objects.requireNonNull(log, "log");
    }
  }

  /** A started program: the library asks whether it still runs, and stops it. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  interface Launched extends AutoCloseable {

    /** {@return whether the program still runs} */
    boolean isAlive();

    /**
     * Waits until the program exits, at most {@code timeout}.
     *
     * @param timeout how long to wait at most
     * @return true when it has exited
     * @throws InterruptedException when interrupted while waiting
     */
    boolean waitForExit(Duration timeout) throws InterruptedException;

    /** Stops the program and everything it started, and waits (briefly) for that; does not throw. */
    @Override
    void close();
  }
}
