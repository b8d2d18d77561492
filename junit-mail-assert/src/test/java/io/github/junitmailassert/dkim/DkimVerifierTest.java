package io.github.junitmailassert.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.dns.DnsZone;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DkimVerifierTest {

  // Immutable keys, shared to keep RSA key generation out of every test.
  static final DkimKeyPair RSA = DkimKeyPair.rsa("sel", "sample.co.jp");
  static final DkimKeyPair ED25519 = DkimKeyPair.ed25519("ed", "sample.co.jp");
  static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

  static final String MESSAGE = "From: Sender <info@sample.co.jp>\r\n"
      + "To: user@example.com\r\n"
      + "Subject: Your order\r\n"
      + "Date: Sun, 1 Jun 2025 09:00:00 +0900\r\n"
      + "Message-ID: <1@sample.co.jp>\r\n"
      + "\r\n"
      + "Thank you for your order.\r\n"
      + "\r\n"
      + "Sample Shop\r\n";

  private final DnsZone zone = DnsZone.create()
      .dkimKeyRecord("sel", "sample.co.jp", RSA.publicKeyRecord())
      .dkimKeyRecord("ed", "sample.co.jp", ED25519.publicKeyRecord());

  @Test
  void should_pass_when_rsa_sha256_signature_verifies() {
    // GIVEN
    byte[] signed = TestSigner.with(RSA).sign(MESSAGE);
    // WHEN
    List<DkimSignatureResult> results = verifier().verify(signed);
    // THEN
    assertThat(results).hasSize(1);
    DkimSignatureResult result = results.get(0);
    assertThat(result.code()).isEqualTo(DkimResultCode.PASS);
    assertThat(result.isPass()).isTrue();
    assertThat(result.domain()).isEqualTo("sample.co.jp");
    assertThat(result.selector()).isEqualTo("sel");
    assertThat(result.identity()).isEqualTo("@sample.co.jp");
    assertThat(result.algorithm()).isEqualTo("rsa-sha256");
    assertThat(result.keyBits()).isEqualTo(2048);
    assertThat(result.testing()).isFalse();
    assertThat(result.reason()).isEqualTo("verified with the rsa-sha256 key (2048 bits) at sel._domainkey.sample.co.jp");
    assertThat(result.authenticationResultsPart()).startsWith("dkim=pass header.d=sample.co.jp header.s=sel header.b=");
    assertThat(result.headerB()).hasSize(8);
  }

  @Test
  void should_pass_when_ed25519_signature_verifies() {
    DkimSignatureResult result = single(TestSigner.with(ED25519).sign(MESSAGE));
    assertThat(result.code()).as(result.reason()).isEqualTo(DkimResultCode.PASS);
    assertThat(result.algorithm()).isEqualTo("ed25519-sha256");
    assertThat(result.keyBits()).isEqualTo(256);
  }

  @ParameterizedTest
  @ValueSource(strings = {"simple/simple", "simple/relaxed", "relaxed/simple", "relaxed/relaxed", "simple", "relaxed"})
  void should_pass_when_any_canonicalization_is_used(String c) {
    DkimSignatureResult result = single(TestSigner.with(RSA).tag("c", c).folded().sign(MESSAGE));
    assertThat(result.code()).as(result.reason()).isEqualTo(DkimResultCode.PASS);
  }

  @Test
  void should_pass_when_c_is_absent_which_means_simple_simple() {
    DkimSignatureResult result = single(TestSigner.with(RSA).tag("c", null).sign(MESSAGE));
    assertThat(result.code()).as(result.reason()).isEqualTo(DkimResultCode.PASS);
  }

  @Test
  void should_pass_relaxed_and_fail_simple_when_a_relay_rewraps_whitespace() {
    // GIVEN: a relay changes header case and spacing, and adds trailing spaces in the body
    String rewrapped = MESSAGE.replace("Subject: Your order", "subject:   Your   order ").replace("Sample Shop\r\n", "Sample Shop  \r\n");
    byte[] relaxed = resign(TestSigner.with(RSA).tag("c", "relaxed/relaxed"), rewrapped);
    byte[] simple = resign(TestSigner.with(RSA).tag("c", "simple/simple"), rewrapped);
    // THEN
    assertThat(single(relaxed).code()).isEqualTo(DkimResultCode.PASS);
    assertThat(single(simple).code()).isEqualTo(DkimResultCode.FAIL);
  }

  @Test
  void should_fail_with_body_hash_reason_when_body_was_changed() {
    // GIVEN
    byte[] signed = replace(TestSigner.with(RSA).sign(MESSAGE), "Thank you", "Thank YOU");
    // WHEN
    DkimSignatureResult result = single(signed);
    // THEN
    assertThat(result.code()).isEqualTo(DkimResultCode.FAIL);
    assertThat(result.reason()).isEqualTo("body hash did not verify: the body was changed after signing (a footer added,"
        + " line ends, encoding or trailing spaces changed), or the signer hashed it with another canonicalization than"
        + " c=relaxed/relaxed or before what the signer hashed");
    assertThat(result.authenticationResultsPart()).startsWith("dkim=fail header.d=sample.co.jp header.s=sel header.b=");
  }

  @Test
  void should_fail_with_signature_reason_when_signed_header_was_changed() {
    DkimSignatureResult result = single(replace(TestSigner.with(ED25519).sign(MESSAGE), "Your order", "Your 0rder"));
    assertThat(result.code()).isEqualTo(DkimResultCode.FAIL);
    assertThat(result.reason()).isEqualTo("signature did not verify: a signed header field (h=from:to:subject:date) was"
        + " changed after signing, or the key at ed._domainkey.sample.co.jp is not the one the signer used");
  }

  @Test
  void should_pass_when_an_unsigned_header_is_added() {
    byte[] signed = TestSigner.with(RSA).sign(MESSAGE);
    byte[] relayed = concat("Received: from mail.sample.co.jp by mx.example.com; Sun, 1 Jun 2025 09:00:01 +0900\r\n", signed);
    assertThat(single(relayed).code()).isEqualTo(DkimResultCode.PASS);
  }

  @Test
  void should_fail_when_a_header_is_added_that_was_over_signed() {
    // GIVEN: h= names Subject twice though the message has one: a second Subject must not appear
    byte[] signed = TestSigner.with(RSA).tag("h", "from:to:subject:subject:date").sign(MESSAGE);
    // WHEN
    DkimSignatureResult untouched = single(signed);
    DkimSignatureResult added = single(replace(signed, "Subject: Your order\r\n", "Subject: Your order\r\nSubject: You won\r\n"));
    // THEN
    assertThat(untouched.code()).as(untouched.reason()).isEqualTo(DkimResultCode.PASS);
    assertThat(added.code()).isEqualTo(DkimResultCode.FAIL);
  }

  @Test
  void should_select_header_instances_from_the_bottom_when_a_name_repeats() {
    // GIVEN: two Received fields, h= signs one: the bottom one
    String message = "Received: top\r\nReceived: bottom\r\n" + MESSAGE;
    byte[] signed = TestSigner.with(RSA).tag("h", "from:received").sign(message);
    // WHEN
    DkimSignatureResult topChanged = single(replace(signed, "Received: top", "Received: TOP"));
    DkimSignatureResult bottomChanged = single(replace(signed, "Received: bottom", "Received: BOTTOM"));
    // THEN
    assertThat(topChanged.code()).isEqualTo(DkimResultCode.PASS);
    assertThat(bottomChanged.code()).isEqualTo(DkimResultCode.FAIL);
  }

  @Test
  void should_pass_when_text_is_appended_after_l_octets() {
    byte[] signed = TestSigner.with(RSA).tag("c", "simple/simple").tag("l", "28").sign(MESSAGE);
    byte[] withFooter = concat(signed, "-- \r\nSent through a mailing list\r\n");
    assertThat(single(withFooter).code()).isEqualTo(DkimResultCode.PASS);
  }

  @Test
  void should_permerror_when_l_is_longer_than_the_body() {
    byte[] signed = TestSigner.with(RSA).tag("c", "simple/simple").tag("l", "28").sign(MESSAGE);
    DkimSignatureResult cut = single(replace(signed, "Thank you for your order.\r\n\r\nSample Shop\r\n", "Thanks\r\n"));
    assertThat(cut.code()).isEqualTo(DkimResultCode.PERMERROR);
    assertThat(cut.reason()).isEqualTo("l=28 is longer than the canonicalized body (8 octets): the body was cut after"
        + " signing, or the signer wrote a wrong l=");
  }

  @Test
  void should_pass_when_identity_is_a_subdomain_and_permerror_when_outside() {
    DkimSignatureResult sub = single(TestSigner.with(RSA).tag("i", "info@news.sample.co.jp").sign(MESSAGE));
    DkimSignatureResult qp = single(TestSigner.with(RSA).tag("i", "info=40sample.co.jp").sign(MESSAGE));
    DkimSignatureResult outside = single(TestSigner.with(RSA).tag("i", "info@example.com").sign(MESSAGE));
    assertThat(sub.code()).isEqualTo(DkimResultCode.PASS);
    assertThat(sub.identity()).isEqualTo("info@news.sample.co.jp");
    assertThat(qp.code()).isEqualTo(DkimResultCode.PASS);
    assertThat(qp.identity()).isEqualTo("info@sample.co.jp");
    assertThat(outside.code()).isEqualTo(DkimResultCode.PERMERROR);
    assertThat(outside.reason()).isEqualTo("i=info@example.com is not in the signing domain d=sample.co.jp: the i= domain"
        + " must be d= or a subdomain of it (RFC 6376 section 3.5)");
  }

  @Test
  void should_permerror_when_signature_expired_before_the_clock() {
    // GIVEN
    byte[] signed = TestSigner.with(RSA).tag("t", "1748700000").tag("x", "1748736000").sign(MESSAGE);
    // WHEN
    DkimSignatureResult before = single(signed, Clock.fixed(Instant.ofEpochSecond(1748735999), ZoneOffset.UTC));
    DkimSignatureResult after = single(signed, Clock.fixed(Instant.ofEpochSecond(1748736001), ZoneOffset.UTC));
    // THEN
    assertThat(before.code()).isEqualTo(DkimResultCode.PASS);
    assertThat(after.code()).isEqualTo(DkimResultCode.PERMERROR);
    assertThat(after.reason()).isEqualTo("signature expired at 2025-06-01T00:00:00Z (x=1748736000), clock is"
        + " 2025-06-01T00:00:01Z: sign with a later x=, or none");
  }

  @Test
  void should_permerror_when_x_is_before_t() {
    DkimSignatureResult result = single(TestSigner.with(RSA).tag("t", "1748736000").tag("x", "1748700000").sign(MESSAGE),
        Clock.fixed(Instant.ofEpochSecond(1700000000), ZoneOffset.UTC));
    assertThat(result.reason()).isEqualTo("x=1748700000 is before t=1748736000: the signature expires before it was made");
  }

  @Test
  void should_permerror_with_publish_advice_when_no_key_record_exists() {
    DkimSignatureResult result = single(TestSigner.with(DkimKeyPair.ed25519("missing", "sample.co.jp")).sign(MESSAGE));
    assertThat(result.code()).isEqualTo(DkimResultCode.PERMERROR);
    assertThat(result.reason()).isEqualTo("no key record at missing._domainkey.sample.co.jp (NXDOMAIN): publish the"
        + " signer's public key there as a TXT record, v=DKIM1; k=ed25519; p=<base64>");
    assertThat(result.keyBits()).isZero();
    assertThat(result.authenticationResultsPart()).startsWith("dkim=permerror header.d=sample.co.jp header.s=missing");
  }

  @Test
  void should_temperror_when_key_lookup_times_out() {
    zone.timeout("slow._domainkey.sample.co.jp");
    DkimSignatureResult result = single(TestSigner.with(DkimKeyPair.ed25519("slow", "sample.co.jp")).sign(MESSAGE));
    assertThat(result.code()).isEqualTo(DkimResultCode.TEMPERROR);
    assertThat(result.reason()).isEqualTo("the key record at slow._domainkey.sample.co.jp could not be fetched (timed out):"
        + " a DNS error, a later attempt may succeed");
  }

  @Test
  void should_mark_testing_when_key_record_says_t_y() {
    DkimKeyPair key = DkimKeyPair.ed25519("testing", "sample.co.jp");
    zone.dkimKeyRecord("testing", "sample.co.jp", key.publicKeyRecord() + "; t=y");
    DkimSignatureResult result = single(TestSigner.with(key).sign(MESSAGE));
    assertThat(result.code()).isEqualTo(DkimResultCode.PASS);
    assertThat(result.testing()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "v=DKIM1; p=|the key at k._domainkey.sample.co.jp is revoked (empty p=): sign with a key whose record has p=<base64>",
      "v=DKIM1; k=ed25519|the key record at k._domainkey.sample.co.jp has no p= tag: publish the public key as p=<base64>",
      "v=DKIM2; p=AAAA|the key record at k._domainkey.sample.co.jp says v=DKIM2: a DKIM key record says v=DKIM1 or has no v=",
      "k=dsa; p=AAAA|the key record at k._domainkey.sample.co.jp has k=dsa, a key type DKIM does not know (rsa, ed25519)",
      "p=AAAA|the key record at k._domainkey.sample.co.jp holds a k=rsa key, but the signature is a=ed25519-sha256: publish"
          + " the ed25519 key under another selector",
      "k=ed25519; h=sha1; p=AAAA|the key record at k._domainkey.sample.co.jp allows only h=sha1, not the sha256 the signature uses",
      "k=ed25519; s=other; p=AAAA|the key record at k._domainkey.sample.co.jp is for service s=other, not email: publish it"
          + " with s=email or without s=",
      "k=ed25519; p=!!notbase64|the key record at k._domainkey.sample.co.jp has a p= that is not valid base64"
          + " (Illegal base64 character 21)",
      "k=ed25519; p=AAAA|the ed25519 key at k._domainkey.sample.co.jp is 3 octets, not 32: RFC 8463 publishes the raw key in"
          + " p=, not a SubjectPublicKeyInfo",
      "k=ed25519; t; p=AAAA|the key record at k._domainkey.sample.co.jp is not a valid tag-list: tag \"t\" has no \"=\"",
      "v=DKIM1; p=AAAA; p=AAAA|the key record at k._domainkey.sample.co.jp has the tag \"p=\" twice (RFC 6376 section 3.2)"})
  void should_permerror_with_reason_when_key_record_is_unusable(String recordAndReason) {
    // GIVEN
    String[] parts = recordAndReason.split("\\|");
    DkimKeyPair key = DkimKeyPair.ed25519("k", "sample.co.jp");
    zone.dkimKeyRecord("k", "sample.co.jp", parts[0]);
    // WHEN
    DkimSignatureResult result = single(TestSigner.with(key).sign(MESSAGE));
    // THEN
    assertThat(result.code()).isEqualTo(DkimResultCode.PERMERROR);
    assertThat(result.reason()).isEqualTo(parts[1]);
  }

  @Test
  void should_permerror_when_rsa_record_holds_no_rsa_key() {
    // An Ed25519 SubjectPublicKeyInfo published as k=rsa: the wrong type of key.
    DkimKeyPair rsaName = DkimKeyPair.rsa("wrong", "sample.co.jp", 1024);
    zone.dkimKeyRecord("wrong", "sample.co.jp", "k=rsa; p=" + java.util.Base64.getEncoder().encodeToString(ED25519.publicKey().getEncoded()));
    DkimSignatureResult result = single(TestSigner.with(rsaName).sign(MESSAGE));
    assertThat(result.code()).isEqualTo(DkimResultCode.PERMERROR);
    assertThat(result.reason()).startsWith("the key record at wrong._domainkey.sample.co.jp has a p= that is not a rsa public key");
  }

  @Test
  void should_ignore_g_and_unknown_tags_when_key_record_has_them() {
    DkimKeyPair key = DkimKeyPair.ed25519("g", "sample.co.jp");
    zone.dkimKeyRecord("g", "sample.co.jp", key.publicKeyRecord() + "; g=nobody; n=notes; zz=unknown");
    assertThat(single(TestSigner.with(key).sign(MESSAGE)).code()).isEqualTo(DkimResultCode.PASS);
  }

  @Test
  void should_permerror_when_strict_key_and_identity_in_subdomain() {
    DkimKeyPair key = DkimKeyPair.ed25519("strict", "sample.co.jp");
    zone.dkimKeyRecord("strict", "sample.co.jp", key.publicKeyRecord() + "; t=s");
    DkimSignatureResult same = single(TestSigner.with(key).tag("i", "info@sample.co.jp").sign(MESSAGE));
    DkimSignatureResult sub = single(TestSigner.with(key).tag("i", "info@news.sample.co.jp").sign(MESSAGE));
    assertThat(same.code()).isEqualTo(DkimResultCode.PASS);
    assertThat(sub.code()).isEqualTo(DkimResultCode.PERMERROR);
    assertThat(sub.reason()).isEqualTo("the key record at strict._domainkey.sample.co.jp has t=s (strict):"
        + " i=info@news.sample.co.jp must be in d=sample.co.jp itself, not a subdomain");
  }

  @Test
  void should_give_policy_for_rsa_sha1_unless_legacy_receivers_are_modelled() {
    // GIVEN
    byte[] signed = TestSigner.with(RSA).algorithm("rsa-sha1").sign(MESSAGE);
    // WHEN
    DkimSignatureResult modern = single(signed);
    DkimSignatureResult legacy = DkimVerifier.builder(zone.resolver()).allowLegacyRsaSha1(true).build().verify(signed).get(0);
    // THEN
    assertThat(modern.code()).isEqualTo(DkimResultCode.POLICY);
    assertThat(modern.reason()).isEqualTo("the signature verifies, but a=rsa-sha1 is not accepted (RFC 8301 section 3.1):"
        + " sign with rsa-sha256");
    assertThat(modern.authenticationResultsPart()).startsWith("dkim=policy header.d=sample.co.jp");
    assertThat(legacy.code()).isEqualTo(DkimResultCode.PASS);
  }

  @Test
  void should_give_policy_for_rsa_key_under_1024_bits_unless_minimum_is_lowered() {
    // GIVEN
    DkimKeyPair small = DkimKeyPair.publishedIn(zone, "small", "sample.co.jp", DkimAlgorithm.ED25519_SHA256);
    DkimKeyPair weak = DkimKeyPair.rsa("weak", "sample.co.jp", 512);
    zone.dkimKeyRecord("weak", "sample.co.jp", weak.publicKeyRecord());
    byte[] signed = TestSigner.with(weak).sign(MESSAGE);
    // WHEN
    DkimSignatureResult modern = single(signed);
    DkimSignatureResult legacy = DkimVerifier.builder(zone.resolver()).minimumRsaKeyBits(512).build().verify(signed).get(0);
    // THEN
    assertThat(modern.code()).isEqualTo(DkimResultCode.POLICY);
    assertThat(modern.keyBits()).isEqualTo(512);
    assertThat(modern.reason()).isEqualTo("the signature verifies, but the RSA key at weak._domainkey.sample.co.jp has"
        + " 512 bits, under the 1024 receivers require (RFC 8301 section 3.2): publish a 2048-bit key");
    assertThat(legacy.code()).isEqualTo(DkimResultCode.PASS);
    assertThat(single(TestSigner.with(small).sign(MESSAGE)).code()).isEqualTo(DkimResultCode.PASS);
  }

  @Test
  void should_return_empty_list_when_message_is_not_signed() {
    assertThat(verifier().verify(MESSAGE.getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(verifier().verify(new byte[0])).isEmpty();
    assertThat(verifier().verify((byte[]) null)).isEmpty();
  }

  @Test
  void should_verify_each_signature_on_its_own_in_order() {
    // GIVEN: an ed25519 signature over an rsa one, and a third that is broken
    byte[] signed = TestSigner.with(ED25519).sign(TestSigner.with(RSA).sign(MESSAGE));
    byte[] three = concat("DKIM-Signature: v=1; a=rsa-sha256; d=sample.co.jp\r\n", signed);
    // WHEN
    List<DkimSignatureResult> results = verifier().verify(three);
    // THEN
    assertThat(results).extracting(DkimSignatureResult::code)
        .containsExactly(DkimResultCode.PERMERROR, DkimResultCode.PASS, DkimResultCode.PASS);
    assertThat(results).extracting(DkimSignatureResult::algorithm)
        .containsExactly("rsa-sha256", "ed25519-sha256", "rsa-sha256");
    assertThat(results.get(0).reason()).isEqualTo("the signature has no b= tag: it needs the signature b=");
  }

  @Test
  void should_give_neutral_to_signatures_beyond_the_maximum() {
    byte[] signed = TestSigner.with(ED25519).sign(TestSigner.with(ED25519).sign(TestSigner.with(ED25519).sign(MESSAGE)));
    List<DkimSignatureResult> results = DkimVerifier.builder(zone.resolver()).maximumSignatures(2).build().verify(signed);
    assertThat(results).extracting(DkimSignatureResult::code).containsExactly(DkimResultCode.PASS, DkimResultCode.PASS, DkimResultCode.NEUTRAL);
    assertThat(results.get(2).reason()).isEqualTo("not verified: this verifier checks at most 2 signatures per message (maximumSignatures)");
  }

  @Test
  void should_pass_when_headers_carry_utf8_text() {
    String utf8 = MESSAGE.replace("Subject: Your order", "Subject: ご注文ありがとうございます").replace("Sender", "Größe 送信者");
    assertThat(single(TestSigner.with(RSA).tag("c", "relaxed/relaxed").sign(utf8)).code()).isEqualTo(DkimResultCode.PASS);
    assertThat(single(TestSigner.with(RSA).tag("c", "simple/simple").sign(utf8)).code()).isEqualTo(DkimResultCode.PASS);
  }

  @Test
  void should_pass_when_a_crlf_signed_message_is_stored_with_bare_lf() {
    for (String c : List.of("simple/simple", "relaxed/relaxed")) {
      byte[] signed = TestSigner.with(RSA).tag("c", c).folded().sign(MESSAGE);
      byte[] lf = new String(signed, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").getBytes(StandardCharsets.ISO_8859_1);
      assertThat(single(lf).code()).as(c).isEqualTo(DkimResultCode.PASS);
    }
  }

  @Test
  void should_verify_a_10_megabyte_body() {
    // GIVEN: 10 MB of lines with runs of whitespace, which relaxed canonicalization works on
    StringBuilder body = new StringBuilder(10_500_000);
    while (body.length() < 10_000_000) {
      body.append("line \t of  text   with    spaces\t\t\r\n");
    }
    String message = MESSAGE + body;
    byte[] relaxed = TestSigner.with(ED25519).tag("c", "relaxed/relaxed").sign(message);
    // WHEN
    DkimSignatureResult result = single(relaxed);
    DkimSignatureResult changed = single(concat(relaxed, "x\r\n"));
    // THEN
    assertThat(result.code()).isEqualTo(DkimResultCode.PASS);
    assertThat(changed.code()).isEqualTo(DkimResultCode.FAIL);
  }

  @Test
  void should_quote_header_b_when_it_is_not_a_token() {
    DkimSignatureResult result = new DkimSignatureResult(DkimResultCode.PASS, "sample.co.jp", "sel", "@sample.co.jp",
        "rsa-sha256", 2048, "ab/+cd=e", "ok", false);
    assertThat(result.authenticationResultsPart()).isEqualTo("dkim=pass header.d=sample.co.jp header.s=sel header.b=\"ab/+cd=e\"");
  }

  private DkimVerifier verifier() {
    return DkimVerifier.builder(zone.resolver()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }

  private DkimSignatureResult single(byte[] message) {
    return single(message, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private DkimSignatureResult single(byte[] message, Clock clock) {
    List<DkimSignatureResult> results = DkimVerifier.builder(zone.resolver()).clock(clock).build().verify(message);
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  /** Signs the message as written, so a test can show what canonicalization tolerates after signing. */
  private static byte[] resign(TestSigner signer, String changed) {
    byte[] signed = signer.sign(MESSAGE);
    String text = new String(signed, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\nFrom:") + 2;
    return (text.substring(0, end) + changed).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] replace(byte[] message, String from, String to) {
    String text = new String(message, StandardCharsets.ISO_8859_1);
    assertThat(text).contains(from);
    return text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] concat(String head, byte[] tail) {
    return concat(head.getBytes(StandardCharsets.ISO_8859_1), tail);
  }

  static byte[] concat(byte[] head, String tail) {
    return concat(head, tail.getBytes(StandardCharsets.ISO_8859_1));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
