package io.github.junitmailassert.internal.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.xbill.DNS.Address;

/**
 * IP address literals parsed strictly and without any lookup: {@code InetAddress.getByName} asks
 * the system resolver for anything that is not a well-formed literal ("999.1.1.1"), which a test
 * toolkit that promises no network must never do. Internal.
 */
public final class IpLiterals {

  private IpLiterals() {}

  /** The address when {@code text} is an IPv4 or IPv6 literal; empty otherwise. */
  public static Optional<InetAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      if (Address.isDottedQuad(text)) {
        return Optional.of(Address.getByAddress(text, Address.IPv4));
      }
      return text.indexOf(':') >= 0 ? Optional.of(Address.getByAddress(text, Address.IPv6)) : Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** Only an IPv4 literal. */
  public static Optional<InetAddress> parseIpv4(String text) {
    return text != null && Address.isDottedQuad(text) ? parse(text) : Optional.empty();
  }

  /** Only an IPv6 literal. */
  public static Optional<InetAddress> parseIpv6(String text) {
    return text != null && text.indexOf(':') >= 0 ? parse(text) : Optional.empty();
  }
}
