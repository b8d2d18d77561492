package io.github.junitmailassert.internal.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bulk body canonicalization against RFC 6376 sections 3.4.3 and 3.4.4 read line by line (a
 * bare LF taken as a line end, a bare CR as text), on every body of up to seven octets over text,
 * SP, HTAB, CR and LF, each also inside text that puts it at every position of the scanners'
 * eight-octet words, and on seeded random bodies up to a few kB that hold other controls and 8-bit
 * octets too: the scanners' shortcuts must never show in the output.
 */
class CanonicalizationDifferentialTest {

  private static final String OCTETS = "a \t\r\n";
  private static final Pattern WHITESPACE_RUN = Pattern.compile("[ \t]+");
  /** The end of a header, so that a scanner that looks back past the body's start sees a line end. */
  private static final String HEADER = "Subject: x\r\n\r\n";

  @Test
  void should_canonicalize_every_short_body_as_the_rfc_reads() {
    long checked = ShortStrings.forEach(OCTETS, 7, (body, n) -> {
      // Alone it is read octet by octet; inside text, eight octets at a time, at position n % 8 of a word.
      compare(body, body.length() <= 4);
      compare("b".repeat((int) (n & 7)) + body + "b".repeat(8), false);
    });
    assertThat(checked).isEqualTo(97_656);
  }

  @Test
  void should_canonicalize_random_bodies_as_the_rfc_reads() {
    Random random = new Random(20261202L);
    String weighted = "aaaaaaaaaa  \t\r\n\r\n\n\f\u0000\u00e9";
    for (int i = 0; i < 10_000; i++) {
      // One in a hundred is a few kB of long runs, past the digest's gathering buffer and direct writes.
      boolean runs = i % 100 == 0;
      int length = runs ? 2_000 + random.nextInt(4_000) : 8 + random.nextInt(200);
      StringBuilder body = new StringBuilder(length);
      while (body.length() < length) {
        char octet = weighted.charAt(random.nextInt(weighted.length()));
        body.append(runs ? String.valueOf(octet).repeat(1 + random.nextInt(300)) : String.valueOf(octet));
      }
      compare(body.toString(), i % 10 == 1);
    }
  }

  /**
   * Both canonicalizations of {@code body} after a header, without a limit and with limits around
   * the canonical length ({@code everyLimit}: every one up to two past it).
   */
  private static void compare(String body, boolean everyLimit) {
    byte[] message = (HEADER + body).getBytes(StandardCharsets.ISO_8859_1);
    int offset = HEADER.length();
    for (Canonicalization c : Canonicalization.values()) {
      String expected = reference(c, body);
      int length = expected.length();
      long[] limits = everyLimit ? range(length + 2)
          : new long[] {0, length / 2, Math.max(0, length - 1), length, length + 1, Long.MAX_VALUE};
      for (long limit : limits) {
        RecordingDigest recording = new RecordingDigest();
        Canonicalization.BodyHash hash = c.bodyHash(message, offset, recording, limit);
        int cut = (int) Math.min(limit, length);
        assertThat(recording.seen()).as(() -> c + " body " + escaped(body) + " l=" + limit)
            .isEqualTo(expected.substring(0, cut));
        assertThat(hash.hashedLength()).as(() -> c + " hashed length, body " + escaped(body) + " l=" + limit)
            .isEqualTo(cut);
        assertThat(hash.reachedLimit()).as(() -> c + " limit reached, body " + escaped(body) + " l=" + limit)
            .isEqualTo(limit <= length);
      }
    }
  }

  /**
   * RFC 6376 sections 3.4.3 and 3.4.4, one line at a time: a line ends at LF, a CR just before it
   * belongs to the line end (a bare LF is taken as CRLF, a bare CR is text), and a last line
   * without LF gets one.
   */
  private static String reference(Canonicalization c, String body) {
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

  private static long[] range(int n) {
    long[] all = new long[n + 1];
    for (int i = 0; i <= n; i++) {
      all[i] = i;
    }
    return all;
  }

  private static String escaped(String body) {
    String shown = body.length() > 200 ? body.substring(0, 200) + "...(" + body.length() + " octets)" : body;
    return "\"" + shown.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t") + "\"";
  }
}
