package io.github.junitmailassert.benchmark;

import io.github.junitmailassert.dkim.DkimAlgorithm;
import io.github.junitmailassert.dkim.DkimKeyPair;
import io.github.junitmailassert.dkim.DkimResult;
import io.github.junitmailassert.dkim.DkimSignatureResult;
import io.github.junitmailassert.dkim.DkimVerifier;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.internal.dkim.Canonicalization;
import io.github.junitmailassert.internal.dkim.SignedHeaders;
import io.github.junitmailassert.internal.dkim.SigningAlgorithm;
import io.github.junitmailassert.internal.mail.RawMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * DKIM verifications per second, for an rsa-sha256 2048-bit and an ed25519-sha256 signature over a
 * typical transactional mail (relaxed/relaxed, about 2 KB of body), key looked up in the
 * in-process zone. Warm-up, then timed rounds; the median round is reported.
 */
public final class DkimBenchmark {

  private static final int WARM_UP_ROUNDS = 5;
  private static final int ROUNDS = 9;
  private static final long ROUND_NANOS = 500_000_000L;

  private DkimBenchmark() {}

  public static void main(String[] args) throws Exception {
    run();
  }

  static void run() throws Exception {
    DnsZone zone = DnsZone.create();
    DkimKeyPair rsa = DkimKeyPair.publishedIn(zone, "rsa", "sample.co.jp", DkimAlgorithm.RSA_SHA256);
    DkimKeyPair ed25519 = DkimKeyPair.publishedIn(zone, "ed", "sample.co.jp", DkimAlgorithm.ED25519_SHA256);
    DkimVerifier verifier = DkimVerifier.builder(zone.resolver()).build();
    for (DkimKeyPair key : List.of(rsa, ed25519)) {
      byte[] signed = sign(message(), key);
      List<DkimSignatureResult> check = verifier.verify(signed);
      if (check.size() != 1 || check.get(0).result() != DkimResult.PASS) {
        throw new IllegalStateException("benchmark message does not verify: " + check);
      }
      double perSecond = measure(verifier, signed);
      System.out.printf("dkim verify %-14s %4d-bit key: %,10.0f verifications/s (median of %d rounds)%n",
          key.algorithm(), key.keyBits(), perSecond, ROUNDS);
    }
  }

  private static double measure(DkimVerifier verifier, byte[] signed) {
    double[] rates = new double[ROUNDS];
    for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
      long start = System.nanoTime();
      long count = 0;
      long now;
      do {
        if (verifier.verify(signed).get(0).result() != DkimResult.PASS) {
          throw new IllegalStateException("verification changed its mind");
        }
        count++;
        now = System.nanoTime();
      } while (now - start < ROUND_NANOS);
      if (round >= 0) {
        rates[round] = count * 1e9 / (now - start);
      }
    }
    Arrays.sort(rates);
    return rates[ROUNDS / 2];
  }

  static byte[] message() {
    StringBuilder body = new StringBuilder();
    for (int line = 0; line < 30; line++) {
      body.append("Thank you for your order. Your items will be shipped   within two days.\r\n");
    }
    return ("From: Sample Shop <info@sample.co.jp>\r\n"
        + "To: user@example.com\r\n"
        + "Subject: Your order 12345\r\n"
        + "Date: Sun, 1 Jun 2025 09:00:00 +0900\r\n"
        + "Message-ID: <12345@sample.co.jp>\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n"
        + "\r\n" + body).getBytes(StandardCharsets.UTF_8);
  }

  /** Signs as a typical MTA does: relaxed/relaxed, the usual header fields. */
  static byte[] sign(byte[] message, DkimKeyPair key) throws Exception {
    SigningAlgorithm algorithm = SigningAlgorithm.byName(key.algorithm().tagValue());
    RawMessage raw = RawMessage.parse(message);
    byte[] bodyHash = Canonicalization.RELAXED.bodyHash(message, raw.bodyOffset(), algorithm.newDigest(), Long.MAX_VALUE).digest();
    List<String> names = List.of("from", "to", "subject", "date", "message-id", "mime-version", "content-type");
    String field = "DKIM-Signature: v=1; a=" + algorithm.tagValue() + "; c=relaxed/relaxed; d=" + key.domain()
        + "; s=" + key.selector() + "; t=1748736000; h=" + String.join(":", names)
        + ";\r\n\tbh=" + Base64.getEncoder().encodeToString(bodyHash) + ";\r\n\tb=";
    byte[] data = SignedHeaders.data(raw.headers(), -1, names, Canonicalization.RELAXED,
        field.getBytes(StandardCharsets.US_ASCII));
    String b = Base64.getEncoder().encodeToString(algorithm.sign(key.privateKey(), data));
    byte[] head = (field + b + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(head, head.length + message.length);
    System.arraycopy(message, 0, out, head.length, message.length);
    return out;
  }
}
