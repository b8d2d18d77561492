package io.github.junitmailassert.internal.dmarc;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The organizational domain of RFC 7489: the public suffix plus one label, from the Public Suffix
 * List that Guava ships. Guava is an optional dependency, so nothing here touches a Guava class
 * before {@link #isAvailable(ClassLoader)} said it is there. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class PublicSuffixList {

  static final String GUAVA_CLASS = "com.google.common.net.InternetDomainName";

  /** The error for a build that asks for RFC 7489 mode without Guava. */
  public static final String MISSING_GUAVA =
      "DmarcMode.RFC7489_PSL finds organizational domains with the Public Suffix List that Guava ships, "
          + "but " + GUAVA_CLASS + " is not on the class path: add the dependency com.google.guava:guava "
          + "(test scope is enough), or use DmarcMode.RFC9989, which needs no list";

  private PublicSuffixList() {}

  /** Whether Guava's {@code InternetDomainName} can be loaded through {@code loader}. */
  public static boolean isAvailable(ClassLoader loader) {
    try {
      Class.forName(GUAVA_CLASS, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * The registrable domain ("organizational domain") of a name, lower case, in the form given
   * (A-labels or U-labels); empty when the name is itself a public suffix or not a valid name. A name
   * under a top-level domain the list does not know gets the list's default rule {@code *}.
   * Call only when {@link #isAvailable(ClassLoader)}.
   */
  public static Optional<String> organizationalDomain(String domain) {
    return GuavaSuffixes.registrableDomain(domain);
  }
}
