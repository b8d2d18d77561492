package io.github.junitmailassert.internal.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Edge cases of canonicalization where a bulk implementation could go wrong. The expected values
 * are what the byte-at-a-time implementation produced (checked against it before it was replaced),
 * so a change here is a change of behaviour, not a refactoring.
 */
class CanonicalizationEdgeCasesTest {

  // Trailing and inner empty lines ---------------------------------------------------------------

  @Test
  void should_drop_trailing_empty_lines_when_simple() {
    assertThat(body(Canonicalization.SIMPLE, "a\r\n\r\n\r\n")).isEqualTo("a\r\n");
    assertThat(body(Canonicalization.SIMPLE, "a\n\n\r\n\n")).isEqualTo("a\r\n");
    assertThat(body(Canonicalization.SIMPLE, "\r\n\r\nb\r\n\r\n")).isEqualTo("\r\n\r\nb\r\n");
    assertThat(body(Canonicalization.SIMPLE, "a\r\n \t\r\n\r\n")).isEqualTo("a\r\n \t\r\n");
    assertThat(body(Canonicalization.SIMPLE, "a\r\n\n\r\nb")).isEqualTo("a\r\n\r\n\r\nb\r\n");
  }

  @Test
  void should_drop_trailing_empty_and_blank_lines_when_relaxed() {
    assertThat(body(Canonicalization.RELAXED, "a\r\n\r\n\r\n")).isEqualTo("a\r\n");
    assertThat(body(Canonicalization.RELAXED, "a\r\n \t\r\n\r\n\t")).isEqualTo("a\r\n");
    assertThat(body(Canonicalization.RELAXED, "\r\n \r\nb\r\n\r\n")).isEqualTo("\r\n\r\nb\r\n");
    assertThat(body(Canonicalization.RELAXED, "a\r\n\r\n \r\n\tb")).isEqualTo("a\r\n\r\n\r\n b\r\n");
    assertThat(body(Canonicalization.RELAXED, "a\n\n  \n\r\nb\n")).isEqualTo("a\r\n\r\n\r\n\r\nb\r\n");
  }

  @Test
  void should_hash_blank_only_body_as_empty_when_relaxed() {
    assertThat(body(Canonicalization.RELAXED, "  \r\n\t\r\n\r\n")).isEmpty();
    assertThat(body(Canonicalization.SIMPLE, "  \r\n\t\r\n\r\n")).isEqualTo("  \r\n\t\r\n");
  }

  @Test
  void should_hash_one_crlf_when_simple_body_is_empty_after_the_header() {
    // GIVEN a whole message whose body is empty: the body starts at the end
    byte[] message = "A: b\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    // WHEN
    String simple = body(Canonicalization.SIMPLE, message, 8, Long.MAX_VALUE);
    String relaxed = body(Canonicalization.RELAXED, message, 8, Long.MAX_VALUE);
    // THEN
    assertThat(simple).isEqualTo("\r\n");
    assertThat(relaxed).isEmpty();
    assertThat(body(Canonicalization.SIMPLE, "\n")).isEqualTo("\r\n");
    assertThat(body(Canonicalization.RELAXED, "\n\n")).isEmpty();
  }

  @Test
  void should_hash_only_the_body_when_it_starts_inside_the_message() {
    byte[] message = "A:  b \r\n\r\nx  y \r\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(body(Canonicalization.RELAXED, message, 10, Long.MAX_VALUE)).isEqualTo("x y\r\n");
    assertThat(body(Canonicalization.SIMPLE, message, 10, Long.MAX_VALUE)).isEqualTo("x  y \r\n");
  }

  // Whitespace runs, also where a chunk of the implementation could end ---------------------------

  @Test
  void should_reduce_whitespace_runs_to_one_space_when_relaxed() {
    assertThat(body(Canonicalization.RELAXED, "\t a  \t b\tc \r\n")).isEqualTo(" a b c\r\n");
    assertThat(body(Canonicalization.RELAXED, "a" + " ".repeat(20_000) + "b")).isEqualTo("a b\r\n");
    assertThat(body(Canonicalization.RELAXED, "a" + " \t".repeat(10_000) + "\r\nb")).isEqualTo("a\r\nb\r\n");
    assertThat(body(Canonicalization.RELAXED, " ".repeat(9_000) + "\r\n\r\nb")).isEqualTo("\r\n\r\nb\r\n");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 6, 7, 8, 9, 15, 16, 63, 64, 65, 4094, 4095, 4096, 4097, 8189, 8190, 8191, 8192, 8193, 16384})
  void should_reduce_whitespace_run_when_it_starts_at_any_offset(int offset) {
    // GIVEN a run of spaces and tabs that starts at offset and crosses the next few word and block edges
    String text = "x".repeat(offset) + "  \t \t" + "y".repeat(offset % 13) + "z \r\n";
    // WHEN
    String relaxed = body(Canonicalization.RELAXED, text);
    String simple = body(Canonicalization.SIMPLE, text);
    // THEN
    assertThat(relaxed).isEqualTo("x".repeat(offset) + " " + "y".repeat(offset % 13) + "z\r\n");
    assertThat(simple).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 6, 7, 8, 9, 4095, 4096, 8190, 8191, 8192, 8193})
  void should_keep_single_spaces_and_fix_line_ends_at_any_offset(int offset) {
    String text = "x".repeat(offset) + " a b\nc d \n\n e\r\n";
    assertThat(body(Canonicalization.RELAXED, text)).isEqualTo("x".repeat(offset) + " a b\r\nc d\r\n\r\n e\r\n");
    assertThat(body(Canonicalization.SIMPLE, text)).isEqualTo("x".repeat(offset) + " a b\r\nc d \r\n\r\n e\r\n");
  }

  @Test
  void should_keep_a_long_body_of_crlf_lines_as_it_is_when_simple() {
    String text = "line of text\r\n".repeat(3_000) + "last";
    assertThat(body(Canonicalization.SIMPLE, text)).isEqualTo(text + "\r\n");
    assertThat(body(Canonicalization.RELAXED, text)).isEqualTo(text + "\r\n");
  }

  // Bare CR and bare LF -----------------------------------------------------------------------

  @Test
  void should_keep_bare_cr_as_text_in_body() {
    assertThat(body(Canonicalization.SIMPLE, "a\rb\r\n")).isEqualTo("a\rb\r\n");
    assertThat(body(Canonicalization.RELAXED, "a \r b\r\n")).isEqualTo("a \r b\r\n");
    assertThat(body(Canonicalization.SIMPLE, "a\r")).isEqualTo("a\r\r\n");
    assertThat(body(Canonicalization.RELAXED, "a\r")).isEqualTo("a\r\r\n");
    assertThat(body(Canonicalization.SIMPLE, "a\r\r\n")).isEqualTo("a\r\r\n");
    assertThat(body(Canonicalization.RELAXED, "a\r \r\n")).isEqualTo("a\r\r\n");
    assertThat(body(Canonicalization.SIMPLE, "\r")).isEqualTo("\r\r\n");
    assertThat(body(Canonicalization.RELAXED, "\r\n\r")).isEqualTo("\r\n\r\r\n");
    assertThat(body(Canonicalization.SIMPLE, "a\r\n\r\r\n\r\n")).isEqualTo("a\r\n\r\r\n");
  }

  @Test
  void should_take_bare_lf_as_crlf_in_body() {
    assertThat(body(Canonicalization.SIMPLE, "a\nb\r\nc\n")).isEqualTo("a\r\nb\r\nc\r\n");
    assertThat(body(Canonicalization.RELAXED, "a \nb\t\r\n\tc\n")).isEqualTo("a\r\nb\r\n c\r\n");
    assertThat(body(Canonicalization.SIMPLE, "\na")).isEqualTo("\r\na\r\n");
  }

  @Test
  void should_keep_bare_cr_and_fix_bare_lf_in_simple_header() {
    assertThat(header(Canonicalization.SIMPLE, "A: b\rc", true)).isEqualTo("A: b\rc\r\n");
    assertThat(header(Canonicalization.SIMPLE, "A: b\n c\r\n d", true)).isEqualTo("A: b\r\n c\r\n d\r\n");
    assertThat(header(Canonicalization.SIMPLE, "\nA: x", false)).isEqualTo("\r\nA: x");
    assertThat(header(Canonicalization.SIMPLE, "A: x\n\n", false)).isEqualTo("A: x\r\n\r\n");
  }

  @Test
  void should_drop_every_cr_and_lf_of_the_value_in_relaxed_header() {
    assertThat(header(Canonicalization.RELAXED, "A: b\rc", true)).isEqualTo("a:bc\r\n");
    assertThat(header(Canonicalization.RELAXED, "A : \t x \r\n\t y \t", true)).isEqualTo("a:x y\r\n");
    assertThat(header(Canonicalization.RELAXED, "A: x\n y\r\n\r\n", false)).isEqualTo("a:x y");
  }

  // Relaxed header names and values ----------------------------------------------------------------

  @Test
  void should_lowercase_name_and_trim_value_when_relaxed_header() {
    assertThat(header(Canonicalization.RELAXED, "SUBJECT \t: Caf\u00e9  au  LAIT ", true)).isEqualTo("subject:Caf\u00e9 au LAIT\r\n");
    assertThat(header(Canonicalization.RELAXED, "X-\u00c9T\u00c9:v", true)).isEqualTo("x-\u00c9t\u00c9:v\r\n");
    assertThat(header(Canonicalization.RELAXED, "A:", true)).isEqualTo("a:\r\n");
    assertThat(header(Canonicalization.RELAXED, "A:   ", false)).isEqualTo("a:");
    assertThat(header(Canonicalization.RELAXED, "A:" + " ".repeat(10_000) + "v" + "\t".repeat(10_000) + "w", false))
        .isEqualTo("a:v w");
  }

  @Test
  void should_take_the_whole_field_as_name_when_relaxed_header_has_no_colon() {
    assertThat(header(Canonicalization.RELAXED, "No Colon ", true)).isEqualTo("no colon:\r\n");
  }

  // l=, the body length limit -----------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6})
  void should_cut_inside_a_reduced_run_when_limit_falls_there(long limit) {
    // GIVEN "a  \t b" whose canonical form is "a b\r\n" (5 octets)
    byte[] body = "a  \t b\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    // WHEN
    Canonicalization.BodyHash hash = Canonicalization.RELAXED.bodyHash(body, 0, sha256(), limit);
    // THEN
    String canonical = "a b\r\n";
    int cut = (int) Math.min(limit, canonical.length());
    assertThat(body(Canonicalization.RELAXED, body, 0, limit)).isEqualTo(canonical.substring(0, cut));
    assertThat(hash.hashedLength()).isEqualTo(cut);
    assertThat(hash.reachedLimit()).isEqualTo(limit <= canonical.length());
    assertThat(hash.digest()).isEqualTo(sha256().digest(canonical.substring(0, cut).getBytes(StandardCharsets.US_ASCII)));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 100})
  void should_cut_inside_held_back_empty_lines_when_limit_falls_there(long limit) {
    // GIVEN empty lines, one of them a bare LF, between two lines of text
    byte[] body = "a\r\n\n\r\nb\n\r\n".getBytes(StandardCharsets.US_ASCII);
    // WHEN
    Canonicalization.BodyHash simple = Canonicalization.SIMPLE.bodyHash(body, 0, sha256(), limit);
    // THEN
    String canonical = "a\r\n\r\n\r\nb\r\n";
    int cut = (int) Math.min(limit, canonical.length());
    assertThat(body(Canonicalization.SIMPLE, body, 0, limit)).isEqualTo(canonical.substring(0, cut));
    assertThat(body(Canonicalization.RELAXED, body, 0, limit)).isEqualTo(canonical.substring(0, cut));
    assertThat(simple.hashedLength()).isEqualTo(cut);
    assertThat(simple.reachedLimit()).isEqualTo(limit <= canonical.length());
  }

  @Test
  void should_cut_inside_a_long_unchanged_run_when_limit_falls_there() {
    // GIVEN
    byte[] body = ("x".repeat(10_000) + "\r\n" + "y".repeat(10_000)).getBytes(StandardCharsets.US_ASCII);
    // WHEN
    Canonicalization.BodyHash hash = Canonicalization.SIMPLE.bodyHash(body, 0, sha256(), 9_000);
    // THEN
    assertThat(body(Canonicalization.SIMPLE, body, 0, 9_000)).isEqualTo("x".repeat(9_000));
    assertThat(body(Canonicalization.RELAXED, body, 0, 10_001)).isEqualTo("x".repeat(10_000) + "\r");
    assertThat(hash.hashedLength()).isEqualTo(9_000);
    assertThat(hash.reachedLimit()).isTrue();
  }

  @Test
  void should_not_reach_limit_when_dropped_trailing_lines_would_have_filled_it() {
    // GIVEN a body of 3 canonical octets and 4 more of trailing empty lines
    byte[] body = "a\r\n\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    // WHEN
    Canonicalization.BodyHash exact = Canonicalization.SIMPLE.bodyHash(body, 0, sha256(), 3);
    Canonicalization.BodyHash longer = Canonicalization.SIMPLE.bodyHash(body, 0, sha256(), 4);
    // THEN
    assertThat(exact.hashedLength()).isEqualTo(3);
    assertThat(exact.reachedLimit()).isTrue();
    assertThat(longer.hashedLength()).isEqualTo(3);
    assertThat(longer.reachedLimit()).isFalse();
  }

  @Test
  void should_cut_the_crlf_of_an_empty_simple_body_when_limit_is_under_two() {
    byte[] empty = new byte[0];
    assertThat(body(Canonicalization.SIMPLE, empty, 0, 0)).isEmpty();
    assertThat(body(Canonicalization.SIMPLE, empty, 0, 1)).isEqualTo("\r");
    assertThat(Canonicalization.SIMPLE.bodyHash(empty, 0, sha256(), 2).reachedLimit()).isTrue();
    assertThat(Canonicalization.SIMPLE.bodyHash(empty, 0, sha256(), 3).reachedLimit()).isFalse();
    assertThat(Canonicalization.RELAXED.bodyHash(empty, 0, sha256(), 0).reachedLimit()).isTrue();
    assertThat(Canonicalization.RELAXED.bodyHash(empty, 0, sha256(), 1).hashedLength()).isZero();
  }

  // Helpers ----------------------------------------------------------------------------------

  private static String header(Canonicalization c, String field, boolean lineEnd) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    c.header(field.getBytes(StandardCharsets.ISO_8859_1), lineEnd, out::write);
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  private static String body(Canonicalization c, String body) {
    return body(c, body.getBytes(StandardCharsets.ISO_8859_1), 0, Long.MAX_VALUE);
  }

  /** The canonical body itself, through a digest that records what it is fed. */
  private static String body(Canonicalization c, byte[] message, int bodyOffset, long limit) {
    RecordingDigest recording = new RecordingDigest();
    c.bodyHash(message, bodyOffset, recording, limit);
    return recording.seen();
  }

  private static MessageDigest sha256() {
    return SigningAlgorithm.RSA_SHA256.newDigest();
  }
}
