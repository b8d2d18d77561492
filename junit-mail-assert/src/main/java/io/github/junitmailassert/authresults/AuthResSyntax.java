package io.github.junitmailassert.authresults;

/**
 * How Authentication-Results writes text (RFC 8601 section 2.2): the one rule for every value this
 * package writes. Not API.
 */
final class AuthResSyntax {

  private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";
  private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

  private AuthResSyntax() {}

  /** A MIME token (RFC 2045 section 5.1): printable ASCII without space and tspecials. */
  static boolean isToken(String v) {
    if (v.isEmpty()) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c <= ' ' || c >= 0x7f || TSPECIALS.indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * What RFC 8601 allows bare in a pvalue besides a token: {@code [[local-part] "@"] domain-name}, with
   * a dot-atom local part and a domain name of at least two labels (RFC 6376 section 3.5).
   */
  static boolean isAddressOrDomain(String v) {
    int at = v.lastIndexOf('@');
    if (at < 0) {
      return isDomainName(v);
    }
    return (at == 0 || isDotAtom(v.substring(0, at))) && isDomainName(v.substring(at + 1));
  }

  /** A value: a token bare, anything else quoted (authserv-id, reason). */
  static String value(String v) {
    return isToken(v) ? v : quoted(v);
  }

  /** A property value: a token, address or domain name bare, anything else quoted. */
  static String pvalue(String v) {
    return isToken(v) || isAddressOrDomain(v) ? v : quoted(v);
  }

  /**
   * A quoted-string (RFC 5322 section 3.2.4): backslash and quote escaped; control characters, which
   * would end or break the header line, become "?".
   */
  static String quoted(String v) {
    StringBuilder b = new StringBuilder(v.length() + 2).append('"');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\');
      }
      b.append(isControl(c) ? '?' : c);
    }
    return b.append('"').toString();
  }

  /** The inside of a comment: parentheses and backslash escaped, control characters as "?". */
  static String commentText(String v) {
    StringBuilder b = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '(' || c == ')' || c == '\\') {
        b.append('\\');
      }
      b.append(isControl(c) ? '?' : c);
    }
    return b.toString();
  }

  private static boolean isControl(char c) {
    return c < 0x20 || c == 0x7f;
  }

  private static boolean isDomainName(String v) {
    int labels = 0;
    int start = 0;
    while (start <= v.length()) {
      int dot = v.indexOf('.', start);
      int end = dot < 0 ? v.length() : dot;
      if (!isLabel(v, start, end)) {
        return false;
      }
      labels++;
      if (dot < 0) {
        break;
      }
      start = dot + 1;
    }
    return labels >= 2;
  }

  /** {@code let-dig [ldh-str]}: letters, digits and inner hyphens. */
  private static boolean isLabel(String v, int start, int end) {
    if (end <= start || v.charAt(start) == '-' || v.charAt(end - 1) == '-') {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = v.charAt(i);
      if (!(isAsciiLetterOrDigit(c) || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDotAtom(String v) {
    if (v.isEmpty() || v.startsWith(".") || v.endsWith(".") || v.contains("..")) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(isAsciiLetterOrDigit(c) || c == '.' || ATEXT_SPECIALS.indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
