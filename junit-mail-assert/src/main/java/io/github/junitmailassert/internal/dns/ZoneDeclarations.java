package io.github.junitmailassert.internal.dns;

import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.internal.mail.Domains;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;

/**
 * What a test class declares for its zone (the annotation's or the builder's {@code domain},
 * {@code spf}, {@code dmarc}, sending host, {@code records} and {@code zoneFiles}), parsed once into a
 * {@link ZoneSnapshot} that each test then reads through a copy-on-write {@link DnsZone}.
 *
 * <p>Parsed once per distinct declaration in the JVM: the cache key is this whole record plus the
 * class path location of each class path zone file, and an entry is dropped when a zone file on disk
 * (or a file it includes) changes size or modification time. A class path zone file is parsed once
 * per JVM for each origin. Internal.
 *
 * @param replacingRecords records a test method declares over the class's: parsed last, each replaces
 *     the records of its name and type (see {@link DnsZone#replaceRecords(String, String...)})
 */
@API(status = API.Status.INTERNAL)
public record ZoneDeclarations(String domain, String clientIp, String clientHostName, String spf, String dmarc,
    List<String> records, List<String> zoneFiles, String zoneFileOrigin, List<String> replacingRecords) {

  private static final long TTL = 300;
  private static final String CLASS_PATH = "classpath:";
  private static final DeclarationCache<Key, Parsed> SNAPSHOTS = new DeclarationCache<>(64);
  private static final DeclarationCache<String, List<Record>> CLASS_PATH_FILES = new DeclarationCache<>(64);

  public ZoneDeclarations {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(clientIp, "clientIp");
    Objects.requireNonNull(clientHostName, "clientHostName");
    Objects.requireNonNull(spf, "spf");
    Objects.requireNonNull(dmarc, "dmarc");
    Objects.requireNonNull(zoneFileOrigin, "zoneFileOrigin");
    records = List.copyOf(records);
    zoneFiles = List.copyOf(zoneFiles);
    replacingRecords = List.copyOf(replacingRecords);
  }

  /** A declaration with no records replaced. */
  public ZoneDeclarations(String domain, String clientIp, String clientHostName, String spf, String dmarc,
      List<String> records, List<String> zoneFiles, String zoneFileOrigin) {
    this(domain, clientIp, clientHostName, spf, dmarc, records, zoneFiles, zoneFileOrigin, List.of());
  }

  /** The declared zone, parsed now or earlier. */
  public ZoneSnapshot snapshot() {
    List<String> locations = new ArrayList<>();
    for (String file : zoneFiles) {
      if (file.startsWith(CLASS_PATH)) {
        locations.add(classPathResource(file).toString());
      }
    }
    return SNAPSHOTS.get(new Key(this, List.copyOf(locations)), Parsed::fresh, () -> parse(locations)).snapshot();
  }

  private record Key(ZoneDeclarations declarations, List<String> classPathLocations) {}

  private record Parsed(ZoneSnapshot snapshot, List<Stamp> files) {
    boolean fresh() {
      return files.stream().allMatch(Stamp::unchanged);
    }
  }

  private record Stamp(Path file, FileTime modified, long size) {
    static Stamp of(Path file) {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(file, a.lastModifiedTime(), a.size());
      } catch (IOException e) {
        return new Stamp(file, FileTime.fromMillis(0), -1);
      }
    }

    boolean unchanged() {
      return equals(of(file));
    }
  }

  private boolean hasDomain() {
    return !domain.isBlank();
  }

  private Parsed parse(List<String> classPathLocations) {
    DnsZone zone = DnsZone.create();
    String origin = hasDomain() ? domain : ".";
    if (hasDomain()) {
      zone.soa(domain);
      if (!spf.isBlank()) {
        zone.spf(domain, spf);
      }
      if (!dmarc.isBlank()) {
        zone.dmarc(domain, dmarc);
      }
    } else if (!spf.isBlank() || !dmarc.isBlank()) {
      throw new IllegalArgumentException("spf and dmarc are published at the domain: declare domain as well");
    }
    if (!clientHostName.isBlank()) {
      if (clientIp.isBlank()) {
        throw new IllegalArgumentException("clientHostName \"" + clientHostName
            + "\" needs clientIp: the zone gets its A and PTR records from both");
      }
      zone.sendingHost(clientHostName, clientIp);
    }
    zone.records(origin, records.toArray(String[]::new));
    String fileOrigin = zoneFileOrigin.isBlank() ? origin : zoneFileOrigin;
    Name fileOriginName = name(fileOrigin);
    List<Stamp> stamps = new ArrayList<>();
    int classPathIndex = 0;
    for (String file : zoneFiles) {
      if (file.startsWith(CLASS_PATH)) {
        String location = classPathLocations.get(classPathIndex++);
        CLASS_PATH_FILES.get(location + " " + fileOriginName, records -> true,
            () -> classPathRecords(file, location, fileOriginName)).forEach(zone::add);
      } else {
        for (Path read : ZoneText.file(Path.of(file), fileOriginName, TTL, zone::add)) {
          stamps.add(Stamp.of(read));
        }
      }
    }
    zone.replaceRecords(origin, replacingRecords.toArray(String[]::new));
    return new Parsed(ZoneSnapshot.of(zone), List.copyOf(stamps));
  }

  private static URL classPathResource(String file) {
    String resource = file.substring(CLASS_PATH.length()).replaceFirst("^/", "");
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    URL url = loader == null ? null : loader.getResource(resource);
    if (url == null) {
      throw new IllegalArgumentException("zone file " + file + " is not on the class path");
    }
    return url;
  }

  private static List<Record> classPathRecords(String file, String location, Name origin) {
    List<Record> parsed = new ArrayList<>();
    try (InputStream in = URI.create(location).toURL().openStream()) {
      ZoneText.text("zone file " + file, in.readNBytes(ZoneText.MAX_BYTES + 1), origin, TTL, parsed::add);
    } catch (IOException e) {
      throw new IllegalArgumentException("zone file " + file + " cannot be read: " + e.getMessage(), e);
    }
    return List.copyOf(parsed);
  }

  private static Name name(String text) {
    String ascii = Domains.toAscii(text);
    try {
      return Name.fromString(ascii.endsWith(".") ? ascii : ascii + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException("not a valid DNS name: \"" + text + "\" (" + e.getMessage() + ")", e);
    }
  }
}
