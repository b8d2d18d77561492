package io.github.junitmailassert.dkim;

import org.apiguardian.api.API;

/**
 * The DKIM signing algorithms a sender should use today: {@code rsa-sha256} (RFC 6376, RFC 8301)
 * and {@code ed25519-sha256} (RFC 8463). {@code rsa-sha1} is deliberately absent: RFC 8301 forbids
 * it for signing.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum DkimAlgorithm {
  /** RSA with SHA-256; the key record says {@code k=rsa}. */
  RSA_SHA256("rsa-sha256", "rsa"),
  /** Ed25519 over the SHA-256 hash of the signed data; the key record says {@code k=ed25519}. */
  ED25519_SHA256("ed25519-sha256", "ed25519");

  private final String tagValue;
  private final String keyType;

  DkimAlgorithm(String tagValue, String keyType) {
    this.tagValue = tagValue;
    this.keyType = keyType;
  }

  /** {@return the value of the signature's {@code a=} tag, such as {@code rsa-sha256}} */
  public String tagValue() {
    return tagValue;
  }

  /** {@return the value of the key record's {@code k=} tag, such as {@code rsa}} */
  public String keyType() {
    return keyType;
  }

  @Override
  public String toString() {
    return tagValue;
  }
}
