package io.github.junitmailassert.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Merges run report parts into one HTML page and one JSON file. Every JVM that runs tests with a
 * run report (each surefire fork) writes its own part into the parts directory beside the page and
 * then, holding a file lock, merges every part there into the page: the last JVM to finish leaves
 * the whole run. Parts from several CI machines (shards) copied into one directory are merged by
 * the same code, as a command:
 *
 * <pre>
 * java -cp junit-mail-assert.jar io.github.junitmailassert.report.MergeReports report.html parts-dir...
 * </pre>
 *
 * <p>It reads every {@code part-*.json} of the directories, writes {@code report.html} and
 * {@code report.json} beside it, and prints where. Exit status 0, or 1 when a part could not be
 * read (the others are merged all the same), or 2 for wrong arguments or no part at all.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class MergeReports {

  /** How a part's file name starts; its end is unique per JVM run, so that parts never collide. */
  public static final String PART_PREFIX = "part-";

  private static final String LOCK = ".lock";

  private MergeReports() {}

  /**
   * What a merge wrote.
   *
   * @param html the page
   * @param json the JSON beside it
   * @param report the merged report
   * @param unreadable each part that could not be read, with why
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record Merged(Path html, Path json, RunReport report, List<String> unreadable) {
    /**
     * Copies the list of unreadable parts.
     *
     * @param html the page
     * @param json the JSON beside it
     * @param report the merged report
     * @param unreadable each part that could not be read, with why
     */
    public Merged {
      unreadable = List.copyOf(unreadable);
    }

    /** {@return the one console line that says where the reports are} */
    public String line() {
      return "junit-mail-assert: mail report of " + report.tests().size() + " test(s) from " + report.parts()
          + " part(s) written to " + html.toAbsolutePath() + " and " + json.toAbsolutePath();
    }
  }

  /**
   * The JSON file beside {@code html}: its name with {@code .json} for {@code .html} (or added).
   *
   * @param html the HTML report's file
   * @return the JSON report's file
   */
  public static Path jsonFile(Path html) {
    String name = html.getFileName().toString();
    String base = name.replaceFirst("(?i)\\.html?$", "");
    return html.resolveSibling(base + ".json");
  }

  /**
   * The directory beside {@code html} where each JVM writes its part: {@code <name>-parts}.
   *
   * @param html the HTML report's file
   * @return the directory of the parts
   */
  public static Path partsDirectory(Path html) {
    String name = html.getFileName().toString().replaceFirst("(?i)\\.html?$", "");
    return html.resolveSibling(name + "-parts");
  }

  /**
   * Writes {@code part} as a new part file beside {@code html}, then merges every part there into
   * {@code html} and its JSON, holding the directory's lock so that forks finishing together do
   * not write over each other.
   *
   * @param html the HTML report's file
   * @param part this JVM's report
   * @return what the merge wrote
   * @throws IOException when the part or the reports cannot be written
   */
  public static Merged addPart(Path html, RunReport part) throws IOException {
    Path dir = partsDirectory(html.toAbsolutePath());
    Files.createDirectories(dir);
    String name = PART_PREFIX + ProcessHandle.current().pid() + "-" + UUID.randomUUID() + ".json";
    writeAtomically(dir.resolve(name), part.toJson());
    return merge(html.toAbsolutePath(), List.of(dir), part.written());
  }

  /**
   * Merges every {@code part-*.json} of {@code directories} into {@code html} and the JSON beside it,
   * written at {@code now}, under each directory's lock.
   *
   * @param html the HTML report's file
   * @param directories the directories of the parts
   * @param now when the merged report is written
   * @return what the merge wrote
   * @throws IOException when a directory cannot be listed or the reports cannot be written
   */
  public static Merged merge(Path html, List<Path> directories, Instant now) throws IOException {
    // The file lock keeps other JVMs out; within one JVM, FileChannel.lock would throw instead of waiting.
    synchronized (MergeReports.class) {
      List<FileChannel> channels = new ArrayList<>();
      List<FileLock> locks = new ArrayList<>();
      try {
        for (Path dir : directories) {
          FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          channels.add(channel);
          locks.add(channel.lock());
        }
        List<RunReport> parts = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path dir : directories) {
          for (Path file : partFiles(dir)) {
            try {
              parts.add(RunReport.fromJson(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException e) {
              unreadable.add(file + ": " + e.getMessage());
            }
          }
        }
        RunReport merged = RunReport.merge(parts, now);
        Path parent = html.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Path json = jsonFile(html);
        writeAtomically(json, merged.toJson());
        writeAtomically(html, merged.toHtml());
        return new Merged(html, json, merged, unreadable);
      } finally {
        for (FileLock lock : locks) {
          lock.release();
        }
        for (FileChannel channel : channels) {
          channel.close();
        }
      }
    }
  }

  private static List<Path> partFiles(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, PART_PREFIX + "*.json")) {
      stream.forEach(files::add);
    }
    files.sort(null);
    return files;
  }

  /** Readers (a browser, another fork) never see half a file: written beside it, then moved over it. */
  private static void writeAtomically(Path file, String text) throws IOException {
    Path temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    try {
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * The command: {@code MergeReports <report.html> <parts-dir>...}.
   *
   * @param args the page to write, then one or more directories holding parts
   */
  public static void main(String... args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The command's work, with its exit status instead of exiting: for tests and for callers that go on. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 2) {
      err.println("usage: java -cp junit-mail-assert.jar " + MergeReports.class.getName()
          + " <report.html> <parts-dir>...   (merges every " + PART_PREFIX + "*.json of the directories)");
      return 2;
    }
    List<Path> dirs = new ArrayList<>();
    int parts = 0;
    for (int i = 1; i < args.length; i++) {
      Path dir = Path.of(args[i]);
      if (!Files.isDirectory(dir)) {
        err.println("junit-mail-assert: not a directory: " + dir);
        return 2;
      }
      dirs.add(dir);
      try {
        parts += partFiles(dir).size();
      } catch (IOException e) {
        err.println("junit-mail-assert: cannot list " + dir + ": " + e.getMessage());
        return 2;
      }
    }
    if (parts == 0) {
      err.println("junit-mail-assert: no " + PART_PREFIX + "*.json in " + String.join(", ",
          dirs.stream().map(Path::toString).toList()));
      return 2;
    }
    try {
      Merged merged = merge(Path.of(args[0]), dirs, Instant.now());
      merged.unreadable().forEach(u -> err.println("junit-mail-assert: part skipped, " + u));
      out.println(merged.line());
      return merged.unreadable().isEmpty() ? 0 : 1;
    } catch (IOException | RuntimeException e) {
      err.println("junit-mail-assert: cannot merge the reports: " + e);
      return 2;
    }
  }
}
