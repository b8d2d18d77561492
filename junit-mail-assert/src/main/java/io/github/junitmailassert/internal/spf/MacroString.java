package io.github.junitmailassert.internal.spf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * An SPF macro-string (RFC 7208 section 7), parsed once: literal text and macro-expands. Syntax
 * errors are found when parsing, before anything is expanded, as section 4.6 asks. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class MacroString {

  /** The longest expansion kept; more than any DNS name or explanation needs. */
  static final int MAX_EXPANSION = 8192;

  /** Supplies the values of the macro letters during one evaluation. */
  @API(status = API.Status.INTERNAL)
  public interface Values {
    /** The value of a lower-case macro letter. */
    String value(char letter);
  }

  private sealed interface Part permits Literal, Macro {}

  private record Literal(String text) implements Part {}

  private record Macro(char letter, boolean escape, int keep, boolean reverse, String delimiters) implements Part {}

  private final String text;
  private final List<Part> parts;
  private final boolean endsWithMacro;

  private MacroString(String text, List<Part> parts, boolean endsWithMacro) {
    this.text = text;
    this.parts = parts;
    this.endsWithMacro = endsWithMacro;
  }

  /**
   * Parses a macro-string.
   *
   * @param explanation whether this is explanation text (the letters c, r and t and spaces allowed)
   * @throws SpfSyntaxException with the offset (within {@code text}) of the problem
   */
  public static MacroString parse(String text, boolean explanation) {
    List<Part> parts = new ArrayList<>(2);
    StringBuilder literal = new StringBuilder();
    int n = text.length();
    int i = 0;
    boolean endsWithMacro = false;
    while (i < n) {
      char c = text.charAt(i);
      endsWithMacro = c == '%';
      if (c != '%') {
        if (c > 0x7e || (c < 0x21 && !(explanation && c == ' '))) {
          throw new SpfSyntaxException(i, "character " + describe(c) + " is not allowed here");
        }
        literal.append(c);
        i++;
        continue;
      }
      if (i + 1 >= n) {
        throw new SpfSyntaxException(i, "'%' at the end: write \"%%\" for a percent sign");
      }
      char next = text.charAt(i + 1);
      switch (next) {
        case '%' -> {
          literal.append('%');
          i += 2;
          continue;
        }
        case '_' -> {
          literal.append(' ');
          i += 2;
          continue;
        }
        case '-' -> {
          literal.append("%20");
          i += 2;
          continue;
        }
        case '{' -> {
          // parsed below
        }
        default -> throw new SpfSyntaxException(i, "'%' must be followed by '{', '%', '_' or '-'");
      }
      int close = text.indexOf('}', i + 2);
      if (close < 0) {
        throw new SpfSyntaxException(i, "macro without its closing '}'");
      }
      if (literal.length() > 0) {
        parts.add(new Literal(literal.toString()));
        literal.setLength(0);
      }
      parts.add(macro(text, i, close, explanation));
      i = close + 1;
    }
    if (literal.length() > 0) {
      parts.add(new Literal(literal.toString()));
    }
    return new MacroString(text, List.copyOf(parts), endsWithMacro);
  }

  private static Macro macro(String text, int start, int close, boolean explanation) {
    int p = start + 2;
    if (p >= close) {
      throw new SpfSyntaxException(start, "empty macro \"%{}\"");
    }
    char raw = text.charAt(p);
    char letter = Character.toLowerCase(raw);
    if ("slodiphv".indexOf(letter) < 0) {
      if ("crt".indexOf(letter) >= 0) {
        if (!explanation) {
          throw new SpfSyntaxException(start, "macro letter '" + raw + "' is allowed only in explanation text");
        }
      } else {
        throw new SpfSyntaxException(start, "unknown macro letter '" + raw + "'");
      }
    }
    boolean escape = raw != letter;
    p++;
    int keep = 0;
    int digits = 0;
    while (p < close && Character.isDigit(text.charAt(p))) {
      keep = Math.min(1000, keep * 10 + (text.charAt(p) - '0'));
      digits++;
      p++;
    }
    if (digits > 0 && keep == 0) {
      throw new SpfSyntaxException(start, "the number of parts to keep must not be zero");
    }
    boolean reverse = false;
    if (p < close && (text.charAt(p) == 'r' || text.charAt(p) == 'R')) {
      reverse = true;
      p++;
    }
    StringBuilder delimiters = new StringBuilder();
    while (p < close) {
      char d = text.charAt(p);
      if (".-+,/_=".indexOf(d) < 0) {
        throw new SpfSyntaxException(p, "character " + describe(d) + " is not a macro delimiter");
      }
      delimiters.append(d);
      p++;
    }
    return new Macro(letter, escape, keep, reverse, delimiters.length() == 0 ? "." : delimiters.toString());
  }

  private static String describe(char c) {
    return c >= 0x21 && c <= 0x7e ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }

  /** The text as written. */
  public String text() {
    return text;
  }

  public boolean isEmpty() {
    return parts.isEmpty();
  }

  public boolean hasMacros() {
    for (Part p : parts) {
      if (p instanceof Macro) {
        return true;
      }
    }
    return false;
  }

  /** Whether a macro uses the letter (lower case), e.g. 'p' which costs DNS lookups. */
  public boolean uses(char letter) {
    for (Part p : parts) {
      if (p instanceof Macro m && m.letter() == letter) {
        return true;
      }
    }
    return false;
  }

  /**
   * RFC 7208 section 7.1 domain-end: the domain-spec ends in a macro-expand, or in "." and a
   * top label (not all digits, not starting or ending with '-') with an optional final dot.
   */
  public String domainEndProblem() {
    if (parts.isEmpty()) {
      return "empty domain";
    }
    if (endsWithMacro) {
      return null;
    }
    String last = parts.get(parts.size() - 1) instanceof Literal l ? l.text() : "";
    if (last.endsWith(".")) {
      last = last.substring(0, last.length() - 1);
    }
    int dot = last.lastIndexOf('.');
    if (dot < 0) {
      return "a domain must end with a top-level label after a dot";
    }
    String top = last.substring(dot + 1);
    if (top.isEmpty()) {
      return "empty top-level label";
    }
    boolean alpha = false;
    boolean dash = false;
    for (int i = 0; i < top.length(); i++) {
      char c = top.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        alpha = true;
      } else if (c == '-') {
        dash = true;
      } else if (c < '0' || c > '9') {
        return "top-level label \"" + top + "\" has a character other than letters, digits and '-'";
      }
    }
    if (top.charAt(0) == '-' || top.charAt(top.length() - 1) == '-') {
      return "top-level label \"" + top + "\" starts or ends with '-'";
    }
    if (!alpha && !dash) {
      return "top-level label \"" + top + "\" is all digits (an IP address belongs in ip4:)";
    }
    return null;
  }

  /** Expands the macros; the result is cut at {@link #MAX_EXPANSION} characters. */
  public String expand(Values values) {
    if (parts.size() == 1 && parts.get(0) instanceof Literal l) {
      return l.text();
    }
    StringBuilder out = new StringBuilder(64);
    for (Part part : parts) {
      if (part instanceof Literal l) {
        out.append(l.text());
      } else {
        Macro m = (Macro) part;
        String value = transform(values.value(m.letter()), m);
        out.append(m.escape() ? urlEscape(value) : value);
      }
      if (out.length() > MAX_EXPANSION) {
        out.setLength(MAX_EXPANSION);
        break;
      }
    }
    return out.toString();
  }

  private static String transform(String value, Macro m) {
    if (m.keep() == 0 && !m.reverse() && m.delimiters().equals(".")) {
      return value;
    }
    List<String> pieces = split(value, m.delimiters());
    if (m.reverse()) {
      java.util.Collections.reverse(pieces);
    }
    int from = m.keep() == 0 || m.keep() >= pieces.size() ? 0 : pieces.size() - m.keep();
    return String.join(".", pieces.subList(from, pieces.size()));
  }

  private static List<String> split(String value, String delimiters) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      if (delimiters.indexOf(value.charAt(i)) >= 0) {
        pieces.add(value.substring(start, i));
        start = i + 1;
      }
    }
    pieces.add(value.substring(start));
    return pieces;
  }

  /** RFC 3986 percent-encoding of everything but the unreserved characters, as section 7.3 asks. */
  static String urlEscape(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 16);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
