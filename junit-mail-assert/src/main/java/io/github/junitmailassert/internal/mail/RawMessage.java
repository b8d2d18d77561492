package io.github.junitmailassert.internal.mail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A message as bytes, split into header fields and body without changing a byte: what DKIM and the
 * header checks need. Parsing never throws; a message without headers has none, a line that is not
 * a field ends the header. Both CRLF and bare LF end a line. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class RawMessage {

  private final byte[] bytes;
  private final List<HeaderField> headers;
  private final int bodyOffset;

  private RawMessage(byte[] bytes, List<HeaderField> headers, int bodyOffset) {
    this.bytes = bytes;
    this.headers = headers;
    this.bodyOffset = bodyOffset;
  }

  public static RawMessage parse(byte[] bytes) {
    List<HeaderField> headers = new ArrayList<>();
    int pos = 0;
    int fieldStart = -1;
    int fieldEnd = -1;
    while (pos < bytes.length) {
      int lineEnd = lineEnd(bytes, pos);
      int next = nextLine(bytes, lineEnd);
      boolean empty = lineEnd == pos;
      boolean continuation = !empty && (bytes[pos] == ' ' || bytes[pos] == '\t');
      if (continuation && fieldStart >= 0) {
        fieldEnd = lineEnd;
        pos = next;
        continue;
      }
      if (fieldStart >= 0) {
        headers.add(field(bytes, fieldStart, fieldEnd));
        fieldStart = -1;
      }
      if (empty) {
        return new RawMessage(bytes, Collections.unmodifiableList(headers), next);
      }
      if (!isFieldStart(bytes, pos, lineEnd)) {
        // Not a header field: the header ended without a blank line; the rest is body.
        return new RawMessage(bytes, Collections.unmodifiableList(headers), pos);
      }
      fieldStart = pos;
      fieldEnd = lineEnd;
      pos = next;
    }
    if (fieldStart >= 0) {
      headers.add(field(bytes, fieldStart, fieldEnd));
    }
    return new RawMessage(bytes, Collections.unmodifiableList(headers), bytes.length);
  }

  /** The message exactly as received. */
  public byte[] bytes() {
    return bytes;
  }

  /** All header fields, top to bottom. */
  public List<HeaderField> headers() {
    return headers;
  }

  /** The fields of that name (case-insensitive), top to bottom. */
  public List<HeaderField> headers(String name) {
    List<HeaderField> found = new ArrayList<>();
    for (HeaderField h : headers) {
      if (h.hasName(name)) {
        found.add(h);
      }
    }
    return found;
  }

  /** The unfolded value of the topmost field of that name. */
  public Optional<String> firstValue(String name) {
    for (HeaderField h : headers) {
      if (h.hasName(name)) {
        return Optional.of(h.value());
      }
    }
    return Optional.empty();
  }

  /** Where the body starts in {@link #bytes()}. */
  public int bodyOffset() {
    return bodyOffset;
  }

  public int bodyLength() {
    return bytes.length - bodyOffset;
  }

  private static HeaderField field(byte[] bytes, int start, int end) {
    int colon = start;
    while (colon < end && bytes[colon] != ':') {
      colon++;
    }
    String name = new String(bytes, start, colon - start, java.nio.charset.StandardCharsets.US_ASCII).trim();
    byte[] raw = new byte[end - start];
    System.arraycopy(bytes, start, raw, 0, raw.length);
    return new HeaderField(name, raw);
  }

  private static boolean isFieldStart(byte[] bytes, int from, int lineEnd) {
    // RFC 5322 field-name: printable US-ASCII except colon, then a colon (WSP before it tolerated).
    int i = from;
    while (i < lineEnd && bytes[i] > 32 && bytes[i] < 127 && bytes[i] != ':') {
      i++;
    }
    if (i == from) {
      return false;
    }
    while (i < lineEnd && (bytes[i] == ' ' || bytes[i] == '\t')) {
      i++;
    }
    return i < lineEnd && bytes[i] == ':';
  }

  /** Index of the CR of CRLF, or of a bare LF, or the end. */
  private static int lineEnd(byte[] bytes, int from) {
    int lf = Octets.indexOfLf(bytes, from, bytes.length);
    return lf < bytes.length && lf > from && bytes[lf - 1] == '\r' ? lf - 1 : lf;
  }

  private static int nextLine(byte[] bytes, int lineEnd) {
    if (lineEnd >= bytes.length) {
      return bytes.length;
    }
    return bytes[lineEnd] == '\r' ? lineEnd + 2 : lineEnd + 1;
  }
}
