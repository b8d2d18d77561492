package io.github.junitmailassert.dmarc;

import java.util.Locale;
import org.apiguardian.api.API;

/** Which tag of the DMARC record gave the policy for the From domain. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum PolicyTag {
  /** {@code p}: the record was published for the From domain itself, or the From domain is the organizational domain. */
  P,
  /** {@code sp}: the From domain is an existing subdomain of the organizational domain whose record applied. */
  SP,
  /** {@code np}: the From domain does not exist (NXDOMAIN), below the organizational domain (RFC 9989 only). */
  NP;

  private final String tagText = name().toLowerCase(Locale.ROOT);

  /** {@return the tag name as written in a record} */
  public String tag() {
    return tagText;
  }
}
