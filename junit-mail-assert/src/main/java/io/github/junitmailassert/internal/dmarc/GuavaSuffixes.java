package io.github.junitmailassert.internal.dmarc;

import com.google.common.net.InternetDomainName;
import java.util.Locale;
import java.util.Optional;

/** The one class that references Guava; loaded only after {@link PublicSuffixList} checked for it. */
final class GuavaSuffixes {

  private GuavaSuffixes() {}

  static Optional<String> registrableDomain(String domain) {
    if (domain == null || domain.isEmpty() || domain.startsWith(".") || domain.length() > 1024) {
      return Optional.empty();
    }
    String lower = domain.toLowerCase(Locale.ROOT);
    if (!InternetDomainName.isValid(lower)) {
      return Optional.empty();
    }
    InternetDomainName name = InternetDomainName.from(lower);
    if (name.isUnderPublicSuffix()) {
      return Optional.of(name.topPrivateDomain().toString());
    }
    if (name.hasPublicSuffix()) {
      return Optional.empty(); // the name is a public suffix itself
    }
    // No rule matched: the list's default rule "*" makes the top-level label the public suffix.
    int labels = name.parts().size();
    return labels < 2 ? Optional.empty() : Optional.of(DomainNames.suffix(name.toString(), 2));
  }
}
