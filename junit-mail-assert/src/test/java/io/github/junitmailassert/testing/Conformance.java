package io.github.junitmailassert.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared conformance data lives: the system property {@code junit.mail.assert.conformance}
 * (the build sets it to {@code ../shared/conformance} beside the project), else that same relative
 * path. The data is never copied into the project.
 */
public final class Conformance {

  public static final String PROPERTY = "junit.mail.assert.conformance";
  /** When true (CI sets it), absent conformance data fails the tests instead of skipping them. */
  public static final String REQUIRED = "junit.mail.assert.requireConformance";

  private Conformance() {}

  /** The conformance folder, or a skip (with the reason) when it is absent on this machine. */
  public static Path folder() {
    String configured = System.getProperty(PROPERTY);
    Path folder = configured != null ? Path.of(configured) : Path.of("..", "shared", "conformance");
    String why = "conformance data not found at " + folder.toAbsolutePath().normalize()
        + ": put ../shared/conformance beside the project or set -D" + PROPERTY + "=<folder>";
    if (Boolean.getBoolean(REQUIRED) && !Files.isDirectory(folder)) {
      throw new AssertionError(why + " (" + REQUIRED + " is set, so this fails instead of skipping)");
    }
    assumeTrue(Files.isDirectory(folder), why);
    return folder;
  }

  /** A file or folder inside the conformance data, or a skip when it is absent. */
  public static Path resolve(String relative) {
    Path p = folder().resolve(relative);
    String why = "conformance data " + p.toAbsolutePath().normalize() + " is missing";
    if (Boolean.getBoolean(REQUIRED) && !Files.exists(p)) {
      throw new AssertionError(why);
    }
    assumeTrue(Files.exists(p), why);
    return p;
  }
}
