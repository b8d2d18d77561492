package io.github.junitmailassert.dkim;

import io.github.junitmailassert.dns.DnsZone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** Builds a fresh {@link DnsZone} per conformance case from the DNS data of each set. */
final class ConformanceDns {

  private ConformanceDns() {}

  /** "name TAB value" lines, '#' comments (rfc6376-appendixA/dns.txt, lieser dns.tsv). */
  static DnsZone fromTabSeparated(Path file) {
    DnsZone zone = DnsZone.create();
    for (String line : lines(file)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      zone.txt(line.substring(0, tab).trim(), line.substring(tab + 1));
    }
    return zone;
  }

  /**
   * Mail::DKIM's FAKE_DNS.dat: "name whitespace value"; NXDOMAIN, ~~Query timed out~~, ~~SERVFAIL~~
   * and "" (one empty string) are special values; absent names do not exist.
   */
  static DnsZone fromMailDkimFakeDns(Path file) {
    DnsZone zone = DnsZone.create();
    for (String line : lines(file)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.trim().split("\\s+", 2);
      String name = parts[0];
      String value = parts.length > 1 ? parts[1].trim() : "";
      switch (value) {
        case "NXDOMAIN":
          break;
        case "~~Query timed out~~":
          zone.timeout(name);
          break;
        case "~~SERVFAIL~~":
          zone.servfail(name);
          break;
        case "\"\"":
          zone.txt(name, "");
          break;
        default:
          zone.txt(name, value);
      }
    }
    return zone;
  }

  /** mailauth's dns.json: {name: {TXT: [[chunk, ...], ...]}}, each inner list one record. */
  static DnsZone fromMailauthJson(Path file) {
    DnsZone zone = DnsZone.create();
    Map<String, Map<String, List<List<String>>>> json = new Yaml().load(String.join("\n", lines(file)));
    json.forEach((name, types) -> {
      for (List<String> record : types.getOrDefault("TXT", List.of())) {
        zone.txt(name, record.toArray(new String[0]));
      }
    });
    return zone;
  }

  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
