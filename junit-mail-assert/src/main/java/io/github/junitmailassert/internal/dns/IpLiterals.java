package io.github.junitmailassert.internal.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The one IP literal parser: strict, and without any lookup ({@code InetAddress.getByName} asks
 * the system resolver for anything that is not a well-formed literal, such as "999.1.1.1", which a
 * toolkit that promises no network must never do). SPF's grammar (RFC 7208: dotted quads without
 * leading zeros, RFC 4291 text for IPv6) is the grammar everywhere, since a leading zero is
 * ambiguous (octal to some parsers) wherever it is written. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class IpLiterals {

  private IpLiterals() {}

  /** The address when {@code text} is an IPv4 or IPv6 literal; empty otherwise. */
  public static Optional<InetAddress> parse(String text) {
    Optional<InetAddress> v4 = parseIpv4(text);
    return v4.isPresent() ? v4 : parseIpv6(text);
  }

  /** Only an IPv4 literal. */
  public static Optional<InetAddress> parseIpv4(String text) {
    return address(ipv4Bytes(text));
  }

  /** Only an IPv6 literal. */
  public static Optional<InetAddress> parseIpv6(String text) {
    return text != null && text.indexOf(':') >= 0 ? address(ipv6Bytes(text)) : Optional.empty();
  }

  private static Optional<InetAddress> address(byte[] bytes) {
    try {
      return bytes == null ? Optional.empty() : Optional.of(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      return Optional.empty(); // only for a wrong length, which the parsers never give
    }
  }

  /** A dotted quad without leading zeros (RFC 7208 ip4-network), or null. */
  public static byte[] ipv4Bytes(String s) {
    if (s == null) {
      return null;
    }
    byte[] out = new byte[4];
    int part = 0;
    int i = 0;
    int n = s.length();
    while (part < 4) {
      int start = i;
      int value = 0;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
        value = value * 10 + (s.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
        return null;
      }
      out[part++] = (byte) value;
      if (part < 4) {
        if (i >= n || s.charAt(i) != '.') {
          return null;
        }
        i++;
      }
    }
    return i == n ? out : null;
  }

  /** An IPv6 address in RFC 4291 text form (with "::" and an optional dotted-quad tail), or null. */
  public static byte[] ipv6Bytes(String s) {
    if (s == null || s.isEmpty() || s.length() > 45) {
      return null;
    }
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    byte[] out = new byte[16];
    if (gap < 0) {
      return groups(s, out) == 16 ? out : null;
    }
    String head = s.substring(0, gap);
    String tail = s.substring(gap + 2);
    byte[] headBytes = new byte[16];
    int headLen = head.isEmpty() ? 0 : groups(head, headBytes);
    if (headLen < 0 || headLen > 14 || head.contains(".")) {
      return null;
    }
    byte[] tailBytes = new byte[16];
    int tailLen = tail.isEmpty() ? 0 : groups(tail, tailBytes);
    if (tailLen < 0 || headLen + tailLen > 14) {
      return null;
    }
    System.arraycopy(headBytes, 0, out, 0, headLen);
    System.arraycopy(tailBytes, 0, out, 16 - tailLen, tailLen);
    return out;
  }

  /** Parses colon-separated hex groups (and a final dotted quad) into out; the bytes written, or -1. */
  private static int groups(String s, byte[] out) {
    int pos = 0;
    String[] parts = s.split(":", -1);
    for (int p = 0; p < parts.length; p++) {
      String g = parts[p];
      if (p == parts.length - 1 && g.indexOf('.') >= 0) {
        byte[] v4 = ipv4Bytes(g);
        if (v4 == null || pos + 4 > out.length) {
          return -1;
        }
        System.arraycopy(v4, 0, out, pos, 4);
        pos += 4;
        continue;
      }
      if (g.isEmpty() || g.length() > 4) {
        return -1;
      }
      int v = 0;
      for (int i = 0; i < g.length(); i++) {
        int d = Character.digit(g.charAt(i), 16);
        if (d < 0) {
          return -1;
        }
        v = v * 16 + d;
      }
      if (pos + 2 > out.length) {
        return -1;
      }
      out[pos++] = (byte) (v >> 8);
      out[pos++] = (byte) v;
    }
    return pos;
  }

}
