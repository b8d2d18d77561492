package io.github.junitmailassert.internal.spf;

import io.github.junitmailassert.internal.mail.Domains;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;
import org.xbill.DNS.Name;

/**
 * Domain names as SPF handles them: any byte may appear in a label (macro expansions put ':' and
 * '%' there), so names are built from their labels rather than parsed with dnsjava's escapes.
 * Internal.
 */
@API(status = API.Status.INTERNAL)
public final class DomainNames {

  private DomainNames() {}

  /**
   * The DNS name for a domain given as text, or null when no query could be composed from it (an
   * empty label, a label over 63 bytes, over 255 bytes in all). A trailing dot is ignored.
   */
  public static Name toName(String domain) {
    String d = stripTrailingDot(domain);
    if (d.isEmpty()) {
      return null;
    }
    byte[] text = d.getBytes(StandardCharsets.UTF_8);
    if (text.length > 253) {
      return null;
    }
    byte[] wire = new byte[text.length + 2];
    int out = 0;
    int start = 0;
    for (int i = 0; i <= text.length; i++) {
      if (i == text.length || text[i] == '.') {
        int len = i - start;
        if (len == 0 || len > 63) {
          return null;
        }
        wire[out++] = (byte) len;
        System.arraycopy(text, start, wire, out, len);
        out += len;
        start = i + 1;
      }
    }
    wire[out] = 0;
    try {
      return new Name(wire);
    } catch (IOException e) {
      return null;
    }
  }

  /** The text of a name, without escapes or the trailing dot. */
  public static String text(Name name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.labels(); i++) {
      byte[] label = name.getLabel(i);
      if (label[0] == 0) {
        break;
      }
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(new String(label, 1, label[0] & 0xff, StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  public static String stripTrailingDot(String domain) {
    return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
  }

  /**
   * RFC 7208 section 4.3: a domain to check must be a fully qualified name: at least two labels,
   * none empty, none over 63 characters. An address literal such as {@code [192.0.2.1]} is not.
   */
  public static boolean isCheckableDomain(String domain) {
    String d = stripTrailingDot(domain);
    if (d.isEmpty() || d.indexOf('.') < 0 || d.startsWith("[") || d.length() > 253) {
      return false;
    }
    return toName(d) != null;
  }

  /**
   * RFC 7208 section 4.8 and 5: a name longer than 253 characters loses labels from the left until
   * it fits.
   */
  public static String truncateFromLeft(String domain) {
    String d = domain;
    while (d.length() > 253) {
      int dot = d.indexOf('.');
      if (dot < 0) {
        return "";
      }
      d = d.substring(dot + 1);
    }
    return d;
  }

  /** Whether {@code name} is {@code domain} or below it: the library's one subdomain rule. */
  public static boolean isSameOrSubdomain(String name, String domain) {
    return Domains.isSameOrSubdomain(name, domain);
  }
}
