package io.github.junitmailassert.internal.dmarc;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/** Domain names as DMARC compares them: A-labels, lower case, no trailing dot. Internal. */
@API(status = API.Status.INTERNAL)
public final class DomainNames {

  private DomainNames() {}

  /**
   * The name in A-label form, lower case (RFC 9989 section 5.3.1 converts U-labels), or empty when it
   * is not a host name a DNS query could carry: labels of letters, digits, hyphens (and underscores,
   * which DNS allows), not starting or ending with a hyphen, 63 octets each, 253 in all.
   */
  public static Optional<String> normalize(String domain) {
    if (domain == null || domain.isEmpty() || domain.length() > 1024) {
      return Optional.empty();
    }
    String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    if (!isAscii(d)) {
      try {
        d = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    d = d.toLowerCase(Locale.ROOT);
    if (d.isEmpty() || d.length() > 253) {
      return Optional.empty();
    }
    int labelLength = 0;
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (c == '.') {
        if (labelLength == 0 || d.charAt(i - 1) == '-') {
          return Optional.empty();
        }
        labelLength = 0;
      } else if (c == '-' && labelLength == 0) {
        return Optional.empty();
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
        if (++labelLength > 63) {
          return Optional.empty();
        }
      } else {
        return Optional.empty();
      }
    }
    return labelLength == 0 || d.endsWith("-") ? Optional.empty() : Optional.of(d);
  }

  public static int labelCount(String domain) {
    int n = 1;
    for (int i = 0; i < domain.length(); i++) {
      if (domain.charAt(i) == '.') {
        n++;
      }
    }
    return n;
  }

  /** The last {@code labels} labels of {@code domain}. */
  public static String suffix(String domain, int labels) {
    int count = labelCount(domain);
    String d = domain;
    for (int i = count; i > labels; i--) {
      d = d.substring(d.indexOf('.') + 1);
    }
    return d;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
