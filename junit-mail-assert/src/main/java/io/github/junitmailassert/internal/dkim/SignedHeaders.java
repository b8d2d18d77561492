package io.github.junitmailassert.internal.dkim;

import io.github.junitmailassert.internal.mail.HeaderField;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data a DKIM signature covers besides the body hash (RFC 6376 section 5.4.2): the fields named
 * in {@code h=}, each name taking the next instance from the bottom of the header up, a name with no
 * instance left contributing nothing (that is how over-signing stops a field being added), then the
 * signature field itself with an empty {@code b=}. Linear in the header size. Internal.
 */
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
    Map<String, List<Integer>> byName = new HashMap<>();
    for (int k = 0; k < headers.size(); k++) {
      if (k != signatureIndex) {
        byName.computeIfAbsent(headers.get(k).name().toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(k);
      }
    }
    Map<String, Integer> used = new HashMap<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    Canonicalization.Output sink = out::write;
    for (String name : names) {
      String key = name.toLowerCase(Locale.ROOT);
      List<Integer> instances = byName.get(key);
      int taken = used.getOrDefault(key, 0);
      if (instances == null || taken >= instances.size()) {
        continue;
      }
      used.put(key, taken + 1);
      HeaderField field = headers.get(instances.get(instances.size() - 1 - taken));
      canonicalization.header(field.raw(), true, sink);
    }
    canonicalization.header(signatureWithEmptyB, false, sink);
    return out.toByteArray();
  }
}
