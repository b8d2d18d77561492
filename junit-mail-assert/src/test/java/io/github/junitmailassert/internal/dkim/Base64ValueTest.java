package io.github.junitmailassert.internal.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The DKIM values' base64 decoder against the JDK's on the same value without folding: the same
 * octets, or the same error, on every value of up to five characters over symbols, padding,
 * folding and characters outside the alphabet, and on seeded random values as long as a 4096-bit
 * signature.
 */
class Base64ValueTest {

  // Besides the alphabet and folding: text under and over 0xFF (one whose low octet is 'A'), and
  // the two halves of a surrogate pair, alone and together.
  private static final String CHARACTERS = "Az+/= \t\r\n!\u00e9\u0141\ud83d\ude00";
  private static final String[] FOLDS = {"\r\n\t", "\r\n ", "\n\t", "\t", " "};

  @Test
  void should_decode_every_short_value_as_the_jdk_does() {
    long checked = ShortStrings.forEach(CHARACTERS, 5, (value, n) -> compare(value));
    assertThat(checked).isEqualTo(579_195);
  }

  @Test
  void should_decode_random_values_as_the_jdk_does() {
    Random random = new Random(20261203L);
    for (int i = 0; i < 20_000; i++) {
      byte[] octets = new byte[random.nextInt(520)];
      random.nextBytes(octets);
      StringBuilder value = new StringBuilder(Base64.getEncoder().encodeToString(octets));
      // Folded as signers fold, and now and then damaged as a hostile or broken signer would.
      for (int fold = random.nextInt(8); fold > 0 && value.length() > 0; fold--) {
        value.insert(random.nextInt(value.length()), FOLDS[random.nextInt(FOLDS.length)]);
      }
      if (i % 4 == 0 && value.length() > 0) {
        value.setCharAt(random.nextInt(value.length()), CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
      }
      if (i % 7 == 0) {
        value.append("=".repeat(random.nextInt(3)));
      }
      if (i % 9 == 0) {
        value.insert(random.nextInt(value.length() + 1), "\ud83d\ude00"); // one character, two chars
      }
      compare(value.toString());
    }
  }

  @Test
  void should_word_errors_as_the_jdk_does() {
    assertThatThrownBy(() -> Base64Value.decode("ab@d")).hasMessage("Illegal base64 character 40");
    assertThatThrownBy(() -> Base64Value.decode("ab=")).hasMessage("Input byte array has wrong 4-byte ending unit");
    assertThatThrownBy(() -> Base64Value.decode("abcde")).hasMessage("Last unit does not have enough valid bits");
  }

  private static void compare(String value) {
    String plain = TagList.withoutWhitespace(value);
    byte[] expected;
    try {
      expected = Base64.getDecoder().decode(plain);
    } catch (IllegalArgumentException e) {
      assertThatThrownBy(() -> Base64Value.decode(value)).as("value \"%s\"", value)
          .isInstanceOf(IllegalArgumentException.class).hasMessage(e.getMessage());
      return;
    }
    assertThat(Base64Value.decode(value)).as("value \"%s\"", value).isEqualTo(expected);
  }
}
