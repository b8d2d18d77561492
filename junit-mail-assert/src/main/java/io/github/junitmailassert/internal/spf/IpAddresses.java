package io.github.junitmailassert.internal.spf;

import io.github.junitmailassert.internal.dns.IpLiterals;
import org.apiguardian.api.API;
import org.xbill.DNS.ReverseMap;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Strict parsing and the text forms of IP addresses that SPF needs. {@link InetAddress#getByName}
 * is too lenient for records ("1.2.3" is an address to it) and may query DNS for what is not a
 * literal, so records are parsed here. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class IpAddresses {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private IpAddresses() {}

  /** The 4 or 16 bytes of an address; an IPv4-mapped IPv6 address is IPv4 (RFC 7208 section 5). */
  public static byte[] bytes(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length == 16 && isMapped(b)) {
      return new byte[] {b[12], b[13], b[14], b[15]};
    }
    return b;
  }

  /** The address as SPF sees it: an IPv4-mapped IPv6 address becomes IPv4. */
  public static InetAddress normalize(InetAddress address) {
    if (address instanceof Inet6Address && isMapped(address.getAddress())) {
      return fromBytes(bytes(address));
    }
    return address;
  }

  private static boolean isMapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
  }

  public static InetAddress fromBytes(byte[] b) {
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not 4 or 16 bytes", e);
    }
  }

  /** A dotted quad without leading zeros (RFC 7208 ip4-network), or null. */
  public static byte[] parseIp4(String s) {
    return IpLiterals.ipv4Bytes(s);
  }

  /** An IPv6 address in RFC 4291 text form (with "::" and an optional dotted-quad tail), or null. */
  public static byte[] parseIp6(String s) {
    return IpLiterals.ipv6Bytes(s);
  }

  /** Whether the first {@code prefix} bits of two addresses of the same family agree. */
  public static boolean sameNetwork(byte[] a, byte[] b, int prefix) {
    if (a.length != b.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (a[i] != b[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (a[full] & mask) == (b[full] & mask);
  }

  /** The readable form (SPF's %{c}): dotted quad, or RFC 5952 compressed lower-case IPv6. */
  public static String readable(byte[] b) {
    if (b.length == 4) {
      return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 1; // a single zero group is not compressed (RFC 5952 section 4.2.2)
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }

  /** The readable form of an address. */
  public static String readable(InetAddress address) {
    return readable(bytes(address));
  }

  /**
   * SPF's %{i}: a dotted quad, or 32 dot-separated nibbles. The nibbles are upper-case as the RFC
   * 7208 test suite expects them (DNS does not care; only explanations show it).
   */
  public static String dotted(byte[] b) {
    if (b.length == 4) {
      return readable(b);
    }
    StringBuilder sb = new StringBuilder(63);
    for (int i = 0; i < 16; i++) {
      if (i > 0) {
        sb.append('.');
      }
      sb.append(Character.toUpperCase(HEX[(b[i] >> 4) & 0xf])).append('.').append(Character.toUpperCase(HEX[b[i] & 0xf]));
    }
    return sb.toString();
  }

  /** The reverse-DNS name of an address, from dnsjava's ReverseMap: {@code 25.113.0.203.in-addr.arpa}. */
  public static String reverseName(byte[] b) {
    return ReverseMap.fromAddress(b).toString(true);
  }

  public static boolean isIpv4(InetAddress address) {
    return address instanceof Inet4Address || bytes(address).length == 4;
  }
}
