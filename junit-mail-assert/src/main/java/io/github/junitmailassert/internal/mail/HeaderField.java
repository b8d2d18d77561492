package io.github.junitmailassert.internal.mail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * One header field exactly as received. Internal.
 *
 * @param name the field name as written (case kept)
 * @param raw the whole field's bytes, name, colon and folding included, without the final line end
 */
@API(status = API.Status.INTERNAL)
public record HeaderField(String name, byte[] raw) {

  /** The value after the colon, unfolded (line ends removed), trimmed, decoded as UTF-8. */
  public String value() {
    int colon = indexOfColon(raw);
    String text = new String(raw, colon + 1, raw.length - colon - 1, StandardCharsets.UTF_8);
    return text.replace("\r\n", "").replace("\n", "").replace("\r", "").trim();
  }

  /** The whole field as text (UTF-8), folding kept. */
  public String rawText() {
    return new String(raw, StandardCharsets.UTF_8);
  }

  public boolean hasName(String other) {
    return name.equalsIgnoreCase(other);
  }

  static int indexOfColon(byte[] raw) {
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == ':') {
        return i;
      }
    }
    return raw.length - 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HeaderField h && h.name.equals(name) && Arrays.equals(h.raw, raw);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return rawText();
  }
}
