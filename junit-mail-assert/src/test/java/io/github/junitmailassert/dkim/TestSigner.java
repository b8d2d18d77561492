package io.github.junitmailassert.dkim;

import io.github.junitmailassert.internal.dkim.Canonicalization;
import io.github.junitmailassert.internal.dkim.SignedHeaders;
import io.github.junitmailassert.internal.dkim.SigningAlgorithm;
import io.github.junitmailassert.internal.mail.HeaderField;
import io.github.junitmailassert.internal.mail.RawMessage;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs messages for the tests, with every variation a test needs: any tag written as the test
 * says (or left out), tags in any order, folded or not. Not public API. Each instance is used by
 * one test only.
 */
public final class TestSigner {

  private final PrivateKey privateKey;
  private final Map<String, String> tags = new LinkedHashMap<>();
  private final java.util.Set<String> omitted = new java.util.HashSet<>();
  private String algorithm;
  private boolean folded;

  private TestSigner(PrivateKey privateKey, String algorithm, String domain, String selector) {
    this.privateKey = privateKey;
    this.algorithm = algorithm;
    tags.put("v", "1");
    tags.put("a", algorithm);
    tags.put("c", "relaxed/relaxed");
    tags.put("d", domain);
    tags.put("s", selector);
    tags.put("h", "from:to:subject:date");
  }

  public static TestSigner with(DkimKeyPair key) {
    return new TestSigner(key.privateKey(), key.algorithm().tagValue(), key.domain(), key.selector());
  }

  /** Sets a tag's value as written (no checking), or removes it when {@code value} is null. */
  public TestSigner tag(String name, String value) {
    if (value == null) {
      tags.remove(name);
      omitted.add(name);
    } else {
      tags.put(name, value);
      omitted.remove(name);
    }
    return this;
  }

  /** Computes with another algorithm than the key's (such as rsa-sha1 with an RSA key) and says so in a=. */
  public TestSigner algorithm(String tagValue) {
    this.algorithm = tagValue;
    return tag("a", tagValue);
  }

  /** Folds the field, one tag a line, as most signers do. */
  public TestSigner folded() {
    this.folded = true;
    return this;
  }

  private static Canonicalization orSimple(Canonicalization c) {
    return c == null ? Canonicalization.SIMPLE : c;
  }

  /** Returns the message with a DKIM-Signature field on top. */
  public byte[] sign(String message) {
    return sign(message.getBytes(StandardCharsets.UTF_8));
  }

  public byte[] sign(byte[] message) {
    Map<String, String> tags = new LinkedHashMap<>(this.tags);
    RawMessage raw = RawMessage.parse(message);
    SigningAlgorithm signing = SigningAlgorithm.byName(algorithm);
    String c = tags.getOrDefault("c", "simple/simple");
    int slash = c.indexOf('/');
    // Tags a test deliberately breaks are written as given; the hashes then use the defaults.
    Canonicalization headerCanon = orSimple(Canonicalization.byName(slash < 0 ? c : c.substring(0, slash)));
    Canonicalization bodyCanon = slash < 0 ? Canonicalization.SIMPLE : orSimple(Canonicalization.byName(c.substring(slash + 1)));
    String l = tags.getOrDefault("l", "");
    long limit = l.matches("[0-9]{1,18}") ? Long.parseLong(l) : Long.MAX_VALUE;
    byte[] bodyHash = bodyCanon.bodyHash(message, raw.bodyOffset(), signing.newDigest(), limit).digest();
    if (!tags.containsKey("bh") && !omitted.contains("bh")) {
      tags.put("bh", Base64.getEncoder().encodeToString(bodyHash));
    }
    StringBuilder field = new StringBuilder("DKIM-Signature:");
    for (Map.Entry<String, String> t : tags.entrySet()) {
      if (!t.getKey().equals("b")) {
        field.append(folded ? "\r\n\t" : " ").append(t.getKey()).append('=').append(t.getValue()).append(';');
      }
    }
    if (omitted.contains("b")) {
      return concat((field + "\r\n").getBytes(StandardCharsets.ISO_8859_1), message);
    }
    field.append(folded ? "\r\n\t" : " ").append("b=");
    List<String> names = new ArrayList<>();
    for (String n : tags.getOrDefault("h", "").split(":")) {
      names.add(n.strip());
    }
    List<HeaderField> headers = raw.headers();
    byte[] unsigned = field.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] data = SignedHeaders.data(headers, -1, names, headerCanon, unsigned);
    String b;
    try {
      b = tags.containsKey("b") ? tags.get("b") : Base64.getEncoder().encodeToString(signing.sign(privateKey, data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    return concat((field + b + "\r\n").getBytes(StandardCharsets.ISO_8859_1), message);
  }

  private static byte[] concat(byte[] prefix, byte[] message) {
    byte[] out = new byte[prefix.length + message.length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(message, 0, out, prefix.length, message.length);
    return out;
  }
}
