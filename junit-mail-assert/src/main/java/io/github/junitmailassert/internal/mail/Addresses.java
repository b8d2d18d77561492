package io.github.junitmailassert.internal.mail;

import io.github.junitmailassert.internal.syntax.AddressListParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Finds the domains of the addresses in a header value, for assertions and reports. The value is read
 * by the one RFC 5322 parser; a value that is not an address list (a hostile or broken header) is read
 * in its lenient mode, so a local name in a broken From field is still seen. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class Addresses {

  private Addresses() {}

  /** The domain of every address in the value, trailing dots removed, lower-cased, in order. */
  public static List<String> domains(String headerValue) {
    List<String> domains = new ArrayList<>();
    for (String d : AddressListParser.readLeniently(headerValue).domains()) {
      int end = d.length();
      while (end > 0 && d.charAt(end - 1) == '.') {
        end--;
      }
      domains.add(d.substring(0, end).toLowerCase(Locale.ROOT));
    }
    return domains;
  }

  /** The domain of the first address in the value. */
  public static Optional<String> firstDomain(String headerValue) {
    List<String> d = domains(headerValue);
    return d.isEmpty() ? Optional.empty() : Optional.of(d.get(0));
  }
}
