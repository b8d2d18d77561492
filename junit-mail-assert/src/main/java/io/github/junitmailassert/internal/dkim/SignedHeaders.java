package io.github.junitmailassert.internal.dkim;

import io.github.junitmailassert.internal.mail.HeaderField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The data a DKIM signature covers besides the body hash (RFC 6376 section 5.4.2): the fields named
 * in {@code h=}, each name taking the next instance from the bottom of the header up, a name with no
 * instance left contributing nothing (that is how over-signing stops a field being added), then the
 * signature field itself with an empty {@code b=}. O(n log h) for n header fields and h names in
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
    // Only the names in h= are indexed, compared without case: no lowercased copy of every name.
    Map<String, List<Integer>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : names) {
      byName.put(name, null);
    }
    for (int k = 0; k < headers.size(); k++) {
      String name = headers.get(k).name();
      if (k != signatureIndex && byName.containsKey(name)) {
        List<Integer> instances = byName.get(name);
        if (instances == null) {
          instances = new ArrayList<>(2);
          byName.put(name, instances);
        }
        instances.add(k);
      }
    }
    Map<String, Integer> used = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Buffer out = new Buffer();
    for (String name : names) {
      List<Integer> instances = byName.get(name);
      int taken = used.getOrDefault(name, 0);
      if (instances == null || taken >= instances.size()) {
        continue;
      }
      used.put(name, taken + 1);
      HeaderField field = headers.get(instances.get(instances.size() - 1 - taken));
      canonicalization.header(field.raw(), true, out);
    }
    canonicalization.header(signatureWithEmptyB, false, out);
    return out.toByteArray();
  }

  /** Grows as needed; one thread, so none of ByteArrayOutputStream's locking per write. */
  private static final class Buffer implements Canonicalization.Output {
    private byte[] bytes = new byte[1024];
    private int size;

    @Override
    public void write(byte[] octets, int offset, int length) {
      if (size + length > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
      }
      System.arraycopy(octets, offset, bytes, size, length);
      size += length;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }
  }
}
