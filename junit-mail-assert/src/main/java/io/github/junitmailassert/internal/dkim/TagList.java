package io.github.junitmailassert.internal.dkim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A DKIM tag-list (RFC 6376 section 3.2), as used by the DKIM-Signature field and the key record.
 * Tag names are case-sensitive, a duplicate tag is an error, unknown tags are kept (callers ignore
 * them). Offsets are kept so that the {@code b=} value can be blanked without touching any other
 * byte. The text is one char per octet (ISO-8859-1), so octets above 127 pass through. Internal.
 */
public final class TagList {

  /**
   * One tag.
   *
   * @param name the tag name
   * @param value the value, surrounding whitespace removed, inner folding kept
   * @param valueStart index just after the {@code =}
   * @param valueEnd index of the {@code ;} that ends the value, or the text's length
   */
  public record Tag(String name, String value, int valueStart, int valueEnd) {}

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
    List<Tag> tags = new ArrayList<>();
    Map<String, Tag> byName = new HashMap<>();
    int len = text.length();
    int pos = 0;
    while (true) {
      pos = skipWhitespace(text, pos);
      if (pos == len) {
        break; // empty list, or a trailing ";"
      }
      int nameStart = pos;
      if (!isAlpha(text.charAt(pos))) {
        throw DkimFailure.permerror(what + " is not a valid tag-list: expected a tag name at \""
            + excerpt(text, pos) + "\"");
      }
      while (pos < len && (isAlpha(text.charAt(pos)) || isDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
      String name = text.substring(nameStart, pos);
      pos = skipWhitespace(text, pos);
      if (pos == len || text.charAt(pos) != '=') {
        throw DkimFailure.permerror(what + " is not a valid tag-list: tag \"" + name + "\" has no \"=\"");
      }
      pos++;
      int valueStart = pos;
      int valueEnd = text.indexOf(';', pos);
      if (valueEnd < 0) {
        valueEnd = len;
      }
      String value = text.substring(valueStart, valueEnd).strip();
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7f) {
          throw DkimFailure.permerror(what + " is not a valid tag-list: tag \"" + name
              + "\" holds a control character");
        }
      }
      Tag tag = new Tag(name, value, valueStart, valueEnd);
      if (byName.putIfAbsent(name, tag) != null) {
        throw DkimFailure.permerror(what + " has the tag \"" + name + "=\" twice (RFC 6376 section 3.2)");
      }
      tags.add(tag);
      if (valueEnd == len) {
        break;
      }
      pos = valueEnd + 1;
      if (skipWhitespace(text, pos) < len && text.charAt(skipWhitespace(text, pos)) == ';') {
        throw DkimFailure.permerror(what + " is not a valid tag-list: an empty tag between \";\"");
      }
    }
    return new TagList(Collections.unmodifiableList(tags), byName);
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

  private static int skipWhitespace(String text, int pos) {
    while (pos < text.length() && isWhitespace(text.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String excerpt(String text, int pos) {
    String rest = text.substring(pos, Math.min(text.length(), pos + 20));
    return rest.replace("\r", "").replace("\n", "");
  }
}
