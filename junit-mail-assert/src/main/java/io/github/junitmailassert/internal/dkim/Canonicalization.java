package io.github.junitmailassert.internal.dkim;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;

/**
 * The two DKIM canonicalization algorithms (RFC 6376 section 3.4), for header fields and for the
 * body. They work on octets, so header fields with UTF-8 (or any 8-bit) text are hashed as sent.
 * A bare LF is taken as CRLF, as an MTA would have written it on the wire. Internal.
 */
public enum Canonicalization {
  SIMPLE("simple"),
  RELAXED("relaxed");

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
  public void header(byte[] rawField, boolean lineEnd, ByteArrayOutputStream out) {
    if (this == SIMPLE) {
      for (int i = 0; i < rawField.length; i++) {
        byte b = rawField[i];
        if (b == '\n' && (i == 0 || rawField[i - 1] != '\r')) {
          out.write('\r');
        }
        out.write(b);
      }
    } else {
      int colon = 0;
      while (colon < rawField.length && rawField[colon] != ':') {
        colon++;
      }
      int nameEnd = colon;
      while (nameEnd > 0 && isWsp(rawField[nameEnd - 1])) {
        nameEnd--;
      }
      for (int i = 0; i < nameEnd; i++) {
        byte b = rawField[i];
        out.write(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
      }
      out.write(':');
      boolean pendingSpace = false;
      boolean started = false;
      for (int i = colon + 1; i < rawField.length; i++) {
        byte b = rawField[i];
        if (b == '\r' || b == '\n') {
          continue; // unfolding
        }
        if (isWsp(b)) {
          pendingSpace = started;
          continue;
        }
        if (pendingSpace) {
          out.write(' ');
          pendingSpace = false;
        }
        started = true;
        out.write(b);
      }
    }
    if (lineEnd) {
      out.write('\r');
      out.write('\n');
    }
  }

  /**
   * Hashes the canonicalized body, stopping after {@code limit} octets (the {@code l=} tag, or
   * {@code Long.MAX_VALUE}). Linear in the body's length, with no copy of the body.
   */
  public BodyHash bodyHash(byte[] message, int bodyOffset, MessageDigest digest, long limit) {
    BodyWriter writer = new BodyWriter(digest, limit);
    int pos = bodyOffset;
    int end = message.length;
    while (pos < end && !writer.full()) {
      int lf = pos;
      while (lf < end && message[lf] != '\n') {
        lf++;
      }
      int lineEnd = lf < end && lf > pos && message[lf - 1] == '\r' ? lf - 1 : lf;
      if (this == SIMPLE) {
        if (lineEnd > pos) {
          writer.flushEmptyLines();
          writer.write(message, pos, lineEnd - pos);
          writer.crlf();
        } else {
          writer.emptyLine();
        }
      } else {
        boolean pendingSpace = false;
        boolean started = false;
        for (int i = pos; i < lineEnd; i++) {
          byte b = message[i];
          if (isWsp(b)) {
            pendingSpace = true;
            continue;
          }
          if (!started) {
            writer.flushEmptyLines();
            started = true;
          }
          if (pendingSpace) {
            writer.write(' ');
            pendingSpace = false;
          }
          writer.write(b);
        }
        if (started) {
          writer.crlf();
        } else {
          writer.emptyLine();
        }
      }
      pos = lf + 1;
    }
    if (this == SIMPLE && !writer.wroteAny()) {
      writer.crlf(); // RFC 6376 section 3.4.3: an empty body is one CRLF
    }
    return writer.finish();
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
  public record BodyHash(byte[] digest, long hashedLength, boolean reachedLimit) {}

  /** Buffers canonical octets into the digest, holds back empty lines until more text follows. */
  private static final class BodyWriter {
    private final MessageDigest digest;
    private final long limit;
    private final byte[] buffer = new byte[8192];
    private int fill;
    private long written;
    private long pendingEmptyLines;
    private boolean any;

    BodyWriter(MessageDigest digest, long limit) {
      this.digest = digest;
      this.limit = limit;
    }

    boolean full() {
      return written >= limit;
    }

    boolean wroteAny() {
      return any;
    }

    void emptyLine() {
      pendingEmptyLines++;
    }

    void flushEmptyLines() {
      for (; pendingEmptyLines > 0 && !full(); pendingEmptyLines--) {
        write('\r');
        write('\n');
      }
      pendingEmptyLines = 0;
    }

    void crlf() {
      write('\r');
      write('\n');
    }

    void write(int b) {
      any = true;
      if (written >= limit) {
        return;
      }
      if (fill == buffer.length) {
        digest.update(buffer, 0, fill);
        fill = 0;
      }
      buffer[fill++] = (byte) b;
      written++;
    }

    void write(byte[] src, int off, int len) {
      for (int i = 0; i < len; i++) {
        write(src[off + i]);
      }
    }

    BodyHash finish() {
      digest.update(buffer, 0, fill);
      fill = 0;
      return new BodyHash(digest.digest(), written, written >= limit);
    }
  }
}
