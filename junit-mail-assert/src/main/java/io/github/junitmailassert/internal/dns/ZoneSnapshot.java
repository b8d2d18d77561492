package io.github.junitmailassert.internal.dns;

import io.github.junitmailassert.dns.DnsFault;
import io.github.junitmailassert.dns.DnsZone;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * The records and faults of a zone, frozen: parsed once, shared by every test that declares the same
 * zone. A test's {@link DnsZone} reads through to it and keeps its own changes apart (copy on
 * write), so tests running in parallel never see each other's records. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class ZoneSnapshot {

  public static final ZoneSnapshot EMPTY = new ZoneSnapshot(Map.of(), Set.of(), Map.of());

  private final Map<Name, List<Record>> records;
  private final Set<Name> namesWithDescendants;
  private final Map<Name, DnsFault> faults;
  private final boolean hasWildcards;

  /** Copies what it is given; {@code namesWithDescendants} holds every ancestor of every owner. */
  public ZoneSnapshot(Map<Name, ? extends List<Record>> records, Set<Name> namesWithDescendants,
      Map<Name, DnsFault> faults) {
    Map<Name, List<Record>> copy = new HashMap<>((int) (records.size() / 0.75f) + 1);
    records.forEach((name, list) -> copy.put(name, List.copyOf(list)));
    this.records = Map.copyOf(copy);
    this.namesWithDescendants = Set.copyOf(namesWithDescendants);
    this.faults = Map.copyOf(faults);
    this.hasWildcards = this.records.keySet().stream().anyMatch(Name::isWild);
  }

  /** {@return whether a record's owner is a wildcard ({@code *.name}), which may answer for names without records} */
  public boolean hasWildcards() {
    return hasWildcards;
  }

  /** The records at exactly {@code name}, or {@code null}. */
  public List<Record> at(Name name) {
    return records.get(name);
  }

  public boolean hasDescendants(Name name) {
    return namesWithDescendants.contains(name);
  }

  public DnsFault fault(Name name) {
    return faults.get(name);
  }

  public Map<Name, List<Record>> records() {
    return records;
  }

  public Set<Name> namesWithDescendants() {
    return namesWithDescendants;
  }

  public Map<Name, DnsFault> faults() {
    return faults;
  }

  /** A new zone holding this snapshot's records, whose changes stay its own. */
  public DnsZone newZone() {
    return door().over(this);
  }

  /** Forgets every change made to {@code zone} and shows this snapshot again. */
  public void restore(DnsZone zone) {
    door().restore(zone, this);
  }

  /** What {@code zone} holds now, frozen. */
  public static ZoneSnapshot of(DnsZone zone) {
    return door().freeze(zone);
  }

  // ---------------------------------------------------------------- DnsZone's door

  /**
   * How this internal package reaches DnsZone's storage without widening its public API: DnsZone
   * installs its door once, from its static initializer (the JDK's "shared secrets" pattern).
   */
  @API(status = API.Status.INTERNAL)
  public interface Door {
    DnsZone over(ZoneSnapshot snapshot);

    void restore(DnsZone zone, ZoneSnapshot snapshot);

    ZoneSnapshot freeze(DnsZone zone);
  }

  private static volatile Door door;

  /** For DnsZone's static initializer only. */
  public static void install(Door zoneDoor) {
    if (door != null) {
      throw new IllegalStateException("DnsZone's door is installed already");
    }
    door = zoneDoor;
  }

  private static Door door() {
    if (door == null) {
      try {
        Class.forName(DnsZone.class.getName(), true, DnsZone.class.getClassLoader()); // runs its initializer
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return door;
  }
}
