package io.github.junitmailassert.benchmark;

import io.github.junitmailassert.dkim.DkimAlgorithm;
import io.github.junitmailassert.dkim.DkimKeyPair;
import io.github.junitmailassert.dkim.DkimResultCode;
import io.github.junitmailassert.dkim.DkimSignatureResult;
import io.github.junitmailassert.dkim.DkimVerifier;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.internal.dkim.Canonicalization;
import io.github.junitmailassert.internal.dkim.SignedHeaders;
import io.github.junitmailassert.internal.dkim.SigningAlgorithm;
import io.github.junitmailassert.internal.mail.RawMessage;
import io.github.junitmailassert.internal.dkim.SignatureField;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
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
  private static final long ROUND_NANOS = 200_000_000L;

  private DkimBenchmark() {}

  public static void main(String[] args) throws Exception {
    run();
  }

  static void run() throws Exception {
    DnsZone zone = DnsZone.create();
    DkimKeyPair rsa = DkimKeyPair.publishedIn(zone, "rsa", "sample.co.jp", DkimAlgorithm.RSA_SHA256);
    DkimKeyPair ed25519 = DkimKeyPair.publishedIn(zone, "ed", "sample.co.jp", DkimAlgorithm.ED25519_SHA256);
    DkimVerifier verifier = DkimVerifier.builder(zone.resolver()).build();
    verifyAgainstCrypto(verifier, rsa);
    for (DkimKeyPair key : List.of(rsa, ed25519)) {
      byte[] signed = sign(message(), key);
      List<DkimSignatureResult> check = verifier.verify(signed);
      if (check.size() != 1 || check.get(0).code() != DkimResultCode.PASS) {
        throw new IllegalStateException("benchmark message does not verify: " + check);
      }
      double perSecond = measure(verifier, signed);
      System.out.printf("dkim verify %-14s %4d-bit key: %,10.0f verifications/s (median of %d rounds)%n",
          key.algorithm(), key.keyBits(), perSecond, ROUNDS);
    }
  }

  /**
   * Row 1: a whole DKIM verification of a 5 kB mail against the crypto it cannot avoid, SHA-256 of
   * the body as received and one RSA verification of the signed header data: what is left over is
   * parsing and canonicalization.
   */
  private static void verifyAgainstCrypto(DkimVerifier verifier, DkimKeyPair key) throws Exception {
    byte[] message = message(60); // 5 kB once signed
    byte[] signed = sign(message, key);
    RawMessage raw = RawMessage.parse(signed);
    byte[] body = Arrays.copyOfRange(signed, raw.bodyOffset(), signed.length);
    List<String> names = List.of("from", "to", "subject", "date", "message-id", "mime-version", "content-type");
    SignatureField field = SignatureField.read(raw.headers().get(0));
    byte[] data = SignedHeaders.data(raw.headers(), 0, names, Canonicalization.RELAXED, field.withEmptySignature());
    byte[] b = Base64.getDecoder().decode(field.raw("b").replaceAll("\\s", ""));
    Harness.Round crypto = () -> {
      for (int i = 0; i < BATCH; i++) {
        sink += MessageDigest.getInstance("SHA-256").digest(body)[0];
        Signature rsaVerify = Signature.getInstance("SHA256withRSA");
        rsaVerify.initVerify(key.publicKey());
        rsaVerify.update(data);
        if (!rsaVerify.verify(b)) {
          throw new IllegalStateException("the bare signature does not verify");
        }
      }
    };
    Harness.Round dkim = () -> {
      for (int i = 0; i < BATCH; i++) {
        if (verifier.verify(signed).get(0).code() != DkimResultCode.PASS) {
          throw new IllegalStateException("verification changed its mind");
        }
      }
    };
    // The verifier is much more code than the crypto; on a loaded machine the JIT compiler gets little
    // CPU, so a fixed warm-up would leave it timed partly interpreted.
    Harness.report("row 1: warm-up until the JIT compiler was quiet", Harness.settled(Harness.settle(500, 3, dkim, crypto)));
    Harness.Ratio ratio = Harness.paired(10, 31, dkim, crypto);
    Harness.row("1", "DKIM rsa-sha256 2048 verify, " + signed.length + "-octet mail, vs body SHA-256 + Signature.verify",
        Harness.micros(ratio.aNanos(), BATCH), Harness.micros(ratio.bNanos(), BATCH), ratio, "<= 1.2x", true);
  }

  private static final int BATCH = 200;
  private static long sink;

  private static double measure(DkimVerifier verifier, byte[] signed) {
    double[] rates = new double[ROUNDS];
    for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
      long start = System.nanoTime();
      long count = 0;
      long now;
      do {
        if (verifier.verify(signed).get(0).code() != DkimResultCode.PASS) {
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
    return message(30);
  }

  /** A transactional mail with {@code lines} lines of 73 octets, each with a run of spaces. */
  static byte[] message(int lines) {
    StringBuilder body = new StringBuilder();
    for (int line = 0; line < lines; line++) {
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
