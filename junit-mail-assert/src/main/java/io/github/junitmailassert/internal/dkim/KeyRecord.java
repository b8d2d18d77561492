package io.github.junitmailassert.internal.dkim;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A DKIM key record (RFC 6376 section 3.6.1, RFC 8463 for {@code k=ed25519}), read and checked
 * against the signature that asks for it. Internal.
 *
 * @param key the public key
 * @param keyBits its size (256 for Ed25519)
 * @param testing {@code t=y}
 */
@API(status = API.Status.INTERNAL)
public record KeyRecord(PublicKey key, int keyBits, boolean testing) {

  /**
   * Reads the record at {@code name} for a signature.
   *
   * @throws DkimFailure permerror naming what is wrong with the record and how to publish it
   */
  public static KeyRecord read(String text, String name, SignatureField.Checked signature) throws DkimFailure {
    return read(text, name, signature, null);
  }

  /**
   * A key record's text read once: its tags, {@code p=} without whitespace, and the key decoded
   * from it. All three depend on the text alone; the checks against a signature do not.
   */
  @API(status = API.Status.INTERNAL)
  public record Decoded(TagList tags, String p, PublicKey key) {}

  /**
   * As {@link #read(String, String, SignatureField.Checked)}, with records read before taken from
   * {@code known} by their text, and new ones added to it. Parsing and decoding a key record cost
   * as much as hashing a 5 kB body; every check against the signature still runs each time.
   *
   * @param known thread-safe, or null to read every time
   */
  public static KeyRecord read(String text, String name, SignatureField.Checked signature,
      Map<String, Decoded> known) throws DkimFailure {
    Decoded seen = known == null ? null : known.get(text);
    TagList tags = seen != null ? seen.tags() : TagList.parse(text, "the key record at " + name);
    String v = tags.value("v").orElse("DKIM1");
    if (!v.equals("DKIM1")) {
      throw DkimFailure.permerror("the key record at " + name + " says v=" + v + ": a DKIM key record says v=DKIM1 or has no v=");
    }
    String p = seen != null ? seen.p() : TagList.withoutWhitespace(tags.value("p").orElseThrow(() -> DkimFailure.permerror(
        "the key record at " + name + " has no p= tag: publish the public key as p=<base64>")));
    if (p.isEmpty()) {
      throw DkimFailure.permerror("the key at " + name + " is revoked (empty p=): sign with a key whose record has p=<base64>");
    }
    SigningAlgorithm algorithm = signature.algorithm();
    String k = tags.value("k").orElse("rsa");
    if (!k.equals("rsa") && !k.equals("ed25519")) {
      throw DkimFailure.permerror("the key record at " + name + " has k=" + k + ", a key type DKIM does not know (rsa, ed25519)");
    }
    if (!k.equals(algorithm.keyType())) {
      throw DkimFailure.permerror("the key record at " + name + " holds a k=" + k + " key, but the signature is a="
          + algorithm.tagValue() + ": publish the " + algorithm.keyType() + " key under another selector");
    }
    if (tags.tag("h").isPresent() && !listContains(tags.value("h").orElse(""), algorithm.hashName())) {
      throw DkimFailure.permerror("the key record at " + name + " allows only h=" + tags.value("h").orElse("")
          + ", not the " + algorithm.hashName() + " the signature uses");
    }
    if (tags.tag("s").isPresent() && !listContains(tags.value("s").orElse(""), "email") && !listContains(tags.value("s").orElse(""), "*")) {
      throw DkimFailure.permerror("the key record at " + name + " is for service s=" + tags.value("s").orElse("")
          + ", not email: publish it with s=email or without s=");
    }
    String flags = tags.value("t").orElse("");
    boolean testing = listContains(flags, "y");
    if (listContains(flags, "s") && !identityDomainEquals(signature)) {
      throw DkimFailure.permerror("the key record at " + name + " has t=s (strict): i=" + signature.identity()
          + " must be in d=" + signature.domain() + " itself, not a subdomain");
    }
    if (seen != null) {
      PublicKey key = seen.key();
      return new KeyRecord(key, key instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength() : 256, testing);
    }
    KeyRecord decoded = decode(p, k, name, testing);
    if (known != null) {
      known.put(text, new Decoded(tags, p, decoded.key()));
    }
    return decoded;
  }

  private static KeyRecord decode(String p, String k, String name, boolean testing) throws DkimFailure {
    byte[] der;
    try {
      der = Base64Value.decode(p);
    } catch (IllegalArgumentException e) {
      throw DkimFailure.permerror("the key record at " + name + " has a p= that is not valid base64 (" + e.getMessage() + ")");
    }
    try {
      if (k.equals("ed25519")) {
        if (der.length != KeyEncoding.ED25519_KEY_LENGTH) {
          throw DkimFailure.permerror("the ed25519 key at " + name + " is " + der.length
              + " octets, not 32: RFC 8463 publishes the raw key in p=, not a SubjectPublicKeyInfo");
        }
        return new KeyRecord(KeyEncoding.ed25519(der), 256, testing);
      }
      PublicKey key = KeyEncoding.rsa(der);
      if (!(key instanceof RSAPublicKey rsa)) {
        throw DkimFailure.permerror("the key record at " + name + " does not hold an RSA public key");
      }
      return new KeyRecord(key, rsa.getModulus().bitLength(), testing);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw DkimFailure.permerror("the key record at " + name + " has a p= that is not a " + k + " public key ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  private static boolean identityDomainEquals(SignatureField.Checked signature) {
    String identity = signature.identity();
    String domain = identity.substring(identity.lastIndexOf('@') + 1);
    return domain.equalsIgnoreCase(signature.domain());
  }

  private static boolean listContains(String colonList, String wanted) {
    for (String item : colonList.split(":", -1)) {
      if (item.strip().equals(wanted)) {
        return true;
      }
    }
    return false;
  }
}
