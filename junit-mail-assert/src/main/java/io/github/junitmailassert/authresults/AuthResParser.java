package io.github.junitmailassert.authresults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads Authentication-Results text (RFC 8601 section 2.2). Lenient where receivers differ (white
 * space, comments anywhere), strict where the meaning would be lost. Never throws; linear. Not API.
 */
final class AuthResParser {

  private static final int MAX_LENGTH = 64 * 1024;

  private final String s;
  private int pos;

  private AuthResParser(String s) {
    this.s = s;
  }

  /** A whole field or its value. */
  static Optional<AuthenticationResults> field(String text) {
    String t = unfold(text);
    if (t.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    int colon = t.indexOf(':');
    if (colon > 0 && t.substring(0, colon).trim().equalsIgnoreCase(AuthenticationResults.FIELD_NAME)) {
      t = t.substring(colon + 1);
    }
    List<String> pieces = splitResults(t);
    AuthResParser head = new AuthResParser(pieces.get(0));
    head.cfws(null);
    String authservId = head.value();
    head.cfws(null);
    while (!head.end() && Character.isDigit(head.peek())) { // authres-version
      head.pos++;
    }
    head.cfws(null);
    if (authservId == null || authservId.isEmpty() || !head.end() || pieces.size() < 2) {
      return Optional.empty();
    }
    List<MethodResult> results = new ArrayList<>();
    for (int i = 1; i < pieces.size(); i++) {
      String piece = pieces.get(i).trim();
      if (pieces.size() == 2 && stripComments(piece).trim().equalsIgnoreCase("none")) {
        break;
      }
      Optional<MethodResult> r = resinfo(piece);
      if (r.isEmpty()) {
        return Optional.empty();
      }
      results.add(r.get());
    }
    return Optional.of(new AuthenticationResults(authservId, results));
  }

  /** Splits at the semicolons that are outside quoted strings and comments. */
  static List<String> splitResults(String text) {
    List<String> pieces = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (quoted) {
        quoted = c != '"';
      } else if (c == '"' && depth == 0) {
        quoted = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
      } else if (c == ';' && depth == 0) {
        pieces.add(text.substring(start, i));
        start = i + 1;
      }
    }
    pieces.add(text.substring(start));
    return pieces;
  }

  /** One {@code resinfo} without its leading semicolon. */
  static Optional<MethodResult> resinfo(String text) {
    if (text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    AuthResParser p = new AuthResParser(unfold(text));
    StringBuilder comment = new StringBuilder();
    p.cfws(null);
    String method = p.word("=/");
    p.cfws(null);
    if (!p.end() && p.peek() == '/') { // method-version
      p.pos++;
      p.cfws(null);
      String version = p.word("=");
      if (version.isEmpty()) {
        return Optional.empty();
      }
      method = method + "/" + version;
      p.cfws(null);
    }
    if (method.isEmpty() || !p.eat('=')) {
      return Optional.empty();
    }
    p.cfws(null);
    String result = p.word("=");
    if (result.isEmpty() || p.failed) {
      return Optional.empty();
    }
    p.cfws(comment);
    String reason = "";
    List<ResultProperty> properties = new ArrayList<>();
    while (!p.end()) {
      String name = p.word("=");
      p.cfws(null);
      if (name.isEmpty() || !p.eat('=')) {
        return Optional.empty();
      }
      p.cfws(null);
      String value = p.value();
      if (value == null) {
        return Optional.empty();
      }
      if (name.equalsIgnoreCase("reason") && properties.isEmpty()) {
        reason = value;
      } else {
        int dot = name.indexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
          return Optional.empty();
        }
        properties.add(new ResultProperty(name.substring(0, dot).toLowerCase(Locale.ROOT),
            name.substring(dot + 1), value));
      }
      p.cfws(properties.isEmpty() && reason.isEmpty() ? comment : null);
    }
    if (p.failed) {
      return Optional.empty();
    }
    return Optional.of(new MethodResult(method, result.toLowerCase(Locale.ROOT), comment.toString().trim(), reason,
        properties));
  }

  private boolean failed;

  /** A token: everything up to white space, a comment, a quote, a semicolon or one of {@code stops}. */
  private String word(String stops) {
    int start = pos;
    while (!end()) {
      char c = peek();
      if (c <= ' ' || c == '(' || c == ')' || c == '"' || c == ';' || stops.indexOf(c) >= 0) {
        break;
      }
      pos++;
    }
    return s.substring(start, pos);
  }

  /** A property value: a quoted string, or everything up to white space or a comment (may hold '=' and '@'). */
  private String value() {
    if (!end() && peek() == '"') {
      StringBuilder b = new StringBuilder();
      pos++;
      while (!end()) {
        char c = s.charAt(pos++);
        if (c == '\\' && !end()) {
          b.append(s.charAt(pos++));
        } else if (c == '"') {
          return b.toString();
        } else {
          b.append(c);
        }
      }
      return null;
    }
    String v = word("");
    return v.isEmpty() ? null : v;
  }

  /** Skips white space and comments; collects the comments' text when {@code into} is given. */
  private void cfws(StringBuilder into) {
    while (!end()) {
      char c = peek();
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        pos++;
        continue;
      }
      if (c != '(') {
        return;
      }
      int depth = 0;
      StringBuilder text = new StringBuilder();
      do {
        char d = s.charAt(pos++);
        if (d == '\\' && !end()) {
          text.append(s.charAt(pos++));
          continue;
        }
        if (d == '(') {
          depth++;
          if (depth == 1) {
            continue;
          }
        } else if (d == ')') {
          depth--;
          if (depth == 0) {
            continue;
          }
        }
        text.append(d);
      } while (depth > 0 && !end());
      if (depth > 0) {
        failed = true;
        return;
      }
      if (into != null) {
        into.append(into.length() == 0 ? "" : " ").append(text);
      }
    }
  }

  private boolean eat(char c) {
    if (!end() && peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  private static String stripComments(String text) {
    AuthResParser p = new AuthResParser(text);
    StringBuilder out = new StringBuilder();
    while (!p.end()) {
      p.cfws(null);
      if (!p.end()) {
        out.append(p.s.charAt(p.pos++));
      }
    }
    return out.toString();
  }

  private static String unfold(String text) {
    return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }

  private boolean end() {
    return pos >= s.length() || failed;
  }

  private char peek() {
    return s.charAt(pos);
  }
}
