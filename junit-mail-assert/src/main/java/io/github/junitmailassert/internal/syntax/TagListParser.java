package io.github.junitmailassert.internal.syntax;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Reads a tag-list (RFC 6376 section 3.2): {@code tag-spec *( ";" tag-spec ) [ ";" ]}, each tag-spec
 * {@code tag-name "=" tag-value}. DKIM-Signature fields, DKIM key records and DMARC records (RFC 7489
 * section 6.4, RFC 9989 section 4.7) all use it. Never throws and never stops early: every tag-spec
 * becomes a {@link Tag} or a {@link Problem}, in text order, and each caller decides what a problem
 * costs (DKIM: a permerror; DMARC: the tag is ignored, or the record is discarded). One pass over the
 * text. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class TagListParser {

  /** Where the two readers of the syntax differ; everything else is shared. */
  @API(status = API.Status.INTERNAL)
  public enum Dialect {
    /**
     * DKIM: folding white space (SP, HTAB, CR, LF) between tokens; tag names {@code ALPHA *(ALPHA /
     * DIGIT / "_")}, compared exactly; empty values allowed; a value loses leading and trailing Java
     * white space ({@link String#strip}), as the DKIM engine always read it, and must then hold no
     * control character but folding; an empty tag-spec is an error unless it ends the list.
     */
    DKIM,
    /**
     * DMARC: a TXT record has no folding, so only SP and HTAB are white space; DMARC's tag names are
     * letters only and compared ignoring case; an empty value is no tag; empty tag-specs are
     * skipped; values are not checked here (the DMARC reader wants printable ASCII, with its own words).
     */
    DMARC
  }

  /** One tag-spec of the list, read or not. */
  @API(status = API.Status.INTERNAL)
  public sealed interface Part permits Tag, Problem {
    /** The index of the tag-spec: how many {@code ;} come before it. */
    int segment();
  }

  /**
   * A tag.
   *
   * @param segment the index of its tag-spec
   * @param name the tag name as written
   * @param value the value without surrounding white space, inner folding kept
   * @param valueStart index just after the {@code =}
   * @param valueEnd index of the {@code ;} that ends the value, or the text's length
   */
  @API(status = API.Status.INTERNAL)
  public record Tag(int segment, String name, String value, int valueStart, int valueEnd) implements Part {}

  /** What is wrong with a tag-spec. */
  @API(status = API.Status.INTERNAL)
  public enum Kind {
    /** Only white space before the next {@code ;}. */
    EMPTY_TAG,
    /** The tag-spec does not start with a letter. */
    NO_NAME,
    /** A name not followed by {@code =}. */
    NO_EQUALS,
    /** {@code name=} and nothing after it (DMARC only). */
    EMPTY_VALUE,
    /** The value holds a control character (DKIM only). */
    CONTROL_CHARACTER,
    /** The name was already read in this list. */
    DUPLICATE
  }

  /**
   * A tag-spec that is not a tag.
   *
   * @param segment the index of the tag-spec
   * @param kind what is wrong
   * @param name the tag name when one was read, else empty
   * @param start index of the tag-spec's first character that is not white space
   * @param end index just after its last character that is not white space
   */
  @API(status = API.Status.INTERNAL)
  public record Problem(int segment, Kind kind, String name, int start, int end) implements Part {}

  /** Every tag-spec of {@code text} from where parsing began, in order; offsets are in {@code text}. */
  @API(status = API.Status.INTERNAL)
  public record Result(String text, List<Part> parts) {
    public Result {
      parts = List.copyOf(parts);
    }

    public List<Tag> tags() {
      List<Tag> tags = new ArrayList<>();
      for (Part p : parts) {
        if (p instanceof Tag t) {
          tags.add(t);
        }
      }
      return tags;
    }

    public List<Problem> problems() {
      List<Problem> problems = new ArrayList<>();
      for (Part p : parts) {
        if (p instanceof Problem q) {
          problems.add(q);
        }
      }
      return problems;
    }

    /** The text of a problem's tag-spec, white space around it removed. */
    public String textOf(Problem problem) {
      return text.substring(problem.start(), problem.end());
    }
  }

  private TagListParser() {}

  public static Result parse(String text, Dialect dialect) {
    return parse(text, dialect, true);
  }

  /**
   * As {@link #parse(String, Dialect)}; {@code checkControls} false skips the DKIM dialect's
   * per-value control-character check, for a caller that has scanned the whole text already.
   */
  public static Result parse(String text, Dialect dialect, boolean checkControls) {
    return parse(text, 0, dialect, checkControls);
  }

  /**
   * As {@link #parse(String, Dialect, boolean)}, on the tag-list that starts at {@code from} in
   * {@code text} (a header field's value after its name); every offset is one in {@code text}.
   */
  public static Result parse(String text, int from, Dialect dialect, boolean checkControls) {
    boolean dkim = dialect == Dialect.DKIM;
    List<Part> parts = new ArrayList<>();
    Names names = new Names();
    int len = text.length();
    int segmentStart = from;
    for (int segment = 0; segmentStart <= len; segment++) {
      int segmentEnd = text.indexOf(';', segmentStart);
      boolean last = segmentEnd < 0;
      if (last) {
        segmentEnd = len;
      }
      int start = skipSpace(text, segmentStart, segmentEnd, dialect);
      int end = segmentEnd;
      while (end > start && isSpace(text.charAt(end - 1), dialect)) {
        end--;
      }
      Part part = start == segmentEnd
          ? (last || !dkim ? null : new Problem(segment, Kind.EMPTY_TAG, "", start, end))
          : tagSpec(text, segment, start, end, segmentEnd, dialect, checkControls, names);
      if (part != null) {
        parts.add(part);
      }
      segmentStart = segmentEnd + 1;
    }
    return new Result(text, parts);
  }

  private static Part tagSpec(String text, int segment, int start, int end, int segmentEnd, Dialect dialect,
      boolean checkControls, Names names) {
    boolean dkim = dialect == Dialect.DKIM;
    if (!isAlpha(text.charAt(start))) {
      return new Problem(segment, Kind.NO_NAME, "", start, end);
    }
    int pos = start + 1;
    while (pos < segmentEnd && (isAlpha(text.charAt(pos))
        || dkim && (isDigit(text.charAt(pos)) || text.charAt(pos) == '_'))) {
      pos++;
    }
    String name = name(text, start, pos);
    pos = skipSpace(text, pos, segmentEnd, dialect);
    if (pos == segmentEnd || text.charAt(pos) != '=') {
      return new Problem(segment, Kind.NO_EQUALS, name, start, end);
    }
    int valueStart = pos + 1;
    String value;
    if (dkim) {
      int from = valueStart;
      int to = segmentEnd;
      while (from < to && Character.isWhitespace(text.charAt(from))) {
        from++;
      }
      while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
        to--;
      }
      value = text.substring(from, to); // what strip() gives, without a second copy
    } else {
      int from = skipSpace(text, valueStart, segmentEnd, dialect);
      int to = segmentEnd;
      while (to > from && isSpace(text.charAt(to - 1), dialect)) {
        to--;
      }
      value = text.substring(from, to);
      if (value.isEmpty()) {
        return new Problem(segment, Kind.EMPTY_VALUE, name, start, end);
      }
    }
    if (dkim && checkControls && hasControlCharacter(value)) {
      return new Problem(segment, Kind.CONTROL_CHARACTER, name, start, end);
    }
    if (!names.add(dkim ? name : name.toLowerCase(Locale.ROOT))) {
      return new Problem(segment, Kind.DUPLICATE, name, start, end);
    }
    return new Tag(segment, name, value, valueStart, segmentEnd);
  }

  private static final String[] ONE_LETTER = new String[128];

  static {
    for (char c = 'A'; c <= 'z'; c++) {
      ONE_LETTER[c] = isAlpha(c) ? String.valueOf(c) : null;
    }
  }

  /**
   * The name at text[start, end): a one-letter name or {@code bh} (most of a DKIM signature's tags)
   * is a shared string, any other a copy.
   */
  private static String name(String text, int start, int end) {
    char first = text.charAt(start);
    if (end - start == 1 && isAlpha(first)) {
      return ONE_LETTER[first];
    }
    if (end - start == 2 && first == 'b' && text.charAt(start + 1) == 'h') {
      return "bh";
    }
    return text.substring(start, end);
  }

  /** The names read so far; a list of a few tags is searched, a longer one hashed. */
  private static final class Names {
    private static final int SEARCHED = 16;
    private final String[] few = new String[SEARCHED];
    private int count;
    private Set<String> many;

    /** Adds {@code name}; false when it was there. */
    boolean add(String name) {
      if (many != null) {
        return many.add(name);
      }
      for (int i = 0; i < count; i++) {
        if (few[i].equals(name)) {
          return false;
        }
      }
      if (count < SEARCHED) {
        few[count++] = name;
        return true;
      }
      many = new HashSet<>(List.of(few));
      return many.add(name);
    }
  }

  private static boolean hasControlCharacter(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7f) {
        return true;
      }
    }
    return false;
  }

  private static int skipSpace(String text, int pos, int end, Dialect dialect) {
    while (pos < end && isSpace(text.charAt(pos), dialect)) {
      pos++;
    }
    return pos;
  }

  private static boolean isSpace(char c, Dialect dialect) {
    return c == ' ' || c == '\t' || dialect == Dialect.DKIM && (c == '\r' || c == '\n');
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
