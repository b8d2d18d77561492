package io.github.junitmailassert.dmarc;

import java.util.Locale;
import org.apiguardian.api.API;

/** The DMARC result codes of RFC 9989 section 9.2, as written in Authentication-Results. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum DmarcResultCode {
  /** A policy exists and an authenticated identifier aligns with the From domain. */
  PASS,
  /** A policy exists and no authenticated identifier aligns. */
  FAIL,
  /** No policy applies to the From domain: DMARC says nothing about this mail. */
  NONE,
  /** A DNS query failed for a reason that may pass; a receiver would try again later. */
  TEMPERROR,
  /** The message cannot be evaluated, such as one without a usable From domain. */
  PERMERROR;

  private final String keywordText = name().toLowerCase(Locale.ROOT);

  /** {@return the result code as written in Authentication-Results} */
  public String keyword() {
    return keywordText;
  }
}
