package io.github.junitmailassert.internal.dkim;

import io.github.junitmailassert.internal.syntax.TagListParser;
import io.github.junitmailassert.internal.syntax.TagListParser.Problem;
import io.github.junitmailassert.internal.syntax.TagListParser.Tag;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A DKIM tag-list (RFC 6376 section 3.2), as used by the DKIM-Signature field and the key record, read
 * by the shared {@link TagListParser} in its DKIM dialect: tag names are case-sensitive, the first
 * syntax problem is a permerror, unknown tags are kept (callers ignore them). Offsets are kept so
 * that the {@code b=} value can be blanked without touching any other byte. The text is one char
 * per octet (ISO-8859-1), so octets above 127 pass through. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class TagList {

  private final List<Tag> tags;
  private final Map<String, Tag> byName;

  private TagList(List<Tag> tags, Map<String, Tag> byName) {
    this.tags = tags;
    this.byName = byName;
  }

  /**
   * Parses a tag-list.
   *
   * @throws DkimFailure (permerror) naming the first syntax error
   */
  public static TagList parse(String text, String what) throws DkimFailure {
    return parse(text, what, true);
  }

  /**
   * As {@link #parse(String, String)}; {@code checkControls} false when the caller has found no
   * control character but folding in the text.
   */
  static TagList parse(String text, String what, boolean checkControls) throws DkimFailure {
    return parse(text, 0, what, checkControls);
  }

  /** As {@link #parse(String, String, boolean)}, on the tag-list from {@code from} in {@code text}; offsets are in {@code text}. */
  static TagList parse(String text, int from, String what, boolean checkControls) throws DkimFailure {
    TagListParser.Result result = TagListParser.parse(text, from, TagListParser.Dialect.DKIM, checkControls);
    List<Problem> problems = result.problems();
    if (!problems.isEmpty()) {
      throw DkimFailure.permerror(reason(text, problems.get(0), what));
    }
    List<Tag> tags = result.tags();
    Map<String, Tag> byName = new HashMap<>(tags.size() * 2);
    for (Tag tag : tags) {
      byName.putIfAbsent(tag.name(), tag);
    }
    return new TagList(Collections.unmodifiableList(tags), byName);
  }

  private static String reason(String text, Problem problem, String what) {
    String invalid = what + " is not a valid tag-list: ";
    return switch (problem.kind()) {
      // A list that starts with ";" lacks its first tag name; later, ";;" is an empty tag.
      case EMPTY_TAG -> problem.segment() == 0
          ? invalid + "expected a tag name at \"" + excerpt(text, problem.start()) + "\""
          : invalid + "an empty tag between \";\"";
      case NO_NAME -> invalid + "expected a tag name at \"" + excerpt(text, problem.start()) + "\"";
      case NO_EQUALS -> invalid + "tag \"" + problem.name() + "\" has no \"=\"";
      case CONTROL_CHARACTER -> invalid + "tag \"" + problem.name() + "\" holds a control character";
      case DUPLICATE -> what + " has the tag \"" + problem.name() + "=\" twice (RFC 6376 section 3.2)";
      case EMPTY_VALUE -> invalid + "tag \"" + problem.name() + "\" has no value"; // not in the DKIM dialect
    };
  }

  public List<Tag> tags() {
    return tags;
  }

  public Optional<Tag> tag(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The value of a tag, or empty when the tag is absent. */
  public Optional<String> value(String name) {
    return tag(name).map(Tag::value);
  }

  /** The value with all folding whitespace removed, as base64 values ({@code b=}, {@code bh=}, {@code p=}) need. */
  public static String withoutWhitespace(String value) {
    int n = value.length();
    int i = 0;
    while (i < n && !isWhitespace(value.charAt(i))) {
      i++;
    }
    if (i == n) {
      return value;
    }
    char[] kept = new char[n];
    value.getChars(0, i, kept, 0);
    int k = i;
    for (; i < n; i++) {
      char c = value.charAt(i);
      if (!isWhitespace(c)) {
        kept[k++] = c;
      }
    }
    return new String(kept, 0, k);
  }

  static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static String excerpt(String text, int pos) {
    String rest = text.substring(pos, Math.min(text.length(), pos + 20));
    return rest.replace("\r", "").replace("\n", "");
  }
}
