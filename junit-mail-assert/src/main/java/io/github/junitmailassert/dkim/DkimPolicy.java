package io.github.junitmailassert.dkim;

import org.apiguardian.api.API;

/** Which DKIM signatures a receiver accepts. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum DkimPolicy {
  /** RFC 8301: {@code rsa-sha1} and RSA keys under 1024 bits give {@code policy}. What receivers do today. */
  RFC8301,
  /**
   * RFC 6376 as first published: {@code rsa-sha1} verifies, RSA keys from 512 bits. Only to model
   * an old receiver; no large receiver accepts these any more.
   */
  LEGACY;

  /**
   * {@return this policy's settings on a verifier builder}
   *
   * @param builder the verifier builder to configure
   */
  public DkimVerifier.Builder apply(DkimVerifier.Builder builder) {
    return this == LEGACY ? builder.allowLegacyRsaSha1(true).minimumRsaKeyBits(512)
        : builder.allowLegacyRsaSha1(false).minimumRsaKeyBits(DkimVerifier.Builder.RFC_8301_MINIMUM_RSA_KEY_BITS);
  }
}
