package io.github.junitmailassert.internal.dkim;

import java.util.function.ObjLongConsumer;

/** Every string over an alphabet up to a length, for the differential tests' exhaustive parts. */
final class ShortStrings {

  private ShortStrings() {}

  /**
   * Hands {@code each} every string of up to {@code maxLength} characters of {@code alphabet},
   * shortest first, with its number among those of its length.
   *
   * @return how many there were
   */
  static long forEach(String alphabet, int maxLength, ObjLongConsumer<String> each) {
    long all = 0;
    for (int length = 0; length <= maxLength; length++) {
      for (long n = 0, count = (long) Math.pow(alphabet.length(), length); n < count; n++) {
        long rest = n;
        StringBuilder s = new StringBuilder(length);
        for (int k = 0; k < length; k++) {
          s.append(alphabet.charAt((int) (rest % alphabet.length())));
          rest /= alphabet.length();
        }
        each.accept(s.toString(), n);
        all++;
      }
    }
    return all;
  }
}
