package io.github.junitmailassert.spf;

import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.internal.spf.DomainNames;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads the openspf RFC 7208 test suite: one scenario per YAML document, each test with the zone
 * of its scenario. The zone is built the way the suite's own driver (pyspf's) reads zonedata.
 * The benchmark reads the suite through this class too (the library's test-jar).
 */
public final class Rfc7208Suite {

  private static final long TTL = 300;

  /** One test: the inputs, the accepted results and the explanation the suite expects, if any. */
  public record Case(String scenario, String name, String description, String helo, String host, String mailFrom,
      List<String> results, String explanation, DnsZone zone) {

    public InetAddress clientIp() {
      try {
        return InetAddress.getByName(host); // always a literal in the suite
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String toString() {
      return scenario + ": " + name + (description.isEmpty() ? "" : " (" + description + ")");
    }
  }

  private Rfc7208Suite() {}

  public static List<Case> load(Path file) throws IOException {
    List<Case> cases = new ArrayList<>();
    LoaderOptions options = new LoaderOptions();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (Object doc : new Yaml(options).loadAll(reader)) {
        if (!(doc instanceof Map<?, ?> scenario)) {
          continue;
        }
        String description = text(scenario.get("description"));
        Map<?, ?> zonedata = scenario.get("zonedata") instanceof Map<?, ?> z ? z : Map.of();
        Map<?, ?> tests = (Map<?, ?>) scenario.get("tests");
        for (Map.Entry<?, ?> t : tests.entrySet()) {
          Map<?, ?> test = (Map<?, ?>) t.getValue();
          List<String> results = new ArrayList<>();
          if (test.get("result") instanceof List<?> list) {
            list.forEach(r -> results.add(text(r)));
          } else {
            results.add(text(test.get("result")));
          }
          cases.add(new Case(description, text(t.getKey()), oneLine(text(test.get("description"))), text(test.get("helo")),
              text(test.get("host")), text(test.get("mailfrom")), results,
              test.containsKey("explanation") ? text(test.get("explanation")) : null, zone(zonedata)));
        }
      }
    }
    return cases;
  }

  /**
   * The scenario's zone. As the suite's driver does: an SPF entry (type 99, never queried) is also
   * published as TXT unless the name lists TXT itself ("TXT: NONE" lists none); TIMEOUT makes the
   * name's lookups time out, except for types listed before it (the driver answers those), which
   * here only happens for TXT.
   */
  static DnsZone zone(Map<?, ?> zonedata) {
    DnsZone zone = DnsZone.create();
    for (Map.Entry<?, ?> e : zonedata.entrySet()) {
      String owner = text(e.getKey());
      Name name = DomainNames.toName(owner);
      if (name == null) {
        throw new IllegalStateException("zonedata name cannot exist in DNS: " + owner);
      }
      List<?> entries = e.getValue() instanceof List<?> l ? l : List.of();
      boolean listsTxt = entries.stream().anyMatch(x -> x instanceof Map<?, ?> m && m.containsKey("TXT"));
      boolean txtSeen = false;
      for (Object entry : entries) {
        if ("TIMEOUT".equals(entry)) {
          if (!txtSeen) {
            zone.timeout(owner);
          }
          continue;
        }
        Map<?, ?> m = (Map<?, ?>) entry;
        Map.Entry<?, ?> rr = m.entrySet().iterator().next();
        String type = text(rr.getKey());
        Object value = rr.getValue();
        switch (type) {
          case "A" -> zone.add(new ARecord(name, DClass.IN, TTL, ip(text(value))));
          case "AAAA" -> zone.add(new AAAARecord(name, DClass.IN, TTL, ip(text(value))));
          case "MX" -> {
            List<?> mx = (List<?>) value;
            zone.add(new MXRecord(name, DClass.IN, TTL, ((Number) mx.get(0)).intValue(), target(text(mx.get(1)))));
          }
          case "PTR" -> zone.add(new PTRRecord(name, DClass.IN, TTL, target(text(value))));
          case "CNAME" -> zone.add(new CNAMERecord(name, DClass.IN, TTL, target(text(value))));
          case "TXT" -> {
            if (!"NONE".equals(value)) {
              zone.add(textRecord(name, Type.TXT, value));
              txtSeen = true;
            }
          }
          case "SPF" -> {
            zone.add(textRecord(name, Type.SPF, value));
            if (!listsTxt) {
              zone.add(textRecord(name, Type.TXT, value));
              txtSeen = true;
            }
          }
          default -> throw new IllegalStateException("unknown zonedata type " + type + " at " + owner);
        }
      }
    }
    return zone;
  }

  /**
   * A TXT (or SPF) record from the suite's text, byte for byte: YAML's "\xEF" is the byte 0xEF,
   * a string over 255 bytes becomes several, a list is one record of several strings.
   */
  static Record textRecord(Name name, int type, Object value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(s -> strings.add(text(s)));
    } else {
      strings.add(text(value));
    }
    java.io.ByteArrayOutputStream rdata = new java.io.ByteArrayOutputStream();
    for (String s : strings) {
      byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
      int off = 0;
      do {
        int len = Math.min(255, bytes.length - off);
        rdata.write(len);
        rdata.write(bytes, off, len);
        off += len;
      } while (off < bytes.length);
    }
    byte[] data = rdata.toByteArray();
    return Record.newRecord(name, type, DClass.IN, TTL, data.length, data);
  }

  private static Name target(String host) {
    if (host.isEmpty() || host.equals(".")) {
      return Name.root;
    }
    Name n = DomainNames.toName(host);
    if (n == null) {
      throw new IllegalStateException("zonedata target cannot exist in DNS: " + host);
    }
    return n;
  }

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("not an address in zonedata: " + literal, e);
    }
  }

  private static String text(Object o) {
    return o == null ? "" : String.valueOf(o);
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }
}
