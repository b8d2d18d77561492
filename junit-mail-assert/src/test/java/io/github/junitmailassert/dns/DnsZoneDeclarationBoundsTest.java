package io.github.junitmailassert.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitmailassert.internal.dns.DnsLookup;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** What a zone declaration may read: records and zone files are bounded, failures name the place. */
class DnsZoneDeclarationBoundsTest {

  @TempDir
  Path dir;

  @Test
  void should_fail_when_a_record_line_includes_a_file() throws IOException {
    // GIVEN an include of a harmless file: before, it was read (and /dev/zero ran the JVM out of memory)
    Path other = Files.writeString(dir.resolve("other.zone"), "@ IN A 192.0.2.1\n");
    String line = "$INCLUDE " + other;

    // WHEN / THEN
    assertThatThrownBy(() -> DnsZone.create().records("example.org", line))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DNS record \"" + line + "\" cannot be parsed: $INCLUDE is not allowed in records, where it could"
            + " read any file; put the records in a zone file (zoneFiles) instead");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void should_fail_fast_when_a_record_line_includes_dev_zero() {
    assertThatThrownBy(() -> DnsZone.create().records("example.org", "@ IN A 192.0.2.1", "$INCLUDE /dev/zero"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DNS record \"$INCLUDE /dev/zero\" cannot be parsed: $INCLUDE is not allowed in records, where it"
            + " could read any file; put the records in a zone file (zoneFiles) instead");
  }

  @Test
  void should_follow_an_include_in_the_zone_files_directory_and_below() throws IOException {
    Files.createDirectories(dir.resolve("parts"));
    Files.writeString(dir.resolve("parts/mail.zone"), "mail IN A 192.0.2.25\n$INCLUDE more.zone\n");
    Files.writeString(dir.resolve("parts/more.zone"), "www IN A 192.0.2.80\n");
    Path zoneFile = Files.writeString(dir.resolve("example.zone"),
        "$TTL 300\n@ IN A 192.0.2.1\n$INCLUDE parts/mail.zone\nafter IN A 192.0.2.2\n");

    DnsLookup dns = new DnsLookup(DnsZone.create().loadZoneFile(zoneFile, "example.org").resolver());

    assertThat(dns.lookup("mail.example.org", Type.A).records()).extracting(Record::rdataToString)
        .containsExactly("192.0.2.25");
    assertThat(dns.lookup("www.example.org", Type.A).records()).extracting(Record::rdataToString)
        .containsExactly("192.0.2.80");
    assertThat(dns.lookup("after.example.org", Type.A).records()).extracting(Record::rdataToString)
        .containsExactly("192.0.2.2");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void should_fail_when_a_zone_file_includes_dev_zero() throws IOException {
    Path zoneFile = Files.writeString(dir.resolve("example.zone"), "@ IN A 192.0.2.1\n$INCLUDE /dev/zero\n");

    assertThatThrownBy(() -> DnsZone.create().loadZoneFile(zoneFile, "example.org"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("zone file " + zoneFile + ":2: $INCLUDE /dev/zero is outside " + dir.toRealPath()
            + ": a zone file may include only files in its own directory or below it");
  }

  @Test
  void should_fail_when_a_zone_file_includes_a_file_outside_its_directory() throws IOException {
    Path zones = Files.createDirectories(dir.resolve("zones"));
    Files.writeString(dir.resolve("secret.zone"), "secret IN A 192.0.2.66\n");
    Path zoneFile = Files.writeString(zones.resolve("example.zone"), "@ IN A 192.0.2.1\n\n$INCLUDE ../secret.zone\n");

    assertThatThrownBy(() -> DnsZone.create().loadZoneFile(zoneFile, "example.org"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("zone file " + zoneFile + ":3: $INCLUDE ../secret.zone is outside " + zones.toRealPath()
            + ": a zone file may include only files in its own directory or below it");
  }

  @Test
  void should_fail_when_an_include_is_a_link_to_a_file_outside() throws IOException {
    Path zones = Files.createDirectories(dir.resolve("zones"));
    Path secret = Files.writeString(dir.resolve("secret.zone"), "secret IN A 192.0.2.66\n");
    Files.createSymbolicLink(zones.resolve("link.zone"), secret);
    Path zoneFile = Files.writeString(zones.resolve("example.zone"), "$INCLUDE link.zone\n");

    assertThatThrownBy(() -> DnsZone.create().loadZoneFile(zoneFile, "example.org"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("zone file " + zoneFile + ":1: $INCLUDE link.zone is outside " + zones.toRealPath()
            + ": a zone file may include only files in its own directory or below it");
  }

  @Test
  void should_fail_when_a_zone_file_includes_itself() throws IOException {
    Path zoneFile = Files.writeString(dir.resolve("loop.zone"), "@ IN A 192.0.2.1\n$INCLUDE loop.zone\n");

    assertThatThrownBy(() -> DnsZone.create().loadZoneFile(zoneFile, "example.org"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("zone file " + zoneFile + ": loop.zone:2: $INCLUDE loop.zone nests includes more than 8 deep"
            + " (an include loop?)");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void should_fail_when_the_zone_file_is_not_a_regular_file() {
    assertThatThrownBy(() -> DnsZone.create().loadZoneFile(Path.of("/dev/zero"), "example.org"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("zone file /dev/zero is not a regular file");
  }

  @Test
  void should_fail_when_a_zone_file_is_larger_than_4_mib() throws IOException {
    Path zoneFile = dir.resolve("huge.zone");
    try (RandomAccessFile file = new RandomAccessFile(zoneFile.toFile(), "rw")) {
      file.setLength(4 * 1024 * 1024 + 1); // sparse: no disk used
    }

    assertThatThrownBy(() -> DnsZone.create().loadZoneFile(zoneFile, "example.org"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("zone file " + zoneFile + " is larger than a zone file and its includes may be together:"
            + " 4194304 bytes (4 MiB)");
  }

  @Test
  void should_fail_with_an_illegal_argument_naming_the_line_of_a_broken_generate_range() throws IOException {
    // dnsjava throws StringIndexOutOfBoundsException for "1-"
    Path zoneFile = Files.writeString(dir.resolve("example.zone"), "$TTL 300\n@ IN A 192.0.2.1\n"
        + "$GENERATE 1- host$ A 192.0.2.$\n");

    assertThatThrownBy(() -> DnsZone.create().loadZoneFile(zoneFile, "example.org"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("zone file " + zoneFile + ":3: dnsjava's parser failed (StringIndexOutOfBoundsException); a"
            + " $GENERATE range is start-stop or start-stop/step, such as 1-10");
    assertThatThrownBy(() -> DnsZone.create().records("example.org", "$GENERATE 1- host$ A 192.0.2.$"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DNS record \"$GENERATE 1- host$ A 192.0.2.$\" cannot be parsed: dnsjava's parser failed"
            + " (StringIndexOutOfBoundsException); a $GENERATE range is start-stop or start-stop/step, such as 1-10");
  }

  @Test
  void should_generate_records_within_the_bound() {
    DnsZone zone = DnsZone.create().records("example.org", "$GENERATE 1-3 host$ A 192.0.2.$");

    assertThat(new DnsLookup(zone.resolver()).lookup("host3.example.org", Type.A).records())
        .extracting(Record::rdataToString).containsExactly("192.0.2.3");
  }

  @Test
  void should_fail_when_a_generate_range_makes_too_many_records() {
    assertThatThrownBy(() -> DnsZone.create().records("example.org", "$GENERATE 0-4294967295 h$ CNAME x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DNS record \"$GENERATE 0-4294967295 h$ CNAME x\" cannot be parsed: more than 100000 records, the"
            + " most a declaration may have (a $GENERATE range too wide?)");
  }
}
