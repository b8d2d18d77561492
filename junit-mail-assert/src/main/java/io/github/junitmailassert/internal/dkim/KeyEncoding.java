package io.github.junitmailassert.internal.dkim;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.apiguardian.api.API;

/** DER plumbing between DKIM key records and the JDK's key classes. Internal. */
@API(status = API.Status.INTERNAL)
public final class KeyEncoding {

  /** SubjectPublicKeyInfo header of an Ed25519 key (RFC 8410): the raw 32 octets follow. */
  private static final byte[] ED25519_SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  /** AlgorithmIdentifier of rsaEncryption with NULL parameters. */
  private static final byte[] RSA_ALGORITHM_ID = {
    0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
  };

  public static final int ED25519_KEY_LENGTH = 32;

  private KeyEncoding() {}

  /** An Ed25519 public key from the raw 32 octets of an RFC 8463 key record. */
  public static PublicKey ed25519(byte[] raw) throws GeneralSecurityException {
    byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + raw.length);
    System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
  }

  /** The raw 32 octets of an Ed25519 public key, as an RFC 8463 key record's {@code p=} holds them. */
  public static byte[] ed25519Raw(PublicKey key) {
    byte[] spki = key.getEncoded();
    return Arrays.copyOfRange(spki, spki.length - ED25519_KEY_LENGTH, spki.length);
  }

  /**
   * An RSA public key from a key record's {@code p=}: a SubjectPublicKeyInfo, which is what
   * signers publish, or a bare PKCS#1 RSAPublicKey, which RFC 6376 section 3.6.1 literally names.
   */
  public static PublicKey rsa(byte[] der) throws GeneralSecurityException {
    KeyFactory factory = KeyFactory.getInstance("RSA");
    try {
      return factory.generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException | RuntimeException spkiFailed) {
      ByteArrayOutputStream bitString = new ByteArrayOutputStream();
      bitString.write(0); // no unused bits
      bitString.writeBytes(der);
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes(RSA_ALGORITHM_ID);
      writeTlv(body, 0x03, bitString.toByteArray());
      ByteArrayOutputStream spki = new ByteArrayOutputStream();
      writeTlv(spki, 0x30, body.toByteArray());
      return factory.generatePublic(new X509EncodedKeySpec(spki.toByteArray()));
    }
  }

  /** PEM text of a PKCS#8 private key, as mail libraries and MTAs read it. */
  public static String pem(String label, byte[] der) {
    String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
  }

  private static void writeTlv(ByteArrayOutputStream out, int tag, byte[] content) {
    out.write(tag);
    int len = content.length;
    if (len < 0x80) {
      out.write(len);
    } else if (len < 0x100) {
      out.write(0x81);
      out.write(len);
    } else if (len < 0x10000) {
      out.write(0x82);
      out.write(len >> 8);
      out.write(len);
    } else {
      out.write(0x83);
      out.write(len >> 16);
      out.write(len >> 8);
      out.write(len);
    }
    out.writeBytes(content);
  }
}
