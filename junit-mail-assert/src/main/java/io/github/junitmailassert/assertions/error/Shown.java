package io.github.junitmailassert.assertions.error;

import java.util.List;

/** How the content failures show what a mail holds. */
final class Shown {

  /** Bodies are shown up to this many characters. */
  static final int BODY = 1000;

  private Shown() {}

  /** {@code "a", "b"}. */
  static String quoted(List<String> values) {
    StringBuilder sb = new StringBuilder();
    for (String v : values) {
      sb.append(sb.length() == 0 ? "" : ", ").append('"').append(v).append('"');
    }
    return sb.toString();
  }

  /** {@code [a, b]} from each value's {@code toString()}. */
  static String listed(List<?> values) {
    StringBuilder sb = new StringBuilder("[");
    for (Object v : values) {
      sb.append(sb.length() == 1 ? "" : ", ").append(v);
    }
    return sb.append(']').toString();
  }

  /** A body in quotes, at most {@value #BODY} characters of it. */
  static String body(String body) {
    if (body.length() <= BODY) {
      return "\"" + body + "\"";
    }
    return "\"" + body.substring(0, BODY) + "\"... (" + body.length() + " characters in all)";
  }

  /** Lines, each indented by two spaces, joined with the platform's line end. */
  static String indented(List<String> lines) {
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      sb.append(sb.length() == 0 ? "" : System.lineSeparator()).append("  ").append(line);
    }
    return sb.toString();
  }
}
