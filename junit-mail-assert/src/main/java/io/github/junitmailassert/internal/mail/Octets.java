package io.github.junitmailassert.internal.mail;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apiguardian.api.API;

/**
 * Scans over a message's octets eight at a time, for the parsers that run on every captured mail
 * (the header split, DKIM's canonicalization and tag-lists). Internal.
 */
@API(status = API.Status.INTERNAL)
public final class Octets {

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

  private Octets() {}

  /** Eight octets of {@code m} from {@code i}, the first in the lowest byte. */
  public static long longAt(byte[] m, int i) {
    return (long) LONGS.get(m, i);
  }

  /**
   * Flags, as 0x80 in each octet of the result, the octets of {@code x} under {@code bound}
   * (1 to 0x80): exact per octet, as no sum carries into the next one.
   */
  public static long under(long x, int bound) {
    return ~(((x & LOW7) + (ONES * (0x80 - bound))) | x) & HIGH;
  }

  /** Flags, as 0x80 in each octet of the result, the octets of {@code x} equal to {@code octet}; exact per octet. */
  public static long equalTo(long x, int octet) {
    long t = x ^ (ONES * octet);
    return ~(((t & LOW7) + LOW7) | t | LOW7);
  }

  /** The index of the first LF in {@code m[from, to)}, or {@code to}. */
  public static int indexOfLf(byte[] m, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long found = equalTo(longAt(m, i), '\n');
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (m[i] == '\n') {
        return i;
      }
    }
    return to;
  }

  /** Whether {@code m[from, to)} holds an octet over 0x7F. */
  public static boolean hasEightBitOctet(byte[] m, int from, int to) {
    int i = from;
    long high = 0;
    for (; i + 8 <= to; i += 8) {
      high |= longAt(m, i);
    }
    for (; i < to; i++) {
      high |= m[i];
    }
    return (high & HIGH) != 0;
  }

  /**
   * Whether {@code m} holds a control octet other than the folding ones (HT, CR, LF): one under
   * 0x20, or DEL. Octets over 0x7F are not controls here.
   */
  public static boolean hasControlOctet(byte[] m) {
    int i = 0;
    for (; i + 8 <= m.length; i += 8) {
      long x = longAt(m, i);
      // A word with an octet under 0x20 (folding too) or DEL is looked at octet by octet.
      if ((under(x, 0x20) | equalTo(x, 0x7F)) != 0 && hasControlOctet(m, i, i + 8)) {
        return true;
      }
    }
    return hasControlOctet(m, i, m.length);
  }

  private static boolean hasControlOctet(byte[] m, int from, int to) {
    for (int i = from; i < to; i++) {
      int b = m[i] & 0xFF;
      if (b < 0x20 && b != '\t' && b != '\r' && b != '\n' || b == 0x7F) {
        return true;
      }
    }
    return false;
  }
}
