package io.github.junitmailassert.internal.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CanonicalizationTest {

  // RFC 6376 section 3.4.6, the example message.
  private static final String HEADER_A = "A: X";
  private static final String HEADER_B = "B : Y\t\r\n\tZ  ";
  private static final String BODY = " C \r\nD \t E\r\n\r\n\r\n";

  @Test
  void should_canonicalize_headers_as_rfc6376_example_when_relaxed() {
    // WHEN
    String a = header(Canonicalization.RELAXED, HEADER_A);
    String b = header(Canonicalization.RELAXED, HEADER_B);
    // THEN
    assertThat(a + b).isEqualTo("a:X\r\nb:Y Z\r\n");
  }

  @Test
  void should_keep_headers_as_received_when_simple() {
    assertThat(header(Canonicalization.SIMPLE, HEADER_B)).isEqualTo("B : Y\t\r\n\tZ  \r\n");
  }

  @Test
  void should_turn_bare_lf_into_crlf_when_simple_header_is_folded_with_lf() {
    assertThat(header(Canonicalization.SIMPLE, "B : Y\n\tZ")).isEqualTo("B : Y\r\n\tZ\r\n");
  }

  @Test
  void should_canonicalize_body_as_rfc6376_example() {
    assertThat(body(Canonicalization.RELAXED, BODY)).isEqualTo(" C\r\nD E\r\n");
    assertThat(body(Canonicalization.SIMPLE, BODY)).isEqualTo(" C \r\nD \t E\r\n");
  }

  @Test
  void should_hash_empty_body_as_rfc6376_says_when_body_is_empty() {
    // RFC 6376 section 3.4.3 and 3.4.4: simple is one CRLF, relaxed is nothing.
    assertThat(bodyHash(Canonicalization.SIMPLE, "")).isEqualTo("frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY=");
    assertThat(bodyHash(Canonicalization.RELAXED, "")).isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    assertThat(bodyHash(Canonicalization.SIMPLE, "\r\n\r\n")).isEqualTo("frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY=");
  }

  @Test
  void should_treat_bare_lf_as_crlf_when_body_uses_lf() {
    assertThat(body(Canonicalization.SIMPLE, "a\nb \n\n")).isEqualTo("a\r\nb \r\n");
    assertThat(body(Canonicalization.RELAXED, "a\nb \n  \n")).isEqualTo("a\r\nb\r\n");
  }

  @Test
  void should_add_final_crlf_when_body_does_not_end_with_one() {
    assertThat(body(Canonicalization.SIMPLE, "a")).isEqualTo("a\r\n");
    assertThat(body(Canonicalization.RELAXED, "a \t")).isEqualTo("a\r\n");
  }

  @Test
  void should_stop_at_limit_when_l_is_given() {
    // GIVEN
    byte[] message = "x\r\n\r\nhello world\r\nmore\r\n".getBytes(StandardCharsets.US_ASCII);
    // WHEN
    Canonicalization.BodyHash hash = Canonicalization.SIMPLE.bodyHash(message, 5, sha256(), 5);
    Canonicalization.BodyHash whole = Canonicalization.SIMPLE.bodyHash(message, 5, sha256(), 1000);
    // THEN
    assertThat(hash.hashedLength()).isEqualTo(5);
    assertThat(hash.reachedLimit()).isTrue();
    assertThat(hash.digest()).isEqualTo(sha256().digest("hello".getBytes(StandardCharsets.US_ASCII)));
    assertThat(whole.hashedLength()).isEqualTo(19);
    assertThat(whole.reachedLimit()).isFalse();
  }

  private static String header(Canonicalization c, String field) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    c.header(field.getBytes(StandardCharsets.ISO_8859_1), true, out::write);
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  /** The canonical body itself, captured through a digest that records what it is fed. */
  private static String body(Canonicalization c, String body) {
    RecordingDigest recording = new RecordingDigest();
    c.bodyHash(body.getBytes(StandardCharsets.ISO_8859_1), 0, recording, Long.MAX_VALUE);
    return recording.seen();
  }

  private static String bodyHash(Canonicalization c, String body) {
    return Base64.getEncoder().encodeToString(
        c.bodyHash(body.getBytes(StandardCharsets.ISO_8859_1), 0, sha256(), Long.MAX_VALUE).digest());
  }

  private static MessageDigest sha256() {
    return SigningAlgorithm.RSA_SHA256.newDigest();
  }
}
