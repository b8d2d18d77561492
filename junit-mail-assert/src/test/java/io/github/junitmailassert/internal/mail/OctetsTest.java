package io.github.junitmailassert.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OctetsTest {

  @Test
  void should_find_the_first_lf_when_it_falls_anywhere_in_a_word() {
    for (int length = 0; length < 20; length++) {
      for (int at = 0; at <= length; at++) {
        byte[] m = new byte[length];
        Arrays.fill(m, (byte) 'a');
        if (at < length) {
          m[at] = '\n';
        }
        assertThat(Octets.indexOfLf(m, 0, length)).as("length %d, LF at %d", length, at).isEqualTo(at);
        assertThat(Octets.indexOfLf(m, Math.min(at + 1, length), length)).isEqualTo(length);
      }
    }
  }

  @Test
  void should_tell_control_octets_from_folding_and_8_bit_text() {
    for (int octet = 0; octet < 256; octet++) {
      boolean control = octet < 0x20 && octet != '\t' && octet != '\r' && octet != '\n' || octet == 0x7F;
      for (int at = 0; at < 17; at++) {
        byte[] m = new byte[17];
        Arrays.fill(m, (byte) ' ');
        m[at] = (byte) octet;
        assertThat(Octets.hasControlOctet(m)).as("octet %d at %d", octet, at).isEqualTo(control);
      }
    }
  }

  @Test
  void should_find_an_8_bit_octet_only_inside_the_range_wherever_it_falls_in_a_word() {
    for (int octet : new int[] {0x00, 0x7F, 0x80, 0xC3, 0xFF}) {
      for (int at = 0; at < 20; at++) {
        byte[] m = new byte[20];
        Arrays.fill(m, (byte) 'a');
        m[at] = (byte) octet;
        for (int from = 0; from <= 20; from++) {
          for (int to = from; to <= 20; to++) {
            assertThat(Octets.hasEightBitOctet(m, from, to)).as("octet %d at %d in [%d, %d)", octet, at, from, to)
                .isEqualTo(octet > 0x7F && at >= from && at < to);
          }
        }
      }
    }
  }
}
