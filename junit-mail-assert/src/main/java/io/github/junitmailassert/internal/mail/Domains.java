package io.github.junitmailassert.internal.mail;

import java.net.IDN;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Domain names as the library compares and publishes them: the one "same domain or a subdomain of
 * it" rule of the assertions and the gate, and internationalized names (RFC 5890) in their A-label
 * form. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class Domains {

  private Domains() {}

  /**
   * Whether {@code name} is {@code domain} or below it; case, a final dot and the label form do not
   * matter ({@code ユーザー@例え.jp}'s domain is {@code xn--r8jz45g.jp}).
   */
  public static boolean isSameOrSubdomain(String name, String domain) {
    String n = normalize(name);
    String d = normalize(domain);
    return !d.isEmpty() && (n.equals(d) || n.endsWith("." + d));
  }

  /**
   * {@code name} with its U-labels converted to A-labels ({@code 例え.jp} becomes {@code xn--r8jz45g.jp}),
   * by {@link IDN#toASCII(String, int)} without flags: IDNA 2003 as the JDK has it, unassigned code
   * points refused, as for names that are published. A name of ASCII alone is returned as it is.
   *
   * @throws IllegalArgumentException when a label cannot be converted: {@code not a valid DNS name:
   *     "<name>" (not an internationalized domain name: <why>)}
   */
  public static String toAscii(String name) {
    if (isAscii(name)) {
      return name;
    }
    try {
      return IDN.toASCII(name);
    } catch (IllegalArgumentException e) {
      // IDN wraps a ParseException whose message says which label and why.
      String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      throw new IllegalArgumentException("not a valid DNS name: \"" + name + "\" (not an internationalized domain"
          + " name: " + why + ")", e);
    }
  }

  private static boolean isAscii(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static String normalize(String domain) {
    String d = domain == null ? "" : domain.strip();
    try {
      d = toAscii(d);
    } catch (IllegalArgumentException e) {
      // Not a name DNS could hold: compared as written.
    }
    d = d.toLowerCase(Locale.ROOT);
    while (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    return d;
  }
}
