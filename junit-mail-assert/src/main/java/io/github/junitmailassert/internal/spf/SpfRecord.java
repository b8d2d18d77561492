package io.github.junitmailassert.internal.spf;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One SPF record (RFC 7208 section 4.6), parsed in full before it is evaluated so that a syntax
 * error anywhere is a permerror even when an earlier mechanism would match. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class SpfRecord {

  /** The mechanisms of section 5. */
  @API(status = API.Status.INTERNAL)
  public enum Kind {
    ALL, INCLUDE, A, MX, PTR, IP4, IP6, EXISTS;

    /** Whether evaluating it queries DNS, which counts toward the limit of 10 (section 4.6.4). */
    public boolean countsAsLookup() {
      return this == INCLUDE || this == A || this == MX || this == PTR || this == EXISTS;
    }
  }

  /**
   * A directive: qualifier and mechanism.
   *
   * @param qualifier '+', '-', '~' or '?' (the default '+' made explicit)
   * @param domainSpec the target, or null for the current domain (and for all, ip4, ip6)
   * @param network the ip4 or ip6 network, else null
   * @param cidr4 the IPv4 prefix length (32 when absent)
   * @param cidr6 the IPv6 prefix length (128 when absent)
   * @param text the term as written
   * @param position the term's offset in the record
   */
  @API(status = API.Status.INTERNAL)
  public record Mechanism(
      char qualifier, Kind kind, MacroString domainSpec, byte[] network, int cidr4, int cidr6, String text, int position) {}

  /** A modifier: redirect, exp or one this engine does not know (ignored, section 6). */
  @API(status = API.Status.INTERNAL)
  public record Modifier(String name, MacroString value, String text, int position) {}

  private static final String VERSION = "v=spf1";

  private final String text;
  private final List<Mechanism> mechanisms;
  private final Modifier redirect;
  private final Modifier exp;
  private final List<Modifier> unknownModifiers;

  private SpfRecord(String text, List<Mechanism> mechanisms, Modifier redirect, Modifier exp, List<Modifier> unknown) {
    this.text = text;
    this.mechanisms = mechanisms;
    this.redirect = redirect;
    this.exp = exp;
    this.unknownModifiers = unknown;
  }

  /** Section 4.5: a record is an SPF record when it starts with "v=spf1" followed by a space or its end. */
  public static boolean isSpfRecord(String txt) {
    return txt.regionMatches(true, 0, VERSION, 0, VERSION.length())
        && (txt.length() == VERSION.length() || txt.charAt(VERSION.length()) == ' ');
  }

  /**
   * Parses a record that {@link #isSpfRecord} accepted.
   *
   * @throws SpfSyntaxException at the first syntax error, with its offset in the record
   */
  public static SpfRecord parse(String txt) {
    if (!isSpfRecord(txt)) {
      throw new SpfSyntaxException(0, "the record does not start with \"v=spf1\"");
    }
    List<Mechanism> mechanisms = new ArrayList<>();
    List<Modifier> unknown = new ArrayList<>(0);
    Modifier redirect = null;
    Modifier exp = null;
    int n = txt.length();
    int i = VERSION.length();
    while (i < n) {
      if (txt.charAt(i) == ' ') {
        i++;
        continue;
      }
      int start = i;
      while (i < n && txt.charAt(i) != ' ') {
        char c = txt.charAt(i);
        if (c < 0x21 || c > 0x7e) {
          throw new SpfSyntaxException(i, "character " + String.format("U+%04X", (int) c)
              + " is not allowed: a record is printable ASCII and its terms are separated by spaces");
        }
        i++;
      }
      String term = txt.substring(start, i);
      int eq = term.indexOf('=');
      int colon = term.indexOf(':');
      int slash = term.indexOf('/');
      boolean modifier = eq >= 0 && (colon < 0 || eq < colon) && (slash < 0 || eq < slash);
      if (modifier) {
        Modifier m = modifier(term, eq, start);
        switch (m.name().toLowerCase(java.util.Locale.ROOT)) {
          case "redirect" -> {
            if (redirect != null) {
              throw new SpfSyntaxException(start, "\"redirect\" appears more than once");
            }
            redirect = m;
          }
          case "exp" -> {
            if (exp != null) {
              throw new SpfSyntaxException(start, "\"exp\" appears more than once");
            }
            exp = m;
          }
          default -> unknown.add(m);
        }
      } else {
        mechanisms.add(mechanism(term, start));
      }
    }
    return new SpfRecord(txt, List.copyOf(mechanisms), redirect, exp, List.copyOf(unknown));
  }

  private static Modifier modifier(String term, int eq, int start) {
    String name = term.substring(0, eq);
    if (name.isEmpty()) {
      throw new SpfSyntaxException(start, "modifier without a name: \"" + term + "\"");
    }
    char first = name.charAt(0);
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
      throw new SpfSyntaxException(start, "modifier name \"" + name + "\" must start with a letter");
    }
    for (int k = 1; k < name.length(); k++) {
      char c = name.charAt(k);
      if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
        throw new SpfSyntaxException(start + k, "modifier name \"" + name + "\" has the character '" + c + "'");
      }
    }
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    String value = term.substring(eq + 1);
    MacroString parsed;
    if (lower.equals("redirect") || lower.equals("exp")) {
      parsed = domainSpec(value, start + eq + 1, lower);
    } else {
      try {
        parsed = MacroString.parse(value, true);
      } catch (SpfSyntaxException e) {
        throw e.shifted(start + eq + 1);
      }
    }
    return new Modifier(name, parsed, term, start);
  }

  private static MacroString domainSpec(String spec, int offset, String what) {
    if (spec.isEmpty()) {
      throw new SpfSyntaxException(offset, "\"" + what + "\" needs a domain");
    }
    MacroString parsed;
    try {
      parsed = MacroString.parse(spec, false);
    } catch (SpfSyntaxException e) {
      throw e.shifted(offset);
    }
    String problem = parsed.domainEndProblem();
    if (problem != null) {
      throw new SpfSyntaxException(offset, "\"" + spec + "\" is not a valid domain: " + problem);
    }
    return parsed;
  }

  private static Mechanism mechanism(String term, int start) {
    char qualifier = '+';
    int p = 0;
    char q = term.charAt(0);
    if (q == '+' || q == '-' || q == '~' || q == '?') {
      qualifier = q;
      p = 1;
    }
    int end = p;
    while (end < term.length() && term.charAt(end) != ':' && term.charAt(end) != '/') {
      end++;
    }
    String name = term.substring(p, end).toLowerCase(java.util.Locale.ROOT);
    String rest = term.substring(end);
    int restAt = start + end;
    Kind kind;
    switch (name) {
      case "all" -> kind = Kind.ALL;
      case "include" -> kind = Kind.INCLUDE;
      case "a" -> kind = Kind.A;
      case "mx" -> kind = Kind.MX;
      case "ptr" -> kind = Kind.PTR;
      case "ip4" -> kind = Kind.IP4;
      case "ip6" -> kind = Kind.IP6;
      case "exists" -> kind = Kind.EXISTS;
      default -> throw new SpfSyntaxException(start, name.isEmpty()
          ? "qualifier without a mechanism: \"" + term + "\""
          : "unknown mechanism \"" + term.substring(p, end) + "\"" + (p == 0 && end == term.length()
              ? " (a modifier needs '=')" : ""));
    }
    switch (kind) {
      case ALL -> {
        if (!rest.isEmpty()) {
          throw new SpfSyntaxException(restAt, "\"all\" takes no argument: \"" + term + "\"");
        }
        return new Mechanism(qualifier, kind, null, null, 32, 128, term, start);
      }
      case INCLUDE, EXISTS -> {
        if (!rest.startsWith(":")) {
          throw new SpfSyntaxException(restAt, "\"" + name + "\" needs \":\" and a domain");
        }
        return new Mechanism(qualifier, kind, domainSpec(rest.substring(1), restAt + 1, name), null, 32, 128, term, start);
      }
      case PTR -> {
        MacroString spec = null;
        if (!rest.isEmpty()) {
          if (!rest.startsWith(":")) {
            throw new SpfSyntaxException(restAt, "\"ptr\" takes no prefix length: \"" + term + "\"");
          }
          spec = domainSpec(rest.substring(1), restAt + 1, name);
        }
        return new Mechanism(qualifier, kind, spec, null, 32, 128, term, start);
      }
      case A, MX -> {
        int cidr6 = 128;
        int cidr4 = 32;
        int dd = trailingCidr(rest, true);
        if (dd >= 0) {
          cidr6 = cidr(rest.substring(dd + 2), 128, restAt + dd);
          rest = rest.substring(0, dd);
        }
        int d = trailingCidr(rest, false);
        if (d >= 0) {
          cidr4 = cidr(rest.substring(d + 1), 32, restAt + d);
          rest = rest.substring(0, d);
        }
        MacroString spec = null;
        if (!rest.isEmpty()) {
          if (!rest.startsWith(":")) {
            throw new SpfSyntaxException(restAt, "unexpected \"" + rest + "\" after \"" + name + "\"");
          }
          spec = domainSpec(rest.substring(1), restAt + 1, name);
        }
        return new Mechanism(qualifier, kind, spec, null, cidr4, cidr6, term, start);
      }
      case IP4, IP6 -> {
        if (!rest.startsWith(":") || rest.length() == 1) {
          throw new SpfSyntaxException(restAt, "\"" + name + "\" needs \":\" and a network");
        }
        String network = rest.substring(1);
        int max = kind == Kind.IP4 ? 32 : 128;
        int prefix = max;
        int s = network.lastIndexOf('/');
        if (s >= 0) {
          prefix = cidr(network.substring(s + 1), max, restAt + 1 + s);
          network = network.substring(0, s);
        }
        byte[] address = kind == Kind.IP4 ? IpAddresses.parseIp4(network) : IpAddresses.parseIp6(network);
        if (address == null) {
          throw new SpfSyntaxException(restAt + 1, "\"" + network + "\" is not an " + (kind == Kind.IP4 ? "IPv4" : "IPv6")
              + " address" + (kind == Kind.IP4 && network.indexOf(':') >= 0 ? " (no port belongs here)" : ""));
        }
        return new Mechanism(qualifier, kind, null, address, kind == Kind.IP4 ? prefix : 32,
            kind == Kind.IP6 ? prefix : 128, term, start);
      }
      default -> throw new IllegalStateException(kind.name());
    }
  }

  /** Index of a trailing "/digits" (or "//digits" when {@code dual}), else -1. */
  private static int trailingCidr(String s, boolean dual) {
    int i = s.length();
    while (i > 0 && Character.isDigit(s.charAt(i - 1))) {
      i--;
    }
    if (i == s.length() || i == 0 || s.charAt(i - 1) != '/') {
      return -1;
    }
    boolean isDual = i >= 2 && s.charAt(i - 2) == '/';
    if (dual) {
      return isDual ? i - 2 : -1;
    }
    return isDual ? -1 : i - 1;
  }

  private static int cidr(String digits, int max, int position) {
    if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)
        || (digits.length() > 1 && digits.charAt(0) == '0')) {
      throw new SpfSyntaxException(position, "\"/" + digits + "\" is not a prefix length");
    }
    int value = Integer.parseInt(digits);
    if (value > max) {
      throw new SpfSyntaxException(position, "prefix length /" + value + " is over " + max);
    }
    return value;
  }

  public String text() {
    return text;
  }

  public List<Mechanism> mechanisms() {
    return mechanisms;
  }

  /** The redirect modifier, or null. */
  public Modifier redirect() {
    return redirect;
  }

  /** The exp modifier, or null. */
  public Modifier exp() {
    return exp;
  }

  public List<Modifier> unknownModifiers() {
    return unknownModifiers;
  }
}
