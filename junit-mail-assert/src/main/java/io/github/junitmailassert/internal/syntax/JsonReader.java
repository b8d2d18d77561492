package io.github.junitmailassert.internal.syntax;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A small strict JSON reader (RFC 8259), the one of the run report's parts and of rspamd's
 * replies: objects become {@code Map}s in their order, arrays {@code List}s, whole numbers
 * {@code Long} and others {@code BigDecimal}, and {@code true}, {@code false}, {@code null}
 * themselves. Anything else is refused with the place where it stopped; nesting is bounded, so a
 * hostile text cannot exhaust the stack. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class JsonReader {

  private static final int MAX_DEPTH = 64;
  /** RFC 8259's number, compiled once: an rspamd reply has dozens, each compiling it cost more than the rest. */
  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private JsonReader() {}

  /**
   * Reads one JSON text (RFC 8259).
   *
   * @throws IllegalArgumentException where the text is not JSON, with the offset
   */
  public static Object parse(String text) {
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
      if (!NUMBER.matcher(token).matches()) {
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
