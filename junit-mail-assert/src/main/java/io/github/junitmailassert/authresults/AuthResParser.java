package io.github.junitmailassert.authresults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads Authentication-Results text (RFC 8601 section 2.2). Lenient where receivers differ (white
 * space and comments anywhere, no authserv-id, stray text), and what it cannot read it skips and
 * names rather than guess at. Never throws. A cursor that moves forward, going back only to the start
 * of a property it could not read, so the work is linear in the length. Not API.
 */
final class AuthResParser {

  /** One method result and the parts of its text that were skipped. */
  record Resinfo(Optional<MethodResult> result, List<String> skipped) {}

  private final String s;
  private int pos;
  private int limit;
  private boolean unclosed;
  private long steps;

  private AuthResParser(String s) {
    this.s = s;
    this.limit = s.length();
  }

  /** A whole field or its value. */
  static Optional<AuthenticationResults> field(String text) {
    return new AuthResParser(unfold(text)).readField();
  }

  /** How many times reading the field looked at a character: its work, which tests bound. */
  static long steps(String text) {
    AuthResParser p = new AuthResParser(unfold(text));
    p.readField();
    return p.steps;
  }

  /** One {@code resinfo} without its leading semicolon. */
  static Resinfo resinfo(String text) {
    AuthResParser p = new AuthResParser(unfold(text));
    return p.readResinfo(0, p.s.length());
  }

  /** The pieces between the semicolons that are outside quoted strings and comments. */
  static List<String> splitResults(String text) {
    AuthResParser p = new AuthResParser(text);
    List<String> pieces = new ArrayList<>();
    List<int[]> bounds = p.split(0);
    for (int[] b : bounds) {
      pieces.add(text.substring(b[0], b[1]));
    }
    return pieces;
  }

  private Optional<AuthenticationResults> readField() {
    int start = 0;
    int colon = s.indexOf(':');
    if (colon > 0 && s.substring(0, colon).trim().equalsIgnoreCase(AuthenticationResults.FIELD_NAME)) {
      start = colon + 1;
    }
    List<int[]> pieces = split(start);
    List<MethodResult> results = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    String authservId = readAuthservId(pieces.get(0)[0], pieces.get(0)[1]);
    boolean none = false;
    if (authservId == null) {
      // Microsoft 365 writes no authserv-id: the field starts with a result.
      Resinfo head = readResinfo(pieces.get(0)[0], pieces.get(0)[1]);
      if (head.result().isEmpty()) {
        return Optional.empty();
      }
      authservId = "";
      results.add(head.result().get());
      skipped.addAll(head.skipped());
    } else if (pieces.size() < 2) {
      return Optional.empty();
    } else {
      none = pieces.size() == 2 && isNone(pieces.get(1)[0], pieces.get(1)[1]);
    }
    for (int i = 1; i < pieces.size() && !none; i++) {
      int[] b = pieces.get(i);
      Resinfo r = readResinfo(b[0], b[1]);
      r.result().ifPresent(results::add);
      skipped.addAll(r.skipped());
    }
    if (results.isEmpty() && !none) {
      return Optional.empty();
    }
    return Optional.of(new AuthenticationResults(authservId, results, skipped));
  }

  /** Splits at semicolons outside quoted strings and comments; an unclosed one runs to the end. */
  private List<int[]> split(int from) {
    List<int[]> pieces = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = from;
    for (int i = from; i < s.length(); i++) {
      steps++;
      char c = s.charAt(i);
      if (c == '\\' && (quoted || depth > 0)) { // quoted-pair exists only there
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
        pieces.add(new int[] {start, i});
        start = i + 1;
      }
    }
    pieces.add(new int[] {start, s.length()});
    return pieces;
  }

  /** {@code authserv-id [CFWS] [authres-version]}, or null when the piece is not that. */
  private String readAuthservId(int from, int to) {
    at(from, to);
    cfws(null);
    String id;
    if (!end() && peek() == '"') {
      id = quotedString();
    } else {
      id = word("");
      if (!isIdWord(id)) {
        id = null;
      }
    }
    cfws(null);
    while (!end() && Character.isDigit(peek())) {
      pos++;
    }
    cfws(null);
    return id != null && end() && !unclosed ? id : null;
  }

  /** RFC 8601 asks for a token; any word without "=" (which would make it a method result) is read. */
  private static boolean isIdWord(String id) {
    return !id.isEmpty() && id.indexOf('=') < 0;
  }

  private boolean isNone(int from, int to) {
    at(from, to);
    cfws(null);
    String word = word("");
    cfws(null);
    return word.equalsIgnoreCase("none") && end() && !unclosed;
  }

  /**
   * {@code methodspec [reasonspec] *propspec}. A piece whose methodspec does not read is skipped
   * whole; after it, whatever is not a property is skipped up to the next one.
   */
  private Resinfo readResinfo(int from, int to) {
    at(from, to);
    cfws(null);
    String method = word("=/");
    cfws(null);
    if (!end() && peek() == '/') { // method-version
      pos++;
      cfws(null);
      String version = word("=");
      method = version.isEmpty() ? "" : method + "/" + version;
      cfws(null);
    }
    String result = "";
    if (!method.isEmpty() && eat('=')) {
      cfws(null);
      result = word("=");
    }
    if (result.isEmpty() || unclosed) {
      String text = s.substring(from, to).trim();
      return new Resinfo(Optional.empty(), List.of(text.isEmpty() ? ";" : text));
    }
    List<String> skipped = new ArrayList<>();
    StringBuilder comment = new StringBuilder();
    Found props = new Found();
    int skipFrom = -1;
    int skipTo = -1;
    int before = pos;
    cfws(comment);
    while (true) {
      if (unclosed) { // an unclosed comment runs to the end of the piece
        skipFrom = skipFrom < 0 ? before : skipFrom;
        skipTo = limit;
        break;
      }
      if (end()) {
        break;
      }
      int item = pos;
      if (readProperty(props)) {
        if (skipFrom >= 0) {
          skipped.add(s.substring(skipFrom, skipTo).trim());
          skipFrom = -1;
        }
      } else {
        pos = item;
        unclosed = false;
        skipItem();
        skipFrom = skipFrom < 0 ? item : skipFrom;
        skipTo = pos;
      }
      before = pos;
      cfws(null);
    }
    if (skipFrom >= 0) {
      skipped.add(s.substring(skipFrom, skipTo).trim());
    }
    return new Resinfo(Optional.of(new MethodResult(method, result.toLowerCase(Locale.ROOT),
        comment.toString().trim(), props.reason, props.list)), skipped);
  }

  private static final class Found {
    String reason = "";
    final List<ResultProperty> list = new ArrayList<>();
  }

  /** {@code reasonspec} (before any property) or {@code ptype [CFWS] "." [CFWS] property [CFWS] "=" pvalue}. */
  private boolean readProperty(Found props) {
    String ptype = word(".=");
    if (ptype.isEmpty()) {
      return false;
    }
    cfws(null);
    if (ptype.equalsIgnoreCase("reason") && props.reason.isEmpty() && props.list.isEmpty() && eat('=')) {
      cfws(null);
      String v = value();
      if (v == null) {
        return false;
      }
      props.reason = v;
      return true;
    }
    if (!eat('.')) {
      return false;
    }
    cfws(null);
    String property = word("=");
    cfws(null);
    if (property.isEmpty() || !eat('=')) {
      return false;
    }
    cfws(null);
    String v = value();
    if (v == null || unclosed) {
      return false;
    }
    props.list.add(new ResultProperty(ptype.toLowerCase(Locale.ROOT), property, v));
    return true;
  }

  /** Moves past one item that is not a property: up to white space, over quoted strings and comments. */
  private void skipItem() {
    do {
      char c = peek();
      if (c == ' ' || c == '\t') {
        return;
      }
      if (c == '"') {
        quotedString();
      } else if (c == '(') {
        comment(null);
        unclosed = false;
      } else {
        pos++;
      }
    } while (!end());
  }

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
      return quotedString();
    }
    String v = word("");
    return v.isEmpty() ? null : v;
  }

  /** The quoted string at the cursor, unescaped; null when it is not closed (the cursor is then at the end). */
  private String quotedString() {
    StringBuilder b = new StringBuilder();
    pos++;
    while (!end()) {
      char c = peek();
      pos++;
      if (c == '\\' && !end()) {
        b.append(peek());
        pos++;
      } else if (c == '"') {
        return b.toString();
      } else {
        b.append(c);
      }
    }
    return null;
  }

  /** Skips white space and comments; collects the comments' text when {@code into} is given. */
  private void cfws(StringBuilder into) {
    while (!end() && !unclosed) {
      char c = peek();
      if (c == ' ' || c == '\t') {
        pos++;
      } else if (c == '(') {
        comment(into);
      } else {
        return;
      }
    }
  }

  /** The comment at the cursor, nested ones included; an unclosed one runs to the end and is marked. */
  private void comment(StringBuilder into) {
    int depth = 0;
    StringBuilder text = new StringBuilder();
    do {
      char d = peek();
      pos++;
      if (d == '\\' && !end()) {
        text.append(peek());
        pos++;
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
      unclosed = true;
    } else if (into != null) {
      into.append(into.length() == 0 ? "" : " ").append(text);
    }
  }

  private boolean eat(char c) {
    if (!end() && peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void at(int from, int to) {
    pos = from;
    limit = to;
    unclosed = false;
  }

  /** Unfolds, and makes other control characters plain spaces so that no value holds one. */
  private static String unfold(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      b.append(c < 0x20 || c == 0x7f ? ' ' : c);
    }
    return b.toString();
  }

  private boolean end() {
    return pos >= limit;
  }

  private char peek() {
    steps++;
    return s.charAt(pos);
  }
}
