package io.github.junitmailassert.internal.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bulk body canonicalization against RFC 6376 section 3.4 written line by line, on every body
 * of up to seven octets over the octets that matter (text, SP, HTAB, CR, LF), and on seeded random
 * longer ones at every alignment: the scanner's shortcuts must never show in its output.
 */
class CanonicalizationDifferentialTest {

  private static final String OCTETS = "a \t\r\n";
  private static final Pattern WHITESPACE_RUN = Pattern.compile("[ \t]+");

  @Test
  void should_canonicalize_every_short_body_as_the_rfc_reads() {
    int checked = 0;
    for (int length = 0; length <= 7; length++) {
      int[] digits = new int[length];
      for (long n = 0, count = (long) Math.pow(OCTETS.length(), length); n < count; n++) {
        long rest = n;
        for (int k = 0; k < length; k++) {
          digits[k] = (int) (rest % OCTETS.length());
          rest /= OCTETS.length();
        }
        StringBuilder body = new StringBuilder(length);
        for (int digit : digits) {
          body.append(OCTETS.charAt(digit));
        }
        compare(body.toString(), (int) (n & 7), length <= 4);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(97_656);
  }

  @Test
  void should_canonicalize_random_longer_bodies_as_the_rfc_reads() {
    SplittableRandom random = new SplittableRandom(20261202);
    String weighted = "aaaaaaaaaa  \t\r\n\r\n";
    for (int i = 0; i < 10_000; i++) {
      int length = 8 + random.nextInt(200);
      StringBuilder body = new StringBuilder(length);
      for (int k = 0; k < length; k++) {
        body.append(weighted.charAt(random.nextInt(weighted.length())));
      }
      compare(body.toString(), random.nextInt(16), i % 10 == 0);
    }
  }

  /** Both canonicalizations of {@code body}, placed after {@code offset} octets of header, with and without limits. */
  private static void compare(String body, int offset, boolean everyLimit) {
    byte[] message = ("x".repeat(offset) + body).getBytes(StandardCharsets.ISO_8859_1);
    for (Canonicalization c : Canonicalization.values()) {
      String expected = reference(c, body);
      assertThat(canonical(c, message, offset, Long.MAX_VALUE)).as(() -> c + " body " + escaped(body)).isEqualTo(expected);
      long[] limits = everyLimit ? range(expected.length() + 2) : new long[] {0, expected.length() / 2,
          expected.length() - 1L, expected.length()};
      for (long limit : limits) {
        if (limit < 0) {
          continue;
        }
        RecordingDigest recording = new RecordingDigest();
        Canonicalization.BodyHash hash = c.bodyHash(message, offset, recording, limit);
        int cut = (int) Math.min(limit, expected.length());
        assertThat(recording.seen()).as(() -> c + " body " + escaped(body) + " l=" + limit).isEqualTo(expected.substring(0, cut));
        assertThat(hash.hashedLength()).isEqualTo(cut);
        assertThat(hash.reachedLimit()).isEqualTo(limit <= expected.length());
      }
    }
  }

  /**
   * RFC 6376 sections 3.4.3 and 3.4.4, one line at a time: a line ends at LF, a CR just before it
   * belongs to the line end (a bare LF is taken as CRLF, a bare CR is text), and a last line
   * without LF gets one.
   */
  static String reference(Canonicalization c, String body) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int lf; (lf = body.indexOf('\n', start)) >= 0; start = lf + 1) {
      int end = lf > start && body.charAt(lf - 1) == '\r' ? lf - 1 : lf;
      lines.add(body.substring(start, end));
    }
    if (start < body.length()) {
      lines.add(body.substring(start));
    }
    if (c == Canonicalization.RELAXED) {
      lines.replaceAll(line -> {
        String reduced = WHITESPACE_RUN.matcher(line).replaceAll(" ");
        return reduced.endsWith(" ") ? reduced.substring(0, reduced.length() - 1) : reduced;
      });
    }
    int kept = lines.size();
    while (kept > 0 && lines.get(kept - 1).isEmpty()) {
      kept--;
    }
    StringBuilder out = new StringBuilder();
    for (String line : lines.subList(0, kept)) {
      out.append(line).append("\r\n");
    }
    return out.length() == 0 && c == Canonicalization.SIMPLE ? "\r\n" : out.toString();
  }

  private static String canonical(Canonicalization c, byte[] message, int offset, long limit) {
    RecordingDigest recording = new RecordingDigest();
    c.bodyHash(message, offset, recording, limit);
    return recording.seen();
  }

  private static long[] range(int n) {
    long[] all = new long[n + 1];
    for (int i = 0; i <= n; i++) {
      all[i] = i;
    }
    return all;
  }

  private static String escaped(String body) {
    return "\"" + body.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t") + "\"";
  }
}
