package io.github.junitmailassert.internal.dkim;

import io.github.junitmailassert.internal.mail.HeaderField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The data a DKIM signature covers besides the body hash (RFC 6376 section 5.4.2): the fields named
 * in {@code h=}, each name taking the next instance from the bottom of the header up, a name with no
 * instance left contributing nothing (that is how over-signing stops a field being added), then the
 * signature field itself with an empty {@code b=}. Linear in the header fields and the names in
 * {@code h=}. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class SignedHeaders {

  private SignedHeaders() {}

  /**
   * @param headers all header fields, top to bottom
   * @param signatureIndex the index of the signature field being verified, never selected; -1 for none
   * @param names the {@code h=} names in order
   * @param signatureWithEmptyB the signature field with its {@code b=} value removed
   */
  public static byte[] data(List<HeaderField> headers, int signatureIndex, List<String> names,
      Canonicalization canonicalization, byte[] signatureWithEmptyB) {
    Data data = buffered(headers, signatureIndex, names, canonicalization, signatureWithEmptyB);
    return data.length() == data.octets().length ? data.octets() : Arrays.copyOf(data.octets(), data.length());
  }

  /**
   * The signed data in its buffer, not copied to its length: a verifier hands both to the
   * signature.
   *
   * @param octets the buffer
   * @param length how much of it is the data
   */
  @API(status = API.Status.INTERNAL)
  public record Data(byte[] octets, int length) {}

  /** As {@link #data}, without the copy to the exact length. */
  public static Data buffered(List<HeaderField> headers, int signatureIndex, List<String> names,
      Canonicalization canonicalization, byte[] signatureWithEmptyB) {
    NameIndex index = new NameIndex(names);
    // Per distinct name, its instances top to bottom, as one array sliced by name (no list per name).
    int[] count = new int[index.size() + 1];
    int[] nameOf = new int[headers.size()];
    int capacity = signatureWithEmptyB.length;
    for (int k = 0; k < headers.size(); k++) {
      nameOf[k] = k == signatureIndex ? -1 : index.find(headers.get(k).name());
      if (nameOf[k] >= 0) {
        count[nameOf[k] + 1]++;
        capacity += headers.get(k).raw().length + 2; // enough unless simple adds a CR to a bare LF
      }
    }
    for (int n = 0; n < index.size(); n++) {
      count[n + 1] += count[n];
    }
    int[] start = count.clone();
    int[] instances = new int[count[index.size()]];
    for (int k = 0; k < headers.size(); k++) {
      if (nameOf[k] >= 0) {
        instances[start[nameOf[k]]++] = k;
      }
    }
    // start[n] is now the end of name n's slice; taking from the bottom walks it down to count[n].
    Buffer out = new Buffer(Math.min(capacity, 1 << 20));
    for (String name : names) {
      int n = index.find(name);
      if (start[n] > count[n]) {
        HeaderField field = headers.get(instances[--start[n]]);
        canonicalization.header(field.raw(), true, out);
      }
    }
    canonicalization.header(signatureWithEmptyB, false, out);
    return new Data(out.bytes, out.size);
  }

  /**
   * The distinct names of {@code h=}, found without case and without allocating: an open-addressing
   * table over an ASCII case-folded hash, so many names and many fields stay linear.
   */
  private static final class NameIndex {
    private final List<String> distinct = new ArrayList<>();
    private final int[] slots;

    NameIndex(List<String> names) {
      slots = new int[Integer.highestOneBit(Math.max(names.size(), 1) * 2 + 1) * 2];
      Arrays.fill(slots, -1);
      for (String name : names) {
        if (find(name) < 0) {
          int slot = slotOf(name);
          slots[slot] = distinct.size();
          distinct.add(name);
        }
      }
    }

    int size() {
      return distinct.size();
    }

    /** The name's number, or -1. */
    int find(String name) {
      return slots[slotOf(name)];
    }

    /** The slot holding {@code name}, or the empty slot where it would go. */
    private int slotOf(String name) {
      int mask = slots.length - 1;
      int slot = foldedHash(name) & mask;
      while (slots[slot] >= 0 && !sameName(distinct.get(slots[slot]), name)) {
        slot = (slot + 1) & mask;
      }
      return slot;
    }

    /** Equal but for ASCII case, as header field names compare (the hash folds the same way). */
    private static boolean sameName(String a, String b) {
      if (a.length() != b.length()) {
        return false;
      }
      for (int i = 0; i < a.length(); i++) {
        if (fold(a.charAt(i)) != fold(b.charAt(i))) {
          return false;
        }
      }
      return true;
    }

    private static char fold(char c) {
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static int foldedHash(String name) {
      int h = 0;
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        h = 31 * h + fold(c);
      }
      return h ^ (h >>> 16);
    }
  }

  /** Grows as needed; one thread, so none of ByteArrayOutputStream's locking per write. */
  private static final class Buffer implements Canonicalization.Output {
    private byte[] bytes;
    private int size;

    Buffer(int capacity) {
      bytes = new byte[capacity];
    }

    @Override
    public void write(byte[] octets, int offset, int length) {
      if (size + length > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
      }
      System.arraycopy(octets, offset, bytes, size, length);
      size += length;
    }
  }
}
