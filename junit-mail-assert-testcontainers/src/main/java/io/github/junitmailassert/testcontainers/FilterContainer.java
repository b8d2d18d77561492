package io.github.junitmailassert.testcontainers;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.github.junitmailassert.filter.FilterLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * A filter's command as the entry point of a container of the image: host network, the paths
 * mounted where they are, the JVM's user, the output appended to the log. See {@link FilterContainers}.
 */
final class FilterContainer implements FilterLauncher {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern ENGINE_MESSAGE = Pattern.compile("\\{\"message\":\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final DockerImageName image;

  FilterContainer(DockerImageName image) {
    this.image = image;
  }

  @Override
  public Launched launch(Launch launch) {
    String user = owner(launch.paths().isEmpty() ? launch.log().getParent() : launch.paths().get(0));
    touch(launch.log());
    GenericContainer<?> container = new GenericContainer<>(image)
        .withNetworkMode("host")
        .withCreateContainerCmdModifier(cmd -> mountAndRun(cmd, launch, user))
        .withLogConsumer(frame -> append(launch.log(), frame))
        .withStartupTimeout(START_TIMEOUT)
        // The library waits until the filter listens on loopback, which a mapped-port strategy cannot see.
        .waitingFor(new AbstractWaitStrategy() {
          @Override
          protected void waitUntilReady() {
            // ready when running
          }
        });
    try {
      container.start();
    } catch (RuntimeException e) {
      stopQuietly(container);
      throw new IllegalStateException("the container did not start: " + engineReason(e), e);
    }
    return new Running(container);
  }

  /**
   * The command as the entry point, as {@code user}, with each path mounted where it is. The binds
   * go straight into the create command: Testcontainers' own file system binds first check that
   * mounting works by running a helper image, which must be pulled.
   */
  private static void mountAndRun(CreateContainerCmd cmd, Launch launch, String user) {
    HostConfig hostConfig = cmd.getHostConfig() == null ? HostConfig.newHostConfig() : cmd.getHostConfig();
    List<Bind> binds = new ArrayList<>(hostConfig.getBinds() == null ? List.of() : List.of(hostConfig.getBinds()));
    for (Path path : launch.paths()) {
      binds.add(new Bind(path.toString(), new Volume(path.toString())));
    }
    cmd.withHostConfig(hostConfig.withBinds(binds)).withEntrypoint(launch.command()).withUser(user);
  }

  /**
   * What the engine said, without Testcontainers' wrapping: the innermost cause's message, the
   * text of its JSON reply when it is one (such as {@code exec: "spamd": executable file not found in $PATH}).
   */
  static String engineReason(Throwable e) {
    Throwable innermost = e;
    while (innermost.getCause() != null && innermost.getCause() != innermost) {
      innermost = innermost.getCause();
    }
    String reason = String.valueOf(innermost.getMessage()).strip();
    Matcher json = ENGINE_MESSAGE.matcher(reason);
    return json.find() ? json.group(1).replace("\\\"", "\"").strip() : reason;
  }

  /** The uid:gid of the directory the library made: the JVM's user, whom the filter runs as. */
  private static String owner(Path dir) {
    try {
      return Files.getAttribute(dir, "unix:uid") + ":" + Files.getAttribute(dir, "unix:gid");
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalStateException("cannot read the owner of " + dir + " (FilterContainers needs Linux): "
          + e.getMessage(), e);
    }
  }

  private static void touch(Path log) {
    try {
      Files.write(log, new byte[0], StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + log + ": " + e.getMessage(), e);
    }
  }

  private static void append(Path log, OutputFrame frame) {
    byte[] bytes = frame.getBytes();
    if (bytes == null) {
      return; // the end of the output
    }
    try {
      Files.write(log, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // the log only explains failures; the filter runs on
    }
  }

  private static void stopQuietly(GenericContainer<?> container) {
    try {
      container.stop();
    } catch (RuntimeException e) {
      // gone already
    }
  }

  /** The started container, whose main process is the filter. */
  private record Running(GenericContainer<?> container) implements Launched {

    @Override
    public boolean isAlive() {
      return container.isRunning();
    }

    @Override
    public boolean waitForExit(Duration timeout) {
      try (WaitContainerResultCallback wait = container.getDockerClient()
          .waitContainerCmd(container.getContainerId()).exec(new WaitContainerResultCallback())) {
        wait.awaitStatusCode(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        return true;
      } catch (RuntimeException | IOException e) {
        return !container.isRunning(); // timed out waiting, or the engine cannot tell: ask again
      }
    }

    /** Stops and removes the container: every process the filter started ends with it. */
    @Override
    public void close() {
      stopQuietly(container);
    }

    @Override
    public String toString() {
      return "container " + container.getContainerId();
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FilterContainer that && where().equals(that.where());
  }

  @Override
  public int hashCode() {
    return where().hashCode();
  }

  @Override
  public String where() {
    return "a container of image " + image.asCanonicalNameString();
  }

  @Override
  public String toString() {
    return where();
  }
}
