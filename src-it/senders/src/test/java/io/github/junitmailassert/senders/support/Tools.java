package io.github.junitmailassert.senders.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Finds and runs the real programs: each run has a deadline, and a program that fails or overruns
 * fails the test with its command line, exit code and output.
 */
public final class Tools {

  /** Overrides {@code PATH} for finding programs: lets a run check the skip path on a machine that has them. */
  public static final String TOOL_PATH = "it.toolPath";

  /** Long enough for a slow CI machine; a healthy run takes well under a second. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private Tools() {}

  /** The directories searched for programs: {@value #TOOL_PATH} if set and not blank, else {@code PATH}. */
  public static String searchPath() {
    String path = System.getProperty(TOOL_PATH, "");
    if (path.isBlank()) {
      path = System.getenv("PATH");
    }
    return path == null ? "" : path;
  }

  /** The program {@code name} (found in {@link #searchPath()}), or the file at an absolute path, if it is installed. */
  public static Optional<Path> find(String name) {
    if (name.startsWith("/")) {
      Path file = Path.of(name);
      return Files.isReadable(file) ? Optional.of(file) : Optional.empty();
    }
    for (String dir : searchPath().split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path file = Path.of(dir, name);
      if (Files.isRegularFile(file) && Files.isExecutable(file)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }

  /** The absolute path of an installed program; the caller is guarded by {@link RequiresTool}. */
  public static String path(String name) {
    return find(name).orElseThrow(() -> new IllegalStateException(name + " is not installed")).toString();
  }

  /** Whether this JVM runs as root (uid 0). */
  public static boolean runningAsRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** Runs {@code command} with no input; see {@link #run(byte[], List)}. */
  public static Result run(String... command) {
    return run(new byte[0], List.of(command));
  }

  /**
   * Runs {@code command} with {@code stdin}, waiting at most {@link #DEFAULT_TIMEOUT}.
   *
   * @throws AssertionError when it exits with another status than 0 or overruns, with its output
   */
  public static Result run(byte[] stdin, List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    CompletableFuture<String> out = readAsync(process.getInputStream());
    CompletableFuture<String> err = readAsync(process.getErrorStream());
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin);
    } catch (IOException e) {
      // The program may exit without reading its input; its exit status and stderr tell why.
    }
    try {
      if (!process.waitFor(DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        throw new AssertionError(describe(command, "did not finish within " + DEFAULT_TIMEOUT.toSeconds() + " s",
            out.getNow(""), err.getNow("")));
      }
      Result result = new Result(process.exitValue(), out.get(), err.get());
      if (result.exitCode() != 0) {
        throw new AssertionError(describe(command, "exited with status " + result.exitCode(), result.stdout(),
            result.stderr()));
      }
      return result;
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    } catch (ExecutionException e) {
      throw new AssertionError("cannot read the output of " + command, e);
    }
  }

  private static CompletableFuture<String> readAsync(InputStream stream) {
    CompletableFuture<String> text = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (InputStream s = stream) {
        text.complete(new String(s.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        text.completeExceptionally(e);
      }
    }, "process-output");
    reader.setDaemon(true);
    reader.start();
    return text;
  }

  private static String describe(List<String> command, String what, String stdout, String stderr) {
    List<String> lines = new ArrayList<>();
    lines.add(String.join(" ", command) + " " + what);
    lines.add("stderr:");
    lines.add(stderr.strip());
    lines.add("stdout:");
    lines.add(stdout.strip());
    return String.join(System.lineSeparator(), lines);
  }

  /** What a program printed. */
  public record Result(int exitCode, String stdout, String stderr) {}
}
