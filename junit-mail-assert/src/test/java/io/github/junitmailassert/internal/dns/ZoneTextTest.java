package io.github.junitmailassert.internal.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;

/** Zone text from the class path: bounded, no $INCLUDE, failures naming the file and line. */
class ZoneTextTest {

  private static final Name ORIGIN = Name.fromConstantString("example.org.");

  @Test
  void should_parse_class_path_zone_text() {
    List<Record> records = new ArrayList<>();

    ZoneText.text("zone file classpath:a.zone", bytes("$TTL 60\n@ IN A 192.0.2.1\nmail IN MX 10 mx\n"), ORIGIN, 300,
        records::add);

    assertThat(records).extracting(Record::toString)
        .containsExactly("example.org.\t\t60\tIN\tA\t192.0.2.1", "mail.example.org.\t60\tIN\tMX\t10 mx.example.org.");
  }

  @Test
  void should_fail_when_class_path_zone_text_includes_a_file() {
    assertThatThrownBy(() -> ZoneText.text("zone file classpath:a.zone",
        bytes("@ IN A 192.0.2.1\n$include /etc/hostname\n"), ORIGIN, 300, r -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("zone file classpath:a.zone:2: $INCLUDE is not allowed in a class path zone file; use a zone file"
            + " on disk");
  }

  @Test
  void should_not_take_an_include_inside_a_multi_line_record_for_a_directive() {
    List<Record> records = new ArrayList<>();

    ZoneText.text("zone file classpath:a.zone", bytes("txt IN TXT ( \"one\"\n$INCLUDE \"two\" )\n"), ORIGIN, 300,
        records::add);

    assertThat(records).hasSize(1);
    assertThat(((TXTRecord) records.get(0)).getStrings()).containsExactly("one", "$INCLUDE", "two");
  }

  @Test
  void should_name_the_line_of_a_parse_error_in_class_path_zone_text() {
    assertThatThrownBy(() -> ZoneText.text("zone file classpath:a.zone", bytes("@ IN A 192.0.2.1\n\nmail IN A x\n"),
        ORIGIN, 300, r -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("zone file classpath:a.zone:3: ");
  }

  @Test
  void should_fail_when_class_path_zone_text_is_larger_than_4_mib() {
    assertThatThrownBy(() -> ZoneText.text("zone file classpath:a.zone", new byte[ZoneText.MAX_BYTES + 1], ORIGIN, 300,
        r -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("zone file classpath:a.zone has more than 4194304 bytes (4 MiB), the most a zone file may have");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
