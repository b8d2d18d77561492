package io.github.junitmailassert.dkim;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The result of verifying one DKIM signature, in the words of RFC 8601 section 2.7.1 (the words
 * receivers write into {@code Authentication-Results}). A message without any signature has no
 * result at all: {@link DkimVerifier#verify(byte[])} returns an empty list, which receivers report
 * as {@code dkim=none}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum DkimResultCode {
  /** The signature verified: the signing domain vouches for the signed headers and body. */
  PASS,
  /** The signature was well formed but did not verify: the body or a signed header was changed, or the key does not match. */
  FAIL,
  /** The signature could not be processed, for example because the verifier checks only so many per message. */
  NEUTRAL,
  /** A temporary failure, such as a DNS timeout or SERVFAIL for the key record; a later attempt may succeed. */
  TEMPERROR,
  /** The signature or its key record is unusable: a syntax error, a missing or revoked key, an expired signature. */
  PERMERROR,
  /**
   * The signature would verify, but the receiver does not accept it: an {@code rsa-sha1}
   * signature or an RSA key under 1024 bits (RFC 8301).
   */
  POLICY;

  private final String keywordText = name().toLowerCase(Locale.ROOT);

  /** {@return the lower-case keyword of {@code Authentication-Results}, such as {@code pass}} */
  public String keyword() {
    return keywordText;
  }
}
