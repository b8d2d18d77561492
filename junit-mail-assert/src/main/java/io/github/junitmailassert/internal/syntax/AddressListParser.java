package io.github.junitmailassert.internal.syntax;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Reads an RFC 5322 address list (section 3.4), as found in a From field, into its mailboxes:
 * display names, quoted strings, comments (nested), angle addresses with an obsolete route, groups,
 * and the obsolete empty list elements. Encoded words stay encoded: they are atoms. Non-ASCII text
 * (RFC 6532) is accepted where atext is. Never throws; linear in the length of the text. Internal.
 *
 * <p>{@link #parse} is what DMARC needs: an address list or a reason. {@link #readLeniently} is
 * what leak detection needs from hostile or broken header values: the mailboxes read before the
 * first syntax error, and the domains of the addr-spec-like tokens in the text it could not read.
 */
@API(status = API.Status.INTERNAL)
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
  @API(status = API.Status.INTERNAL)
  public record Mailbox(String localPart, String domain, boolean addressLiteral, boolean displayNameOnly) {
    public String address() {
      return domain.isEmpty() ? localPart : localPart + "@" + domain;
    }
  }

  /** The mailboxes, or why the text is not an address list (then {@code mailboxes} is empty). */
  @API(status = API.Status.INTERNAL)
  public record Result(List<Mailbox> mailboxes, String problem) {
    public Result {
      mailboxes = List.copyOf(mailboxes);
    }

    public boolean ok() {
      return problem.isEmpty();
    }
  }

  /**
   * What could be read of a header value that may not be an address list.
   *
   * @param mailboxes the mailboxes before the element where the syntax error is (all of them when there is none)
   * @param skippedDomains the domain (or address literal) after each {@code @} outside quoted strings and
   *     comments in the text from that element on, as written; empty when the text is an address list
   * @param problem why the text is not an address list, or empty
   */
  @API(status = API.Status.INTERNAL)
  public record Lenient(List<Mailbox> mailboxes, List<String> skippedDomains, String problem) {
    public Lenient {
      mailboxes = List.copyOf(mailboxes);
      skippedDomains = List.copyOf(skippedDomains);
    }

    /** The domains of the mailboxes that have one, then the skipped domains: text order. */
    public List<String> domains() {
      List<String> domains = new ArrayList<>();
      for (Mailbox m : mailboxes) {
        if (!m.domain().isEmpty()) {
          domains.add(m.domain());
        }
      }
      domains.addAll(skippedDomains);
      return domains;
    }
  }

  // Bounds of a skipped token, as the old scanner had them: a hostile value cannot make one long.
  private static final int MAX_SKIPPED_DOMAIN = 255;
  private static final int MAX_SKIPPED_LITERAL = 64;

  private final String s;
  private int pos;
  private final List<Mailbox> out = new ArrayList<>();
  // Start of the list element being read and the mailboxes before it: where recovery resumes.
  private int elementStart;
  private int mailboxesBefore;
  private String problem = "";

  private AddressListParser(String s) {
    this.s = s;
  }

  public static Result parse(String text) {
    AddressListParser p = read(text);
    return p.problem.isEmpty() ? new Result(p.out, "") : new Result(List.of(), p.problem);
  }

  /**
   * Reads as much of the value as is an address list; from the element that is not, takes the domain
   * after every {@code @} outside quoted strings and comments (an unclosed one runs to the end). Still one
   * strict pass and one lenient pass: linear.
   */
  public static Lenient readLeniently(String text) {
    AddressListParser p = read(text);
    if (p.problem.isEmpty()) {
      return new Lenient(p.out, List.of(), "");
    }
    return new Lenient(p.out.subList(0, p.mailboxesBefore),
        addrSpecLikeDomains(withoutQuotesAndComments(p.s, p.elementStart)), p.problem);
  }

  private static AddressListParser read(String text) {
    AddressListParser p = new AddressListParser(text == null ? "" : text);
    try {
      p.addressList();
    } catch (Bad e) {
      p.problem = e.getMessage();
    }
    return p;
  }

  private void elementStarts() {
    elementStart = pos;
    mailboxesBefore = out.size();
  }

  /** A parse failure; never leaves this class. */
  private static final class Bad extends Exception {
    Bad(String message) {
      super(message, null, false, false);
    }
  }

  private void addressList() throws Bad {
    while (true) {
      elementStarts();
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
      elementStarts();
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
      } else if (!end() && peek() != ';') {
        throw new Bad("unexpected '" + shown(peek()) + "' at position " + pos);
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
      for (int i = pos + 1; i < close; i++) {
        if (s.charAt(i) == '[') { // dtext excludes '[': no literal, and recovery reads what follows
          throw new Bad("an address literal holds '[' at position " + i);
        }
      }
      String literal = s.substring(pos, close + 1);
      pos = close + 1;
      return new Mailbox(local, literal, true, false);
    }
    StringBuilder domain = new StringBuilder();
    boolean afterDot = true;
    while (true) {
      cfws();
      if (end()) {
        break;
      }
      c = peek();
      if (isAtext(c) && afterDot) { // obs-domain: CFWS around the dots, but atoms are joined by dots only
        domain.append(atom());
        afterDot = false;
      } else if (c == '.') {
        pos++;
        domain.append('.');
        afterDot = true;
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

  /** The text from {@code from} on with quoted strings and comments taken out, as the lenient pass sees it. */
  private static String withoutQuotesAndComments(String value, int from) {
    StringBuilder sb = new StringBuilder(value.length() - from);
    boolean quoted = false;
    int comment = 0; // a counter, not a stack: any depth costs nothing
    for (int i = from; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length() && (quoted || comment > 0)) {
        i++;
      } else if (quoted) {
        quoted = c != '"';
      } else if (c == '"' && comment == 0) {
        quoted = true;
      } else if (c == '(') {
        comment++;
      } else if (c == ')' && comment > 0) {
        comment--;
      } else if (comment == 0) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * After each {@code @}: an address literal of 1 to 64 characters in brackets, else up to 255 characters
   * that cannot end a domain in any header (white space, brackets, quotes, separators, another {@code @}).
   * Each attempt looks at most 65 characters ahead: linear.
   */
  private static List<String> addrSpecLikeDomains(String visible) {
    List<String> domains = new ArrayList<>();
    int n = visible.length();
    int at = visible.indexOf('@');
    while (at >= 0) {
      int start = at + 1;
      int end = start;
      if (start < n && visible.charAt(start) == '[') {
        end++;
        while (end < n && end - start - 1 < MAX_SKIPPED_LITERAL && isLiteralChar(visible.charAt(end))) {
          end++;
        }
        if (end > start + 1 && end < n && visible.charAt(end) == ']') {
          domains.add(visible.substring(start, end + 1));
          at = visible.indexOf('@', end + 1);
        } else {
          at = visible.indexOf('@', start); // not a literal: the next '@' may still start a domain
        }
        continue;
      }
      while (end < n && end - start < MAX_SKIPPED_DOMAIN && isSkippedDomainChar(visible.charAt(end))) {
        end++;
      }
      if (end > start) {
        domains.add(visible.substring(start, end));
      }
      at = visible.indexOf('@', end);
    }
    return domains;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
  }

  private static boolean isLiteralChar(char c) {
    return !isSpace(c) && c != '[' && c != ']';
  }

  private static boolean isSkippedDomainChar(char c) {
    return !isSpace(c) && "<>(),;:\"@[]".indexOf(c) < 0;
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
