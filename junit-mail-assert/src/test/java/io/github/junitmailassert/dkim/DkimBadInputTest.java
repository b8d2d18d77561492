package io.github.junitmailassert.dkim;

import static io.github.junitmailassert.dkim.DkimVerifierTest.MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.dns.DnsZone;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Broken signatures and hostile messages: always a typed result with a reason, never an exception. */
class DkimBadInputTest {

  static final DkimKeyPair KEY = DkimVerifierTest.ED25519;

  private final DnsZone zone = DnsZone.create().dkimKeyRecord(KEY.selector(), KEY.domain(), KEY.publicKeyRecord());
  private final DkimVerifier verifier =
      DkimVerifier.builder(zone.resolver()).clock(Clock.fixed(DkimVerifierTest.NOW, ZoneOffset.UTC)).build();

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', textBlock = """
      v|        |the signature has no v= tag: it needs v=1 (RFC 6376 requires it; signatures of the pre-RFC drafts lack it)
      a|        |the signature has no a= tag: it needs the algorithm a=rsa-sha256 or a=ed25519-sha256
      b|        |the signature has no b= tag: it needs the signature b=
      bh|       |the signature has no bh= tag: it needs the body hash bh=
      d|        |the signature has no d= tag: it needs the signing domain d=
      s|        |the signature has no s= tag: it needs the selector s=
      h|        |the signature has no h= tag: it needs the signed header list h= (it must include From)
      v|2       |v=2 is not a DKIM version this verifier knows: RFC 6376 signatures say v=1
      a|rsa-md5 |a=rsa-md5 is not a DKIM signing algorithm: sign with a=rsa-sha256 or a=ed25519-sha256
      b|@@@@    |b= is not valid base64 (Illegal base64 character 40)
      b|''      |b= is empty: the signer did not fill in the signature
      bh|abc!   |bh= is not valid base64 (Illegal base64 character 21)
      c|fancy   |c=fancy is not a canonicalization: use c=relaxed/relaxed, or simple, in either half
      c|relaxed/|c=relaxed/ is not a canonicalization: use c=relaxed/relaxed, or simple, in either half
      d|exa mple.com|d=exa mple.com is not a domain name
      d|a..b    |d=a..b is not a domain name
      s|''      |s= is not a valid selector (one or more DNS labels)
      h|to:subject|h=to:subject does not include From: RFC 6376 section 5.4 requires the From field to be signed
      h|from::to|h=from::to is not a list of header field names separated by ":"
      i|nobody  |i=nobody is not an identity: it must be [local-part]@domain
      l|99999999999999999999999999999|l=99999999999999999999999999999 is longer than the canonicalized body (42 octets): the body was cut after signing, or the signer wrote a wrong l=
      l|-5      |l=-5 is not a body length (decimal digits)
      l|12345678901234567890123456789012345678901234567890123456789012345678901234567|l=123456789012345678901234567890... is not a body length (decimal digits)
      q|dns     |q=dns names no key query method this verifier knows: the only one is q=dns/txt
      t|yesterday|t=yesterday is not a time (seconds since 1970, at most 12 digits)
      x|9999999999999|x=9999999999999 is not a time (seconds since 1970, at most 12 digits)
      """)
  void should_permerror_with_reason_when_a_tag_is_missing_or_malformed(String tag, String value, String reason) {
    // GIVEN
    byte[] signed = TestSigner.with(KEY).tag(tag, value).sign(MESSAGE);
    // WHEN
    List<DkimSignatureResult> results = verifier.verify(signed);
    // THEN
    assertThat(results).hasSize(1);
    assertThat(results.get(0).code()).isEqualTo(DkimResultCode.PERMERROR);
    assertThat(results.get(0).reason()).isEqualTo(reason);
  }

  @Test
  void should_permerror_when_a_tag_appears_twice() {
    byte[] signed = DkimVerifierTest.concat("DKIM-Signature: v=1; a=ed25519-sha256; d=sample.co.jp; d=sample.co.jp; s=ed;"
        + " h=from; bh=AAAA; b=AAAA\r\n", MESSAGE.getBytes(StandardCharsets.US_ASCII));
    DkimSignatureResult result = verifier.verify(signed).get(0);
    assertThat(result.code()).isEqualTo(DkimResultCode.PERMERROR);
    assertThat(result.reason()).isEqualTo("the DKIM-Signature field has the tag \"d=\" twice (RFC 6376 section 3.2)");
    assertThat(result.domain()).isEmpty();
    assertThat(result.authenticationResultsPart()).isEqualTo("dkim=permerror");
  }

  @Test
  void should_ignore_unknown_tags_when_signature_has_them() {
    byte[] signed = TestSigner.with(KEY).tag("zz", "future value").tag("z", "From:info@sample.co.jp").sign(MESSAGE);
    assertThat(verifier.verify(signed).get(0).code()).isEqualTo(DkimResultCode.PASS);
  }

  @Test
  void should_read_a_signature_field_with_non_ascii_and_control_bytes() {
    byte[] signed = DkimVerifierTest.concat("DKIM-Signature: v=1; a=ed25519-sha256; d=s\u00e4mple.jp; s=ed; h=from;"
        + " bh=AAAA; b=AAAA\r\nDKIM-Signature: v=1;\u0001 a=x\r\nDKIM-Signature:\r\n", MESSAGE.getBytes(StandardCharsets.US_ASCII));
    List<DkimSignatureResult> results = verifier.verify(signed);
    assertThat(results).extracting(DkimSignatureResult::code).containsOnly(DkimResultCode.PERMERROR);
    assertThat(results).extracting(DkimSignatureResult::reason).containsExactly(
        "d=s\u00e4mple.jp is not a domain name",
        "the DKIM-Signature field is not a valid tag-list: expected a tag name at \"\u0001 a=x\"",
        "the signature has no v= tag: it needs v=1 (RFC 6376 requires it; signatures of the pre-RFC drafts lack it)");
  }

  @Test
  void should_permerror_when_a_tag_value_holds_a_control_character() {
    // One field-wide scan finds the control octet wherever it falls in an 8-octet word; folding (HT, CR, LF) is not one.
    for (String control : List.of("\u0001", "\u001f", "\u007f", "\u0000")) {
      for (int at = 1; at < 10; at++) { // inside the value: at its ends, Java white space (0x1c-0x1f) is stripped
        String value = "sample.co.jp".substring(0, at) + control + "sample.co.jp".substring(at);
        byte[] signed = DkimVerifierTest.concat(("DKIM-Signature: v=1; a=ed25519-sha256;\r\n\td=sample.co.jp; s=ed; h=from; z=" + value
            + "; bh=AAAA; b=AAAA\r\n").getBytes(StandardCharsets.ISO_8859_1), MESSAGE.getBytes(StandardCharsets.US_ASCII));
        DkimSignatureResult result = verifier.verify(signed).get(0);
        assertThat(result.reason()).as("control %s at %d", (int) control.charAt(0), at)
            .isEqualTo("the DKIM-Signature field is not a valid tag-list: tag \"z\" holds a control character");
      }
    }
  }

  @Test
  void should_never_throw_when_valid_signatures_are_mutated_at_random() {
    // GIVEN: a fixed seed, so a failure can be replayed
    Random random = new Random(20250601L);
    DkimKeyPair rsa = DkimVerifierTest.RSA;
    zone.dkimKeyRecord(rsa.selector(), rsa.domain(), rsa.publicKeyRecord());
    List<byte[]> originals = List.of(
        TestSigner.with(KEY).folded().sign(MESSAGE),
        TestSigner.with(rsa).tag("c", "simple/simple").tag("l", "20").tag("i", "a@sample.co.jp").sign(MESSAGE),
        TestSigner.with(rsa).tag("h", "from:from:to:subject:subject").tag("x", "1900000000").tag("t", "1700000000").sign(MESSAGE));
    int passes = 0;
    for (int round = 0; round < 3000; round++) {
      byte[] original = originals.get(round % originals.size());
      byte[] mutated = mutate(original, random);
      // WHEN
      List<DkimSignatureResult> results = verifier.verify(mutated);
      // THEN
      for (DkimSignatureResult r : results) {
        assertThat(r.reason()).isNotBlank();
        assertThat(r.authenticationResultsPart()).startsWith("dkim=" + r.code().keyword());
        if (r.code() == DkimResultCode.PASS) {
          passes++;
        }
      }
    }
    // Some mutations are harmless (whitespace in relaxed, bytes after l=); most are not.
    assertThat(passes).isBetween(1, 2999);
  }

  @Test
  void should_never_throw_when_key_records_are_mutated_at_random() {
    Random random = new Random(8463L);
    byte[] signed = TestSigner.with(KEY).sign(MESSAGE);
    String record = KEY.publicKeyRecord();
    for (int round = 0; round < 1000; round++) {
      byte[] mutated = mutate(record.getBytes(StandardCharsets.ISO_8859_1), random);
      DnsZone own = DnsZone.create().dkimKeyRecord(KEY.selector(), KEY.domain(), new String(mutated, StandardCharsets.ISO_8859_1));
      List<DkimSignatureResult> results = DkimVerifier.builder(own.resolver()).build().verify(signed);
      assertThat(results).hasSize(1);
      assertThat(results.get(0).reason()).isNotBlank();
    }
  }

  @Test
  void should_give_same_results_when_one_verifier_is_shared_by_threads() throws Exception {
    // GIVEN
    byte[] good = TestSigner.with(KEY).sign(MESSAGE);
    byte[] bad = DkimVerifierTest.replace(good, "Thank you", "Thanks");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<DkimResultCode>> futures = new ArrayList<>();
      for (int k = 0; k < 200; k++) {
        byte[] message = k % 2 == 0 ? good : bad;
        futures.add(pool.submit(() -> verifier.verify(message).get(0).code()));
      }
      // THEN
      for (int k = 0; k < futures.size(); k++) {
        assertThat(futures.get(k).get(30, TimeUnit.SECONDS)).isEqualTo(k % 2 == 0 ? DkimResultCode.PASS : DkimResultCode.FAIL);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void should_finish_quickly_when_h_and_header_are_huge() {
    // 20 000 header fields and an h= of 20 000 names: linear work, not quadratic.
    StringBuilder headers = new StringBuilder();
    StringBuilder h = new StringBuilder("from");
    for (int k = 0; k < 20_000; k++) {
      headers.append("X-Filler: ").append(k).append("\r\n");
      h.append(":x-filler");
    }
    byte[] signed = TestSigner.with(KEY).tag("h", h.toString()).sign(headers + MESSAGE);
    assertThat(verifier.verify(signed).get(0).code()).isEqualTo(DkimResultCode.PASS);
  }

  @Test
  void should_finish_quickly_when_signature_has_200000_tags() {
    StringBuilder field = new StringBuilder("DKIM-Signature: v=1");
    for (int k = 0; k < 200_000; k++) {
      field.append("; t").append(k).append("=x");
    }
    byte[] message = DkimVerifierTest.concat(field.append("; v=1\r\n").toString(), MESSAGE.getBytes(StandardCharsets.US_ASCII));
    DkimSignatureResult result = verifier.verify(message).get(0);
    assertThat(result.reason()).isEqualTo("the DKIM-Signature field has the tag \"v=\" twice (RFC 6376 section 3.2)");
  }

  /** One random edit: flip, insert, delete, duplicate a span, or cut the message. */
  private static byte[] mutate(byte[] original, Random random) {
    byte[] m = original.clone();
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int pos = random.nextInt(Math.max(1, Math.min(m.length, 400)));
      switch (random.nextInt(6)) {
        case 0 -> m[pos] = (byte) random.nextInt(256);
        case 1 -> m[pos] = (byte) " ;=:\t\r\n/+".charAt(random.nextInt(9));
        case 2 -> m = splice(m, pos, 0, new byte[] {(byte) "; =abx\r\n".charAt(random.nextInt(8))});
        case 3 -> m = splice(m, pos, Math.min(m.length - pos, 1 + random.nextInt(5)), new byte[0]);
        case 4 -> m = splice(m, pos, 0, java.util.Arrays.copyOfRange(m, pos, Math.min(m.length, pos + 1 + random.nextInt(30))));
        default -> m = java.util.Arrays.copyOf(m, pos);
      }
    }
    return m;
  }

  private static byte[] splice(byte[] m, int pos, int remove, byte[] insert) {
    byte[] out = new byte[m.length - remove + insert.length];
    System.arraycopy(m, 0, out, 0, pos);
    System.arraycopy(insert, 0, out, pos, insert.length);
    System.arraycopy(m, pos + remove, out, pos + insert.length, m.length - pos - remove);
    return out;
  }
}
