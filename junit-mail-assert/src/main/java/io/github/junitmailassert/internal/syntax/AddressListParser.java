package io.github.junitmailassert.internal.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an RFC 5322 address list (section 3.4), as found in a From field, into its mailboxes:
 * display names, quoted strings, comments (nested), angle addresses with an obsolete route, groups,
 * and the obsolete empty list elements. Encoded words stay encoded: they are atoms. Non-ASCII text
 * (RFC 6532) is accepted where atext is. Never throws; one pass over the text. Internal.
 */
public final class AddressListParser {

  /** At most this many mailboxes are read; more is hostile, not mail. */
  public static final int MAX_MAILBOXES = 1000;
  private static final int MAX_COMMENT_DEPTH = 64;

  /**
   * One mailbox.
   *
   * @param localPart the local part, CFWS removed
   * @param domain the domain as written (CFWS removed); empty when the address has none
   * @param addressLiteral the domain is an address literal such as {@code [192.0.2.1]}
   * @param displayNameOnly no address at all, only a display name (a quoted string or several words)
   */
  public record Mailbox(String localPart, String domain, boolean addressLiteral, boolean displayNameOnly) {
    public String address() {
      return domain.isEmpty() ? localPart : localPart + "@" + domain;
    }
  }

  /** The mailboxes, or why the text is not an address list (then {@code mailboxes} is empty). */
  public record Result(List<Mailbox> mailboxes, String problem) {
    public Result {
      mailboxes = List.copyOf(mailboxes);
    }

    public boolean ok() {
      return problem.isEmpty();
    }
  }

  private final String s;
  private int pos;
  private final List<Mailbox> out = new ArrayList<>();

  private AddressListParser(String s) {
    this.s = s;
  }

  public static Result parse(String text) {
    AddressListParser p = new AddressListParser(text == null ? "" : text);
    try {
      p.addressList();
      return new Result(p.out, "");
    } catch (Bad e) {
      return new Result(List.of(), e.getMessage());
    }
  }

  /** A parse failure; never leaves this class. */
  private static final class Bad extends Exception {
    Bad(String message) {
      super(message, null, false, false);
    }
  }

  private void addressList() throws Bad {
    while (true) {
      cfws();
      if (end()) {
        return;
      }
      if (peek() == ',') { // obs-addr-list: empty elements
        pos++;
        continue;
      }
      address(true);
      cfws();
      if (end()) {
        return;
      }
      char c = peek();
      if (c != ',') {
        throw new Bad("unexpected '" + shown(c) + "' at position " + pos);
      }
      pos++;
    }
  }

  private void address(boolean groupAllowed) throws Bad {
    if (out.size() >= MAX_MAILBOXES) {
      throw new Bad("more than " + MAX_MAILBOXES + " addresses");
    }
    List<String> words = new ArrayList<>();
    boolean quoted = false;
    boolean dotted = false;
    // A phrase (display name) or the local part of an addr-spec: words, dots between them allowed.
    while (true) {
      cfws();
      if (end()) {
        break;
      }
      char c = peek();
      if (c == '"') {
        words.add(quotedString());
        quoted = true;
      } else if (c == '.') {
        pos++;
        words.add(".");
        dotted = true;
      } else if (isAtext(c)) {
        words.add(atom());
      } else {
        break;
      }
    }
    cfws();
    char next = end() ? ',' : peek();
    if (next == '<') {
      pos++;
      angleAddr();
      return;
    }
    if (next == ':' && groupAllowed && !words.isEmpty()) {
      pos++;
      group();
      return;
    }
    if (next == '@' && !words.isEmpty()) {
      pos++;
      out.add(domainAfterAt(localPart(words)));
      return;
    }
    if (words.isEmpty()) {
      throw new Bad(end() ? "an address is missing" : "unexpected '" + shown(next) + "' at position " + pos);
    }
    if (next != ',' && next != ';') {
      throw new Bad("unexpected '" + shown(next) + "' at position " + pos);
    }
    // Words and no address: one atom is a local part without a domain; more is a display name alone.
    boolean nameOnly = quoted || (countWords(words) > 1 && !dotted);
    out.add(new Mailbox(localPart(words), "", false, nameOnly));
  }

  private void group() throws Bad {
    while (true) {
      cfws();
      if (end()) {
        throw new Bad("a group is not closed with ';'");
      }
      char c = peek();
      if (c == ';') {
        pos++;
        return;
      }
      if (c == ',') {
        pos++;
        continue;
      }
      address(false);
      cfws();
      if (!end() && peek() == ',') {
        pos++;
      }
    }
  }

  private void angleAddr() throws Bad {
    cfws();
    // obs-route: "@a.example,@b.example:" before the address.
    if (!end() && peek() == '@') {
      int colon = s.indexOf(':', pos);
      int close = s.indexOf('>', pos);
      if (colon < 0 || (close >= 0 && close < colon)) {
        throw new Bad("an angle address starts with '@' but has no route");
      }
      pos = colon + 1;
      cfws();
    }
    List<String> words = new ArrayList<>();
    while (true) {
      cfws();
      if (end()) {
        throw new Bad("'<' is not closed with '>'");
      }
      char c = peek();
      if (c == '"') {
        words.add(quotedString());
      } else if (c == '.') {
        pos++;
        words.add(".");
      } else if (isAtext(c)) {
        words.add(atom());
      } else {
        break;
      }
    }
    char c = peek();
    if (c == '>') {
      pos++;
      if (words.isEmpty()) {
        throw new Bad("the angle address <> is empty");
      }
      out.add(new Mailbox(localPart(words), "", false, false));
      return;
    }
    if (c != '@' || words.isEmpty()) {
      throw new Bad("unexpected '" + shown(c) + "' in an angle address at position " + pos);
    }
    pos++;
    Mailbox m = domainAfterAt(localPart(words));
    cfws();
    if (end() || peek() != '>') {
      throw new Bad("'<' is not closed with '>'");
    }
    pos++;
    out.add(m);
  }

  private Mailbox domainAfterAt(String local) throws Bad {
    cfws();
    if (end()) {
      return new Mailbox(local, "", false, false);
    }
    char c = peek();
    if (c == '[') {
      int close = s.indexOf(']', pos);
      if (close < 0) {
        throw new Bad("an address literal is not closed with ']'");
      }
      String literal = s.substring(pos, close + 1);
      pos = close + 1;
      return new Mailbox(local, literal, true, false);
    }
    StringBuilder domain = new StringBuilder();
    while (true) {
      cfws();
      if (end()) {
        break;
      }
      c = peek();
      if (isAtext(c)) {
        domain.append(atom());
      } else if (c == '.') {
        pos++;
        domain.append('.');
      } else {
        break;
      }
    }
    return new Mailbox(local, domain.toString(), false, false);
  }

  private static String localPart(List<String> words) {
    StringBuilder b = new StringBuilder();
    String previous = ".";
    for (String w : words) {
      // obs-local-part joins words with dots; a display name's words are joined with a space.
      if (!w.equals(".") && !previous.equals(".")) {
        b.append(' ');
      }
      b.append(w);
      previous = w;
    }
    return b.toString();
  }

  private static int countWords(List<String> words) {
    int n = 0;
    for (String w : words) {
      if (!w.equals(".")) {
        n++;
      }
    }
    return n;
  }

  private String atom() {
    int start = pos;
    while (!end() && isAtext(peek())) {
      pos++;
    }
    return s.substring(start, pos);
  }

  private String quotedString() throws Bad {
    int start = pos;
    pos++;
    while (!end()) {
      char c = s.charAt(pos);
      if (c == '\\') {
        pos += 2;
        continue;
      }
      pos++;
      if (c == '"') {
        return s.substring(start, pos);
      }
    }
    throw new Bad("a quoted string is not closed");
  }

  /** Skips white space and comments, which nest and may hold quoted pairs. */
  private void cfws() throws Bad {
    while (!end()) {
      char c = peek();
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        pos++;
      } else if (c == '(') {
        int depth = 0;
        do {
          char d = s.charAt(pos);
          if (d == '\\') {
            pos++;
          } else if (d == '(') {
            if (++depth > MAX_COMMENT_DEPTH) {
              throw new Bad("comments nest more than " + MAX_COMMENT_DEPTH + " deep");
            }
          } else if (d == ')') {
            depth--;
          }
          pos++;
        } while (depth > 0 && !end());
        if (depth > 0) {
          throw new Bad("a comment is not closed with ')'");
        }
      } else {
        return;
      }
    }
  }

  private static boolean isAtext(char c) {
    if (c >= 0x80) {
      return !Character.isWhitespace(c) && !Character.isISOControl(c);
    }
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
  }

  private boolean end() {
    return pos >= s.length();
  }

  private char peek() {
    return s.charAt(pos);
  }

  private static String shown(char c) {
    return c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }
}
