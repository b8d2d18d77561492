package io.github.junitmailassert.internal.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the domains of the addresses in a header value, for assertions and reports. Internal. */
public final class Addresses {

  // An addr-spec's domain; quoted display names and comments are removed first. Bounded, so a
  // hostile header cannot make the matcher rescan to its end at every '@'.
  private static final Pattern DOMAIN = Pattern.compile("@(\\[[^\\]\\[\\s]{1,64}\\]|[^\\s<>(),;:\"@\\[\\]]{1,255})");
  private static final Pattern TRAILING_DOTS = Pattern.compile("\\.+$");

  private Addresses() {}

  /** The domain of every address in the value, lower-cased, in order. */
  public static List<String> domains(String headerValue) {
    List<String> domains = new ArrayList<>();
    Matcher m = DOMAIN.matcher(withoutQuotesAndComments(headerValue));
    while (m.find()) {
      domains.add(TRAILING_DOTS.matcher(m.group(1)).replaceAll("").toLowerCase(Locale.ROOT));
    }
    return domains;
  }

  /** The domain of the first address in the value. */
  public static Optional<String> firstDomain(String headerValue) {
    List<String> d = domains(headerValue);
    return d.isEmpty() ? Optional.empty() : Optional.of(d.get(0));
  }

  private static String withoutQuotesAndComments(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    boolean quoted = false;
    int comment = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length() && (quoted || comment > 0)) {
        i++;
      } else if (quoted) {
        quoted = c != '"';
      } else if (c == '"' && comment == 0) {
        quoted = true;
      } else if (c == '(') {
        comment++;
      } else if (c == ')' && comment > 0) {
        comment--;
      } else if (comment == 0) {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
