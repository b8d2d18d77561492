package io.github.junitmailassert.internal.dkim;

import io.github.junitmailassert.dkim.DkimResultCode;
import io.github.junitmailassert.dkim.DkimSignatureResult;
import io.github.junitmailassert.dns.DnsAnswer;
import io.github.junitmailassert.internal.dns.DnsLookup;
import io.github.junitmailassert.internal.mail.HeaderField;
import io.github.junitmailassert.internal.mail.RawMessage;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.xbill.DNS.Type;

/**
 * Verifies every DKIM-Signature of a message, each on its own (RFC 6376 section 6). Immutable and
 * thread-safe; nothing it is given makes it throw. Internal: the public door is
 * {@code DkimVerifier}.
 */
@API(status = API.Status.INTERNAL)
public final class DkimEngine {

  public static final String SIGNATURE_FIELD = "DKIM-Signature";
  private static final int MAXIMUM_KNOWN_KEYS = 256;

  private final DnsLookup dns;
  private final Clock clock;
  private final boolean allowRsaSha1;
  private final int minimumRsaKeyBits;
  private final int maximumSignatures;
  /** Key records read before, by their text; a test run's signers are few. */
  private final Map<String, KeyRecord.Decoded> knownKeys = new ConcurrentHashMap<>();

  public DkimEngine(DnsLookup dns, Clock clock, boolean allowRsaSha1, int minimumRsaKeyBits, int maximumSignatures) {
    this.dns = dns;
    this.clock = clock;
    this.allowRsaSha1 = allowRsaSha1;
    this.minimumRsaKeyBits = minimumRsaKeyBits;
    this.maximumSignatures = maximumSignatures;
  }

  public List<DkimSignatureResult> verify(byte[] rawMessage) {
    return verify(RawMessage.parse(rawMessage == null ? new byte[0] : rawMessage));
  }

  /** Verifies a message already parsed (a captured mail's one parsed view). */
  public List<DkimSignatureResult> verify(RawMessage message) {
    List<HeaderField> headers = message.headers();
    List<DkimSignatureResult> results = new ArrayList<>();
    Map<BodyHashKey, Canonicalization.BodyHash> bodyHashes = new HashMap<>();
    for (int k = 0; k < headers.size(); k++) {
      if (!headers.get(k).hasName(SIGNATURE_FIELD)) {
        continue;
      }
      SignatureField signature = SignatureField.read(headers.get(k));
      if (results.size() >= maximumSignatures) {
        results.add(result(signature, DkimResultCode.NEUTRAL, 0, false, "not verified: this verifier checks at most "
            + maximumSignatures + " signatures per message (maximumSignatures)"));
        continue;
      }
      results.add(verifyOne(message, k, signature, bodyHashes));
    }
    return Collections.unmodifiableList(results);
  }

  private DkimSignatureResult verifyOne(RawMessage message, int index, SignatureField signature,
      Map<BodyHashKey, Canonicalization.BodyHash> bodyHashes) {
    KeyRecord key = null;
    try {
      SignatureField.Checked checked = signature.check(clock.instant().getEpochSecond());
      String keyName = checked.keyRecordName();
      key = fetchKey(keyName, checked);
      SigningAlgorithm algorithm = checked.algorithm();
      BodyHashKey cacheKey = new BodyHashKey(checked.bodyCanonicalization(), algorithm.hashName(), checked.bodyLength());
      Canonicalization.BodyHash bodyHash = bodyHashes.get(cacheKey);
      if (bodyHash == null) {
        bodyHash = checked.bodyCanonicalization().bodyHash(message.bytes(), message.bodyOffset(),
            algorithm.newDigest(), checked.bodyLength());
        bodyHashes.put(cacheKey, bodyHash);
      }
      boolean limited = checked.bodyLength() != Long.MAX_VALUE;
      if (limited && !bodyHash.reachedLimit()) {
        String l = signature.raw("l");
        throw DkimFailure.permerror("l=" + (l.length() > 30 ? l.substring(0, 30) + "..." : l) + " is longer than the canonicalized body ("
            + bodyHash.hashedLength() + " octets): the body was cut after signing, or the signer wrote a wrong l=");
      }
      if (!MessageDigest.isEqual(bodyHash.digest(), checked.bodyHash())) {
        throw DkimFailure.fail("body hash did not verify: the body was changed after signing (a footer added, line ends,"
            + " encoding or trailing spaces changed), or " + (limited ? "l=" + checked.bodyLength() + " does not cover"
                : "the signer hashed it with another canonicalization than c=" + checked.canonicalization() + " or before")
            + " what the signer hashed");
      }
      SignedHeaders.Data data = SignedHeaders.buffered(message.headers(), index, checked.signedHeaders(),
          checked.headerCanonicalization(), signature.withEmptySignature());
      boolean verified;
      try {
        verified = algorithm.verify(key.key(), data.octets(), data.length(), checked.signature());
      } catch (GeneralSecurityException e) {
        verified = false;
      }
      if (!verified) {
        throw DkimFailure.fail("signature did not verify: a signed header field (h=" + String.join(":", checked.signedHeaders())
            + ") was changed after signing, or the key at " + keyName + " is not the one the signer used");
      }
      List<String> objections = new ArrayList<>();
      if (algorithm == SigningAlgorithm.RSA_SHA1 && !allowRsaSha1) {
        objections.add("a=rsa-sha1 is not accepted (RFC 8301 section 3.1): sign with rsa-sha256");
      }
      if (algorithm.keyType().equals("rsa") && key.keyBits() < minimumRsaKeyBits) {
        objections.add("the RSA key at " + keyName + " has " + key.keyBits() + " bits, under the " + minimumRsaKeyBits
            + " receivers require (RFC 8301 section 3.2): publish a 2048-bit key");
      }
      if (!objections.isEmpty()) {
        return result(signature, DkimResultCode.POLICY, key.keyBits(), key.testing(),
            "the signature verifies, but " + String.join("; and ", objections));
      }
      return result(signature, DkimResultCode.PASS, key.keyBits(), key.testing(),
          "verified with the " + algorithm.tagValue() + " key (" + key.keyBits() + " bits) at " + keyName);
    } catch (DkimFailure failure) {
      return result(signature, failure.result(), key == null ? 0 : key.keyBits(), key != null && key.testing(), failure.reason());
    } catch (RuntimeException e) {
      // A safety net: a bug here must not look like an exception from the user's own code.
      return result(signature, DkimResultCode.PERMERROR, key == null ? 0 : key.keyBits(), key != null && key.testing(),
          "the signature could not be verified: " + e);
    }
  }

  private KeyRecord fetchKey(String name, SignatureField.Checked signature) throws DkimFailure {
    DnsAnswer answer = dns.lookup(name, Type.TXT);
    if (answer.isTempError()) {
      throw DkimFailure.temperror("the key record at " + name + " could not be fetched (" + answer.detail()
          + "): a DNS error, a later attempt may succeed");
    }
    List<String> texts = answer.isOk() ? dns.txtStrings(answer) : List.of();
    if (texts.isEmpty()) {
      throw DkimFailure.permerror("no key record at " + name + " (" + answer.detail()
          + "): publish the signer's public key there as a TXT record, v=DKIM1; k=" + signature.algorithm().keyType() + "; p=<base64>");
    }
    DkimFailure first = null;
    for (String text : texts) {
      try {
        if (knownKeys.size() > MAXIMUM_KNOWN_KEYS) {
          knownKeys.clear(); // bounded: a verifier shared by a long run sees many generated keys
        }
        return KeyRecord.read(text, name, signature, knownKeys);
      } catch (DkimFailure e) {
        first = first == null ? e : first;
      }
    }
    throw first;
  }

  /** Signatures of one message that hash the body alike share the hash. */
  private record BodyHashKey(Canonicalization canonicalization, String hash, long length) {}

  private static DkimSignatureResult result(SignatureField signature, DkimResultCode result, int keyBits, boolean testing, String reason) {
    return new DkimSignatureResult(result, signature.domain(), signature.selector(), signature.identityOrDefault(),
        signature.algorithm(), keyBits, signature.headerB(), reason, testing);
  }
}
