package io.github.junitmailassert.internal.dkim;

import io.github.junitmailassert.internal.mail.Octets;
import java.security.MessageDigest;
import org.apiguardian.api.API;

/**
 * The two DKIM canonicalization algorithms (RFC 6376 section 3.4), for header fields and for the
 * body. They work on octets, so header fields with UTF-8 (or any 8-bit) text are hashed as sent.
 * A bare LF is taken as CRLF, as an MTA would have written it on the wire; a bare CR is text.
 *
 * <p>Both stream over the message: what canonicalization leaves unchanged goes to the output as
 * one run of the message's own octets, and only what it changes (a whitespace run, a bare LF, held
 * back empty lines) is written separately. Internal.
 */
@API(status = API.Status.INTERNAL)
public enum Canonicalization {
  SIMPLE("simple"),
  RELAXED("relaxed");

  /** Where canonical octets go, a run at a time: a digest, a signature's data. */
  @FunctionalInterface
  @API(status = API.Status.INTERNAL)
  public interface Output {
    void write(byte[] octets, int offset, int length);
  }

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] SPACE = {' '};
  /** Empty lines held back and then followed by text are written from here, many at a time. */
  private static final byte[] CRLFS = "\r\n".repeat(64).getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final String tagValue;

  Canonicalization(String tagValue) {
    this.tagValue = tagValue;
  }

  public String tagValue() {
    return tagValue;
  }

  /** The algorithm named by one half of a {@code c=} value, or null when it is not one of the two. */
  public static Canonicalization byName(String name) {
    for (Canonicalization c : values()) {
      if (c.tagValue.equals(name)) {
        return c;
      }
    }
    return null;
  }

  /**
   * Canonicalizes one header field.
   *
   * @param rawField the field as received, name to end of value, folding included, no final line end
   * @param lineEnd whether to append CRLF (every signed field) or not (the signature field itself)
   */
  public void header(byte[] rawField, boolean lineEnd, Output out) {
    if (this == SIMPLE) {
      simpleHeader(rawField, out);
    } else {
      relaxedHeader(rawField, out);
    }
    if (lineEnd) {
      out.write(CRLF, 0, 2);
    }
  }

  private static void simpleHeader(byte[] raw, Output out) {
    int run = 0;
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) {
        write(out, raw, run, i);
        out.write(CRLF, 0, 1);
        run = i; // the LF itself starts the next run
      }
    }
    write(out, raw, run, raw.length);
  }

  private static void relaxedHeader(byte[] raw, Output out) {
    int colon = 0;
    while (colon < raw.length && raw[colon] != ':') {
      colon++;
    }
    int nameEnd = colon;
    while (nameEnd > 0 && isWsp(raw[nameEnd - 1])) {
      nameEnd--;
    }
    byte[] name = new byte[nameEnd + 1];
    for (int i = 0; i < nameEnd; i++) {
      byte b = raw[i];
      name[i] = b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }
    name[nameEnd] = ':';
    out.write(name, 0, name.length);
    // The value: unfolded, each run of whitespace one space, none at either end.
    int run = -1;
    int i = colon + 1;
    int n = raw.length;
    while (i < n) {
      int text = i;
      while (i < n && !isFolding(raw[i])) {
        i++; // a tight loop over the text, which is most of a field
      }
      if (i > text && run < 0) {
        run = text;
      }
      if (i == n) {
        break;
      }
      int gap = i;
      boolean wsp = false;
      while (i < n && isFolding(raw[i])) {
        wsp |= isWsp(raw[i]);
        i++;
      }
      if (i == n || run < 0) {
        continue; // trailing or leading: dropped
      }
      if (!(i - gap == 1 && raw[gap] == ' ')) {
        write(out, raw, run, gap);
        if (wsp) {
          out.write(SPACE, 0, 1);
        }
        run = i;
      }
    }
    if (run >= 0) {
      int end = raw.length;
      while (end > run && (raw[end - 1] == ' ' || raw[end - 1] == '\t' || raw[end - 1] == '\r' || raw[end - 1] == '\n')) {
        end--;
      }
      write(out, raw, run, end);
    }
  }

  /**
   * Hashes the canonicalized body, stopping after {@code limit} octets (the {@code l=} tag, or
   * {@code Long.MAX_VALUE}). Linear in the body's length, with no copy of the body.
   */
  public BodyHash bodyHash(byte[] message, int bodyOffset, MessageDigest digest, long limit) {
    LimitedDigest out = new LimitedDigest(digest, limit);
    if (this == SIMPLE) {
      simpleBody(message, bodyOffset, out);
    } else {
      relaxedBody(message, bodyOffset, out);
    }
    out.flush();
    return new BodyHash(digest.digest(), out.written, out.written >= limit);
  }

  /*
   * Both body algorithms keep the same state: message[run, kept) is canonical and not yet written,
   * kept being the end of the last line with text; then come `held` empty lines, written only if a
   * line with text follows (RFC 6376 drops them at the end). Empty lines that are exactly CRLF stay
   * in the run; once one of them needed a change (bare LF, whitespace), they are written separately.
   */

  private static void simpleBody(byte[] m, int bodyOffset, LimitedDigest out) {
    int end = m.length;
    int run = bodyOffset;
    int kept = bodyOffset;
    long held = 0;
    boolean heldChanged = false;
    boolean text = false;
    int pos = bodyOffset;
    while (pos < end && out.written + (kept - run) < out.limit) {
      int lf = Octets.indexOfLf(m, pos, end);
      boolean crlf = lf < end && lf > pos && m[lf - 1] == '\r';
      int lineEnd = crlf ? lf - 1 : lf;
      if (lineEnd == pos) {
        held++;
        heldChanged |= !crlf;
        pos = lf + 1;
        continue;
      }
      text = true;
      if (held > 0) {
        if (heldChanged) {
          out.write(m, run, kept);
          out.crlfs(held);
          run = pos;
        }
        held = 0;
        heldChanged = false;
      }
      if (crlf) {
        kept = lf + 1;
      } else {
        out.write(m, run, lineEnd);
        out.crlfs(1);
        run = lf < end ? lf + 1 : end;
        kept = run;
      }
      pos = lf + 1;
    }
    out.write(m, run, kept);
    if (!text) {
      out.crlfs(1); // RFC 6376 section 3.4.3: an empty body is one CRLF
    }
  }

  private static void relaxedBody(byte[] m, int bodyOffset, LimitedDigest out) {
    int end = m.length;
    int run = bodyOffset;
    int kept = bodyOffset;
    long held = 0;
    boolean heldChanged = false;
    int pos = bodyOffset;
    while (pos < end && out.written + (kept - run) < out.limit) {
      // One line: from pos to its LF (or the end). The line has text once `text` is set.
      boolean text = false;
      int i = pos;
      while (true) {
        int next = nextRelaxedEvent(m, i, end);
        if (next > i && !text) {
          text = true;
          if (held > 0 && heldChanged) {
            out.write(m, run, kept);
            out.crlfs(held);
            run = pos;
          }
          held = 0;
          heldChanged = false;
        }
        i = next;
        if (i == end) {
          // The last line, without a line end.
          if (text) {
            out.write(m, run, end);
            out.crlfs(1);
            run = kept = end;
          }
          break;
        }
        byte b = m[i];
        if (b == '\n' || (b == '\r' && i + 1 < end && m[i + 1] == '\n')) {
          int lf = b == '\n' ? i : i + 1;
          boolean crlf = b == '\r';
          if (!text) {
            held++;
            heldChanged |= !crlf;
          } else if (crlf) {
            kept = lf + 1;
          } else {
            out.write(m, run, i);
            out.crlfs(1);
            run = kept = lf + 1;
          }
          i = lf + 1;
          break;
        }
        boolean wsp = b == ' ' || b == '\t';
        int wspEnd = i + 1;
        if (wsp) {
          while (wspEnd < end && (m[wspEnd] == ' ' || m[wspEnd] == '\t')) {
            wspEnd++;
          }
          boolean trailing = wspEnd == end || m[wspEnd] == '\n'
              || (m[wspEnd] == '\r' && wspEnd + 1 < end && m[wspEnd + 1] == '\n');
          if (trailing) {
            int lf = wspEnd == end ? end : m[wspEnd] == '\n' ? wspEnd : wspEnd + 1;
            if (!text) {
              held++;
              heldChanged = true;
            } else if (lf > wspEnd) {
              // The CRLF after the whitespace is the message's own: the next run starts with it.
              out.write(m, run, i);
              run = wspEnd;
              kept = lf + 1;
            } else {
              out.write(m, run, i);
              out.crlfs(1);
              run = kept = lf < end ? lf + 1 : end;
            }
            i = lf < end ? lf + 1 : end;
            break;
          }
        }
        // Another control octet, a bare CR, or whitespace inside the line: text, so held empty lines are released.
        if (!text) {
          text = true;
          if (held > 0 && heldChanged) {
            out.write(m, run, kept);
            out.crlfs(held);
            run = pos;
          }
          held = 0;
          heldChanged = false;
        }
        if (!wsp) {
          i++;
          continue;
        }
        if (b == ' ') {
          if (wspEnd - i > 1) {
            out.write(m, run, i + 1); // the run's first space stays, as the one space
            run = wspEnd;
          }
        } else {
          out.write(m, run, i);
          out.write(SPACE, 0, 1);
          run = wspEnd;
        }
        i = wspEnd;
      }
      pos = i;
    }
    out.write(m, run, kept);
  }

  /**
   * The index of the first octet in {@code m[from, to)} that relaxed body canonicalization may have
   * to act on, or {@code to}: an octet under 0x21 other than a space, or a space not followed by
   * text (a run of whitespace, or the end). Everything before it stays as it is.
   */
  static int nextRelaxedEvent(byte[] m, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = Octets.longAt(m, i);
      // Exact per-octet flags (0x80 in the octet): under 0x21, and equal to a space.
      long low = Octets.under(x, 0x21);
      if (low == 0) {
        continue;
      }
      long space = Octets.equalTo(x, ' ');
      // A space is fine when the next octet is text; for the last octet, that is the next word's first.
      long events = (low & ~space) | (space & (low >>> 8));
      if (events != 0) {
        return i + (Long.numberOfTrailingZeros(events) >>> 3);
      }
      if (space < 0 && (i + 8 == to || (m[i + 8] & 0xFF) <= ' ')) {
        return i + 7;
      }
    }
    for (; i < to; i++) {
      int b = m[i] & 0xFF;
      if (b > ' ') {
        continue;
      }
      if (b == ' ' && i + 1 < to && (m[i + 1] & 0xFF) > ' ') {
        i++;
        continue;
      }
      return i;
    }
    return to;
  }

  private static void write(Output out, byte[] bytes, int from, int to) {
    if (to > from) {
      out.write(bytes, from, to - from);
    }
  }

  /** Folding white space and the line ends inside a folded field. */
  private static boolean isFolding(byte b) {
    return b <= ' ' && (b == ' ' || b == '\t' || b == '\r' || b == '\n');
  }

  static boolean isWsp(byte b) {
    return b == ' ' || b == '\t';
  }

  /**
   * A body hash and how much canonical body there was.
   *
   * @param digest the hash
   * @param hashedLength how many canonical octets were hashed
   * @param reachedLimit whether hashing stopped at the limit (the body had at least that many octets)
   */
  @API(status = API.Status.INTERNAL)
  public record BodyHash(byte[] digest, long hashedLength, boolean reachedLimit) {}

  /**
   * The digest, fed runs of canonical body, cut at {@code l=}. Short runs (a line split at a run
   * of spaces) are gathered first: each {@code MessageDigest.update} call costs more than copying
   * a few dozen octets.
   */
  private static final class LimitedDigest {
    private static final int GATHERED = 1024;

    private final MessageDigest digest;
    final long limit;
    long written;
    private byte[] gathered;
    private int size;

    LimitedDigest(MessageDigest digest, long limit) {
      this.digest = digest;
      this.limit = limit;
    }

    /** Writes {@code bytes[from, to)}, as far as the limit allows. */
    void write(byte[] bytes, int from, int to) {
      long room = limit - written;
      int n = (int) Math.min(to - from, room);
      if (n <= 0) {
        return;
      }
      written += n;
      if (n >= GATHERED / 4) {
        flush();
        digest.update(bytes, from, n);
        return;
      }
      if (gathered == null) {
        gathered = new byte[GATHERED];
      } else if (size + n > GATHERED) {
        flush();
      }
      System.arraycopy(bytes, from, gathered, size, n);
      size += n;
    }

    /** Hands what is gathered to the digest; before the digest is read. */
    void flush() {
      if (size > 0) {
        digest.update(gathered, 0, size);
        size = 0;
      }
    }

    void crlfs(long count) {
      for (long left = count * 2; left > 0 && written < limit; left -= CRLFS.length) {
        write(CRLFS, 0, (int) Math.min(left, CRLFS.length));
      }
    }
  }
}
