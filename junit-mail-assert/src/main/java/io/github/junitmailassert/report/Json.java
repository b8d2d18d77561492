package io.github.junitmailassert.report;

import io.github.junitmailassert.internal.syntax.JsonReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The run report's JSON, with the JDK only: a writer with RFC 8259 string escaping, and for
 * merging parts the library's one reader ({@link JsonReader}).
 */
final class Json {

  private Json() {}

  // ---------------------------------------------------------------- writing

  /**
   * {@code text} as a JSON string: quotes, backslashes and every control character escaped, and
   * so are lone surrogates (which UTF-8 cannot carry), the two line separators that JavaScript
   * took as line ends, and the bidirectional overrides that can make a line read otherwise.
   */
  static String quote(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          boolean loneSurrogate = Character.isHighSurrogate(c)
              ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
              : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
          if (unsafe(c) || c == '\u2028' || c == '\u2029' || loneSurrogate) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /**
   * Whether {@code c} must never reach a reader as it is: a C0 or C1 control character (a forged
   * line end, a terminal escape) or a bidirectional override or isolate (text that reads otherwise).
   */
  static boolean unsafe(char c) {
    return c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 || c >= '\u202a' && c <= '\u202e'
        || c >= '\u2066' && c <= '\u2069';
  }

  /** Writes JSON with two-space indentation, one member or element a line. */
  static final class Writer {
    private final StringBuilder sb = new StringBuilder();
    private final List<Boolean> first = new ArrayList<>();
    private boolean afterName;

    Writer beginObject() {
      raw("{");
      first.add(true);
      return this;
    }

    Writer endObject() {
      return end('}');
    }

    Writer beginArray() {
      raw("[");
      first.add(true);
      return this;
    }

    Writer endArray() {
      return end(']');
    }

    Writer name(String name) {
      separate();
      sb.append(quote(name)).append(": ");
      afterName = true;
      return this;
    }

    Writer value(String text) {
      return raw(quote(text));
    }

    Writer value(long number) {
      return raw(Long.toString(number));
    }

    Writer value(boolean b) {
      return raw(Boolean.toString(b));
    }

    /** A member whose value is a string. */
    Writer member(String name, String text) {
      return name(name).value(text);
    }

    /** A member whose value is an array of strings, on one line. */
    Writer member(String name, List<String> texts) {
      name(name);
      StringBuilder line = new StringBuilder("[");
      for (int i = 0; i < texts.size(); i++) {
        line.append(i == 0 ? "" : ", ").append(quote(texts.get(i)));
      }
      return raw(line.append(']').toString());
    }

    private Writer raw(String token) {
      if (!afterName) {
        separate();
      }
      afterName = false;
      sb.append(token);
      return this;
    }

    private void separate() {
      if (first.isEmpty()) {
        return;
      }
      int last = first.size() - 1;
      sb.append(first.get(last) ? "\n" : ",\n");
      first.set(last, false);
      sb.append("  ".repeat(first.size()));
    }

    private Writer end(char close) {
      boolean empty = first.remove(first.size() - 1);
      if (!empty) {
        sb.append('\n').append("  ".repeat(first.size()));
      }
      sb.append(close);
      return this;
    }

    @Override
    public String toString() {
      return sb.toString() + "\n";
    }
  }

  // ---------------------------------------------------------------- reading

  /**
   * Reads one JSON text (RFC 8259).
   *
   * @throws IllegalArgumentException where the text is not JSON, with the offset
   */
  static Object parse(String text) {
    return JsonReader.parse(text);
  }
}
