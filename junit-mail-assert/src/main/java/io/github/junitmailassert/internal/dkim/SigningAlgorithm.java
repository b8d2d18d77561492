package io.github.junitmailassert.internal.dkim;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import org.apiguardian.api.API;

/**
 * The {@code a=} values this verifier can compute, with their JDK names. {@code rsa-sha1} is here
 * only so that a receiver may opt into it for legacy senders (RFC 8301 forbids it). Internal.
 */
@API(status = API.Status.INTERNAL)
public enum SigningAlgorithm {
  RSA_SHA256("rsa-sha256", "rsa", "sha256", "SHA-256", "SHA256withRSA"),
  ED25519_SHA256("ed25519-sha256", "ed25519", "sha256", "SHA-256", "Ed25519"),
  RSA_SHA1("rsa-sha1", "rsa", "sha1", "SHA-1", "SHA1withRSA");

  private final String tagValue;
  private final String keyType;
  private final String hashName;
  private final String digestAlgorithm;
  private final String signatureAlgorithm;

  SigningAlgorithm(String tagValue, String keyType, String hashName, String digestAlgorithm, String signatureAlgorithm) {
    this.tagValue = tagValue;
    this.keyType = keyType;
    this.hashName = hashName;
    this.digestAlgorithm = digestAlgorithm;
    this.signatureAlgorithm = signatureAlgorithm;
  }

  public static SigningAlgorithm byName(String name) {
    for (SigningAlgorithm a : values()) {
      if (a.tagValue.equals(name)) {
        return a;
      }
    }
    return null;
  }

  public String tagValue() {
    return tagValue;
  }

  /** The key record's {@code k=} value this algorithm needs. */
  public String keyType() {
    return keyType;
  }

  /** The key record's {@code h=} name of the hash. */
  public String hashName() {
    return hashName;
  }

  public MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(digestAlgorithm);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + digestAlgorithm, e);
    }
  }

  /** Verifies {@code signature} over the canonicalized header data. */
  public boolean verify(PublicKey key, byte[] signedData, byte[] signature) throws GeneralSecurityException {
    return verify(key, signedData, signedData.length, signature);
  }

  /** As above, the data being the first {@code length} octets of {@code signedData}. */
  public boolean verify(PublicKey key, byte[] signedData, int length, byte[] signature) throws GeneralSecurityException {
    Signature verifier = Signature.getInstance(signatureAlgorithm);
    verifier.initVerify(key);
    if (this == ED25519_SHA256) {
      // RFC 8463 section 3: Ed25519 signs the SHA-256 hash of the data, not the data.
      MessageDigest digest = newDigest();
      digest.update(signedData, 0, length);
      verifier.update(digest.digest());
    } else {
      verifier.update(signedData, 0, length);
    }
    return verifier.verify(signature);
  }

  /** Signs, for the test keys and the benchmark. */
  public byte[] sign(PrivateKey key, byte[] signedData) throws GeneralSecurityException {
    Signature signer = Signature.getInstance(signatureAlgorithm);
    signer.initSign(key);
    signer.update(this == ED25519_SHA256 ? newDigest().digest(signedData) : signedData);
    return signer.sign();
  }
}
