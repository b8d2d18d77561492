package io.github.junitmailassert.dkim;

import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.internal.dkim.KeyEncoding;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A fresh DKIM key pair for a test: the private key to configure the application's signer with
 * (Simple Java Mail, Apache James, an MTA's milter take PKCS#8 DER or PEM), and the key record to
 * publish in the fake DNS zone at {@code <selector>._domainkey.<domain>}.
 *
 * <pre>{@code
 * DkimKeyPair key = DkimKeyPair.publishedIn(zone, "sel", "sample.co.jp", DkimAlgorithm.RSA_SHA256);
 * mailer.signWithDomainKey(key.privateKeyPkcs8Der(), "sample.co.jp", "sel");
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the private key.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class DkimKeyPair {

  /** The RSA size used unless one is asked for: what receivers and RFC 8301 recommend. */
  public static final int DEFAULT_RSA_KEY_BITS = 2048;

  private final String selector;
  private final String domain;
  private final DkimAlgorithm algorithm;
  private final KeyPair keyPair;
  private final int keyBits;

  private DkimKeyPair(String selector, String domain, DkimAlgorithm algorithm, KeyPair keyPair, int keyBits) {
    this.selector = selector;
    this.domain = domain;
    this.algorithm = algorithm;
    this.keyPair = keyPair;
    this.keyBits = keyBits;
  }

  /**
   * {@return a new pair for the algorithm; RSA keys get {@value #DEFAULT_RSA_KEY_BITS} bits}
   *
   * @param selector the DKIM selector, such as {@code s1}
   * @param domain the domain, such as {@code sample.co.jp}
   * @param algorithm the signing algorithm
   */
  public static DkimKeyPair generate(String selector, String domain, DkimAlgorithm algorithm) {
    Objects.requireNonNull(algorithm, "algorithm");
    return algorithm == DkimAlgorithm.RSA_SHA256 ? rsa(selector, domain, DEFAULT_RSA_KEY_BITS) : ed25519(selector, domain);
  }

  /**
   * Generates a key pair and publishes its key record in {@code zone} at
   * {@code <selector>._domainkey.<domain>}; configure the application's signer with the returned
   * private key.
   *
   * <pre>{@code
   * DkimKeyPair key = DkimKeyPair.publishedIn(zone, "s2026", "sample.co.jp", DkimAlgorithm.RSA_SHA256);
   * }</pre>
   *
   * @param zone the zone the key record is published in
   * @param selector the DKIM selector, such as {@code s1}
   * @param domain the domain, such as {@code sample.co.jp}
   * @param algorithm the signing algorithm
   * @return the key pair, its public key already in the zone
   */
  public static DkimKeyPair publishedIn(DnsZone zone, String selector, String domain, DkimAlgorithm algorithm) {
    Objects.requireNonNull(zone, "zone");
    DkimKeyPair pair = generate(selector, domain, algorithm);
    zone.dkimKeyRecord(selector, domain, pair.publicKeyRecord());
    return pair;
  }

  /**
   * A new {@value #DEFAULT_RSA_KEY_BITS}-bit RSA pair for {@code rsa-sha256}.
   *
   * @param selector the DKIM selector, such as {@code s1}
   * @param domain the signing domain, such as {@code sample.co.jp}
   * @return the key pair
   */
  public static DkimKeyPair rsa(String selector, String domain) {
    return rsa(selector, domain, DEFAULT_RSA_KEY_BITS);
  }

  /**
   * {@return a new RSA pair of the given size, at least 512 bits} Receivers ignore signatures with keys under
   * 1024 bits (RFC 8301); smaller keys are for showing exactly that in a test.
   *
   * @param selector the DKIM selector, such as {@code s1}
   * @param domain the domain, such as {@code sample.co.jp}
   * @param bits the RSA key size in bits
   */
  public static DkimKeyPair rsa(String selector, String domain, int bits) {
    if (bits < 512 || bits > 16384) {
      throw new IllegalArgumentException("an RSA key for DKIM has 512 to 16384 bits (2048 is usual), not " + bits);
    }
    KeyPair pair = generate("RSA", bits);
    return new DkimKeyPair(checked(selector, "selector"), checked(domain, "domain"), DkimAlgorithm.RSA_SHA256, pair,
        ((RSAPublicKey) pair.getPublic()).getModulus().bitLength());
  }

  /**
   * {@return a new Ed25519 pair for {@code ed25519-sha256} (RFC 8463)}
   *
   * @param selector the DKIM selector, such as {@code s1}
   * @param domain the domain, such as {@code sample.co.jp}
   */
  public static DkimKeyPair ed25519(String selector, String domain) {
    return new DkimKeyPair(checked(selector, "selector"), checked(domain, "domain"), DkimAlgorithm.ED25519_SHA256,
        generate("Ed25519", 0), 256);
  }

  /** {@return the selector (s=)} */
  public String selector() {
    return selector;
  }

  /** {@return the signing domain (d=)} */
  public String domain() {
    return domain;
  }

  /** {@return the signing algorithm} */
  public DkimAlgorithm algorithm() {
    return algorithm;
  }

  /** {@return the key size in bits (256 for Ed25519)} */
  public int keyBits() {
    return keyBits;
  }

  /** {@return where receivers look the key up: {@code <selector>._domainkey.<domain>}} */
  public String keyRecordName() {
    return selector + "._domainkey." + domain;
  }

  /**
   * {@return the TXT record to publish at {@link #keyRecordName()}, such as {@code v=DKIM1; k=rsa; p=MIIB...}}
   * An RSA key is a SubjectPublicKeyInfo, an Ed25519 key the raw 32 octets (RFC 8463).
   */
  public String publicKeyRecord() {
    byte[] p = algorithm == DkimAlgorithm.ED25519_SHA256
        ? KeyEncoding.ed25519Raw(keyPair.getPublic())
        : keyPair.getPublic().getEncoded();
    return "v=DKIM1; k=" + algorithm.keyType() + "; p=" + Base64.getEncoder().encodeToString(p);
  }

  /** {@return the public key, as published in the key record} */
  public PublicKey publicKey() {
    return keyPair.getPublic();
  }

  /** {@return the private key, to sign with} */
  public PrivateKey privateKey() {
    return keyPair.getPrivate();
  }

  /** {@return the private key as PKCS#8 DER; a new array on each call} */
  public byte[] privateKeyPkcs8Der() {
    return keyPair.getPrivate().getEncoded();
  }

  /** {@return the private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), 64 characters a line} */
  public String privateKeyPem() {
    return KeyEncoding.pem("PRIVATE KEY", privateKeyPkcs8Der());
  }

  @Override
  public String toString() {
    return "DkimKeyPair[" + algorithm + ", " + keyBits + " bits, " + keyRecordName() + "]";
  }

  private static KeyPair generate(String algorithm, int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (bits > 0) {
        generator.initialize(bits);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot generate " + algorithm + " keys", e);
    }
  }

  private static String checked(String name, String what) {
    Objects.requireNonNull(name, what);
    if (name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..") || name.contains(" ")) {
      throw new IllegalArgumentException("not a valid DKIM " + what + ": \"" + name + "\"");
    }
    return name;
  }
}
