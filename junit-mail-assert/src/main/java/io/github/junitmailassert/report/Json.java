package io.github.junitmailassert.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run report's JSON, with the JDK only: a writer with RFC 8259 string escaping and a small
 * reader for merging parts. The reader gives maps, lists, strings, numbers, booleans and null,
 * and refuses anything else with the place where it stopped.
 */
final class Json {

  /** Deeper nesting than any run report has; a hostile file cannot exhaust the stack. */
  private static final int MAX_DEPTH = 64;

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
    Reader reader = new Reader(text);
    reader.space();
    Object value = reader.value(0);
    reader.space();
    if (reader.pos != text.length()) {
      throw reader.error("text after the JSON value");
    }
    return value;
  }

  private static final class Reader {
    private final String s;
    private int pos;

    Reader(String s) {
      this.s = s;
    }

    Object value(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("nested deeper than " + MAX_DEPTH);
      }
      if (pos >= s.length()) {
        throw error("the text ends where a value should be");
      }
      char c = s.charAt(pos);
      return switch (c) {
        case '{' -> object(depth);
        case '[' -> array(depth);
        case '"' -> string();
        case 't' -> literal("true", Boolean.TRUE);
        case 'f' -> literal("false", Boolean.FALSE);
        case 'n' -> literal("null", null);
        default -> {
          if (c == '-' || c >= '0' && c <= '9') {
            yield number();
          }
          throw error("unexpected character '" + c + "'");
        }
      };
    }

    private Map<String, Object> object(int depth) {
      pos++;
      Map<String, Object> map = new LinkedHashMap<>();
      space();
      if (peek('}')) {
        pos++;
        return map;
      }
      while (true) {
        space();
        if (!peek('"')) {
          throw error("a member name (a string) expected");
        }
        String name = string();
        space();
        expect(':');
        space();
        map.put(name, value(depth + 1));
        space();
        if (peek(',')) {
          pos++;
          continue;
        }
        expect('}');
        return map;
      }
    }

    private List<Object> array(int depth) {
      pos++;
      List<Object> list = new ArrayList<>();
      space();
      if (peek(']')) {
        pos++;
        return list;
      }
      while (true) {
        space();
        list.add(value(depth + 1));
        space();
        if (peek(',')) {
          pos++;
          continue;
        }
        expect(']');
        return list;
      }
    }

    private String string() {
      pos++;
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (pos >= s.length()) {
          throw error("the text ends inside a string");
        }
        char c = s.charAt(pos++);
        if (c == '"') {
          return sb.toString();
        }
        if (c < 0x20) {
          throw error("a control character inside a string");
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        if (pos >= s.length()) {
          throw error("the text ends inside an escape");
        }
        char e = s.charAt(pos++);
        switch (e) {
          case '"', '\\', '/' -> sb.append(e);
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'u' -> {
            if (pos + 4 > s.length()) {
              throw error("a \\u escape needs four hex digits");
            }
            try {
              sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            } catch (NumberFormatException ex) {
              throw error("a \\u escape needs four hex digits");
            }
            pos += 4;
          }
          default -> throw error("unknown escape \\" + e);
        }
      }
    }

    private Object number() {
      int start = pos;
      while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
      String token = s.substring(start, pos);
      if (!token.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
        pos = start;
        throw error("not a number: " + token);
      }
      BigDecimal number = new BigDecimal(token);
      try {
        return number.longValueExact();
      } catch (ArithmeticException notWhole) {
        return number;
      }
    }

    private Object literal(String word, Object value) {
      if (!s.startsWith(word, pos)) {
        throw error("unexpected character '" + s.charAt(pos) + "'");
      }
      pos += word.length();
      return value;
    }

    void space() {
      while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
    }

    private boolean peek(char c) {
      return pos < s.length() && s.charAt(pos) == c;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw error("'" + c + "' expected");
      }
      pos++;
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException("not JSON at offset " + pos + ": " + what);
    }
  }
}
