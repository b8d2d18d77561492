package io.github.junitmailassert.internal.dns;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Tokenizer;

/**
 * Zone declarations in BIND master-file syntax, read with dnsjava's {@link Master} within bounds: a
 * declaration names what it reads, so {@code $INCLUDE /dev/zero} or a loop of includes cannot exhaust
 * the JVM. Every failure, dnsjava's runtime exceptions included, is an {@link IllegalArgumentException}
 * naming the file (or record) and line. Internal.
 *
 * <ul>
 *   <li>Inline records: no {@code $INCLUDE}.
 *   <li>A zone file: a regular file; {@code $INCLUDE} only of regular files in the zone file's own
 *       directory or below it (symbolic links resolved), nested at most {@value #MAX_INCLUDE_DEPTH}
 *       deep; the file and its includes together at most {@value #MAX_BYTES} bytes (4 MiB).
 *   <li>A class path zone file: at most 4 MiB, no {@code $INCLUDE} (there is no directory to stay in).
 *   <li>Each declaration at most {@value #MAX_RECORDS} records, {@code $GENERATE} included.
 * </ul>
 */
@API(status = API.Status.INTERNAL)
public final class ZoneText {

  public static final int MAX_BYTES = 4 * 1024 * 1024;
  public static final int MAX_RECORDS = 100_000;
  public static final int MAX_INCLUDE_DEPTH = 8;

  private ZoneText() {}

  /**
   * Parses records written one per entry, each entry on its own as before (a {@code $ORIGIN} in one
   * does not reach the next).
   */
  public static void records(Name origin, long ttl, List<String> lines, Consumer<Record> sink) {
    int[] count = {0};
    for (String line : lines) {
      byte[] text = line.getBytes(StandardCharsets.UTF_8);
      String where = "DNS record \"" + line + "\"";
      try {
        if (!includes(text).isEmpty()) {
          throw new IllegalArgumentException(where + " cannot be parsed: $INCLUDE is not allowed in records, where it"
              + " could read any file; put the records in a zone file (zoneFiles) instead");
        }
      } catch (IOException e) {
        throw new IllegalArgumentException(where + " cannot be parsed: " + withoutLocation(e), e);
      }
      parse(text, origin, ttl, sink, count, (e, lineNumber) -> where + " cannot be parsed: "
          + (e instanceof IOException ? withoutLocation(e) : failure(e, text, lineNumber)));
    }
  }

  /**
   * Parses a zone file given as text, such as a class path resource, labelled {@code label} (say
   * {@code "zone file classpath:zones/a.zone"}) in messages. No {@code $INCLUDE}.
   */
  public static void text(String label, byte[] text, Name origin, long ttl, Consumer<Record> sink) {
    if (text.length > MAX_BYTES) {
      throw new IllegalArgumentException(label + " has more than " + MAX_BYTES + " bytes (4 MiB), the most a zone"
          + " file may have");
    }
    try {
      List<Include> found = includes(text);
      if (!found.isEmpty()) {
        throw new IllegalArgumentException(label + found.get(0).line()
            + ": $INCLUDE is not allowed in a class path zone file; use a zone file on disk");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(label + located(e, "<none>"), e);
    }
    parse(text, origin, ttl, sink, new int[] {0}, (e, line) -> label
        + (e instanceof IOException ? located(e, "<none>") : ":" + line + ": " + failure(e, text, line)));
  }

  /**
   * Parses a zone file on disk, following its {@code $INCLUDE}s within the bounds above.
   *
   * @return every file read: the zone file, then its includes (so that a cache can tell a change)
   */
  public static List<Path> file(Path zoneFile, Name origin, long ttl, Consumer<Record> sink) {
    String label = "zone file " + zoneFile;
    if (!Files.isReadable(zoneFile)) {
      throw new IllegalArgumentException(label + " cannot be read");
    }
    byte[] text = read(zoneFile, label, MAX_BYTES);
    List<Path> read = new ArrayList<>();
    try {
      Path real = zoneFile.toRealPath();
      read.add(real);
      checkIncludes(zoneFile, text, label, String.valueOf(zoneFile.getFileName()), real.getParent(), 1,
          new long[] {text.length}, read);
    } catch (IOException e) {
      throw new IllegalArgumentException(label + ": " + e.getMessage(), e);
    }
    if (read.size() == 1) {
      parse(text, origin, ttl, sink, new int[] {0}, (e, line) -> label
          + (e instanceof IOException ? located(e, "<none>") : ":" + line + ": " + failure(e, text, line)));
      return List.copyOf(read);
    }
    // Only dnsjava's file-based Master resolves relative includes; every one was checked above.
    String fileName = String.valueOf(zoneFile.getFileName());
    int count = 0;
    try (Master master = new Master(zoneFile.toString(), origin, ttl)) {
      for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
        if (++count > MAX_RECORDS) {
          throw new TooManyRecords();
        }
        sink.accept(r);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(label + located(e, fileName), e);
    } catch (TooManyRecords e) {
      throw new IllegalArgumentException(label + " (with its includes) cannot be parsed: " + failure(e, null, 0));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(label + " (or a file it includes) cannot be parsed: " + failure(e, null, 0), e);
    }
    return List.copyOf(read);
  }

  // ---------------------------------------------------------------- parsing

  private interface Failure {
    String describe(Exception e, int line);
  }

  private static void parse(byte[] text, Name origin, long ttl, Consumer<Record> sink, int[] count, Failure failure) {
    LineTracking in = new LineTracking(text);
    // A BufferedInputStream is used as it is: one byte at a time, so the tracker knows the line.
    try (Master master = new Master(new BufferedInputStream(in, 1), origin, ttl)) {
      master.disableIncludes(true);
      for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
        if (++count[0] > MAX_RECORDS) {
          throw new TooManyRecords();
        }
        sink.accept(r);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(failure.describe(e, in.line()), e);
    } catch (TooManyRecords e) {
      throw new IllegalArgumentException(failure.describe(e, in.line()));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(failure.describe(e, in.line()), e);
    }
  }

  /** What dnsjava threw besides a parse error, with a hint where one helps. */
  private static String failure(Exception e, byte[] text, int line) {
    if (e instanceof TooManyRecords) {
      return "more than " + MAX_RECORDS + " records, the most a declaration may have (a $GENERATE range too wide?)";
    }
    String what = e.getClass().getSimpleName(); // its message is the JDK's, about dnsjava's code, not the line
    String hint = "";
    if (text != null && lineText(text, line).strip().regionMatches(true, 0, "$GENERATE", 0, 9)) {
      hint = "; a $GENERATE range is start-stop or start-stop/step, such as 1-10";
    }
    return "dnsjava's parser failed (" + what + ")" + hint;
  }

  private static String lineText(byte[] text, int line) {
    String[] lines = new String(text, StandardCharsets.UTF_8).split("\n", -1);
    return line >= 1 && line <= lines.length ? lines[line - 1] : "";
  }

  /** dnsjava's "name:line: problem" with its name replaced: ":line: problem". */
  private static String located(Exception e, String name) {
    String message = String.valueOf(e.getMessage());
    return message.startsWith(name + ":") ? message.substring(name.length()) : ": " + message;
  }

  private static String withoutLocation(Exception e) {
    return String.valueOf(e.getMessage()).replaceFirst("^<none>:\\d+: ", "");
  }

  // ---------------------------------------------------------------- includes

  /** An {@code $INCLUDE} directive: {@code ":line"} and the file it names ("" for none). */
  private record Include(String line, String target) {}

  /** Counting past {@link #MAX_RECORDS}; becomes an IllegalArgumentException naming the place. */
  private static final class TooManyRecords extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooManyRecords() {
      super(null, null, false, false);
    }
  }

  /**
   * The {@code $INCLUDE} directives in {@code text}. A directive is a line's first token, as {@link Master}
   * reads it: dnsjava's own {@link Tokenizer} decides what a line is (parentheses, quotes, comments).
   */
  private static List<Include> includes(byte[] text) throws IOException {
    List<Include> found = new ArrayList<>();
    Tokenizer t = new Tokenizer(new ByteArrayInputStream(text));
    boolean lineStart = true;
    while (true) {
      Tokenizer.Token token = t.get(true, false);
      if (token.type() == Tokenizer.EOF) {
        return found;
      }
      if (token.type() == Tokenizer.EOL) {
        lineStart = true;
        continue;
      }
      boolean first = lineStart;
      lineStart = false;
      if (first && token.isString() && token.value().equalsIgnoreCase("$INCLUDE")) {
        Tokenizer.Token name = t.get();
        String located = t.exception("").getMessage(); // "<none>:line: "
        found.add(new Include(located.substring("<none>".length(), located.length() - 2),
            name.isString() ? name.value() : ""));
        if (name.isEOL()) {
          lineStart = true;
        }
      }
    }
  }

  /**
   * Checks, before dnsjava opens any, that every file {@code file} includes (resolved as dnsjava
   * does: relative to the including file's directory) is a regular file under {@code root}, within
   * the depth and byte bounds. Adds each to {@code read}.
   */
  private static void checkIncludes(Path file, byte[] text, String label, String name, Path root, int depth,
      long[] used, List<Path> read) throws IOException {
    List<Include> found = includes(text);
    for (Include include : found) {
      String target = include.target();
      String where = label + (depth == 1 ? "" : ": " + name) + include.line();
      if (target.isEmpty()) {
        throw new IllegalArgumentException(where + ": $INCLUDE needs a file name");
      }
      if (depth >= MAX_INCLUDE_DEPTH) {
        throw new IllegalArgumentException(where + ": $INCLUDE " + target + " nests includes more than "
            + MAX_INCLUDE_DEPTH + " deep (an include loop?)");
      }
      File parent = file.toAbsolutePath().getParent().toFile();
      File included = new File(target).isAbsolute() ? new File(target) : new File(parent, target);
      Path real;
      try {
        real = included.toPath().toRealPath();
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException(where + ": $INCLUDE " + target + ": no such file", e);
      }
      if (!real.startsWith(root)) {
        throw new IllegalArgumentException(where + ": $INCLUDE " + target + " is outside " + root
            + ": a zone file may include only files in its own directory or below it");
      }
      byte[] content = read(real, where + ": $INCLUDE " + target, MAX_BYTES - used[0]);
      used[0] += content.length;
      read.add(real);
      checkIncludes(included.toPath(), content, label, target, root, depth + 1, used, read);
    }
  }

  /** The bytes of a regular file, refusing more than {@code budget}. */
  private static byte[] read(Path file, String label, long budget) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(label + " is not a regular file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, budget + 1));
      if (bytes.length > budget) {
        throw new IllegalArgumentException(label + " is larger than a zone file and its includes may be together: "
            + MAX_BYTES + " bytes (4 MiB)");
      }
      return bytes;
    } catch (IOException e) {
      throw new IllegalArgumentException(label + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** Serves text a byte at a time and knows the line of the last byte served. */
  private static final class LineTracking extends InputStream {
    private final byte[] text;
    private int position;
    private int line = 1;

    LineTracking(byte[] text) {
      this.text = text;
    }

    @Override
    public int read() {
      if (position >= text.length) {
        return -1;
      }
      if (position > 0 && text[position - 1] == '\n') {
        line++;
      }
      return text[position++] & 0xff;
    }

    int line() {
      return line;
    }
  }
}
