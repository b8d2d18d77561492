package io.github.junitmailassert.internal.mail;

import java.util.Locale;
import org.apiguardian.api.API;

/** The one "same domain or a subdomain of it" rule of the assertions and the gate. Internal. */
@API(status = API.Status.INTERNAL)
public final class Domains {

  private Domains() {}

  /** Whether {@code name} is {@code domain} or below it; case and a final dot do not matter. */
  public static boolean isSameOrSubdomain(String name, String domain) {
    String n = normalize(name);
    String d = normalize(domain);
    return !d.isEmpty() && (n.equals(d) || n.endsWith("." + d));
  }

  private static String normalize(String domain) {
    String d = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
    while (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    return d;
  }
}
