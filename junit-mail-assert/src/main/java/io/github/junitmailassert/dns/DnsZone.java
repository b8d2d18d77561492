package io.github.junitmailassert.dns;

import io.github.junitmailassert.internal.dns.IpLiterals;
import io.github.junitmailassert.internal.dns.ZoneResolver;
import io.github.junitmailassert.internal.dns.ZoneSnapshot;
import io.github.junitmailassert.internal.dns.ZoneText;
import io.github.junitmailassert.internal.mail.Domains;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The fake DNS zone that receiver checks and other processes see during a test.
 *
 * <p>It holds exactly the records the test declared, for any number of domains, and answers as an
 * authoritative server would: records, CNAMEs followed, wildcards, {@code NODATA} for a name that
 * exists without the asked type, {@code NXDOMAIN} otherwise, and the faults a test declares.
 *
 * <pre>{@code
 * DnsZone zone = DnsZone.create()
 *     .a("mail.sample.co.jp", "203.0.113.25")
 *     .ptr("203.0.113.25", "mail.sample.co.jp")
 *     .txt("sample.co.jp", "v=spf1 ip4:203.0.113.25 -all");
 * }</pre>
 *
 * <p>Records are added by the builder methods, {@link #records(String, String...)} and {@link #add(Record)};
 * {@link #remove(String, int)}, {@link #replace(Record...)}, {@link #replaceRecords(String, String...)},
 * {@link #replaceSpf(String, String)} and {@link #replaceDmarc(String, String)} change what is there, one
 * name and type at a time. {@link #reset()} goes back to exactly what was declared (the annotation's or
 * builder's records, for the extension's zone); {@link #clear()} drops everything, declared records included.
 *
 * <p>Names may be internationalized (RFC 5890): every method that takes a name as text converts its
 * U-labels to A-labels ({@link java.net.IDN#toASCII(String)}, IDNA 2003 as the JDK has it), so
 * {@code spf("例え.jp", ...)} publishes the record under {@code xn--r8jz45g.jp} and a lookup of either
 * form finds it. A name that cannot be converted is refused: {@code not a valid DNS name: "<name>"
 * (not an internationalized domain name: <why>)}. Names inside zone-file text are read as written.
 *
 * <p>Thread-safety: all methods may be called from any thread; a change is visible to the next lookup,
 * and a lookup sees a replaced record set either whole before or whole after the change.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class DnsZone {

  private static final long TTL = 300;
  /** The wildcard label, parsed once: every lookup of a name the zone lacks asks for the wildcard under its parents. */
  private static final Name WILDCARD = Name.fromConstantString("*");

  static {
    ZoneSnapshot.install(new ZoneSnapshot.Door() {
      @Override
      public DnsZone over(ZoneSnapshot snapshot) {
        DnsZone zone = new DnsZone();
        zone.declared = snapshot;
        zone.base = snapshot;
        return zone;
      }

      @Override
      public void restore(DnsZone zone, ZoneSnapshot snapshot) {
        zone.declared = snapshot;
        zone.forgetChanges(snapshot);
      }

      @Override
      public ZoneSnapshot freeze(DnsZone zone) {
        return zone.freeze();
      }
    });
  }

  // Declared records, parsed once and shared (read only), under this zone's own changes (copy on write).
  private volatile ZoneSnapshot base = ZoneSnapshot.EMPTY;
  // What reset() goes back to: the declaration (base differs from it only after clear()).
  private volatile ZoneSnapshot declared = ZoneSnapshot.EMPTY;
  private final Map<Name, RecordList> written = new ConcurrentHashMap<>();
  private final Set<Name> writtenParents = ConcurrentHashMap.newKeySet();
  private final Map<Name, DnsFault> faults = new ConcurrentHashMap<>();
  // Most zones have no wildcard: then a name without records needs no walk up its parents. Once
  // set it stays, through reset and clear too: a flag that a racing reset cleared could hide a record.
  private volatile boolean wildcardWritten;

  private DnsZone() {}

  /** {@return an empty zone} */
  public static DnsZone create() {
    return new DnsZone();
  }

  /**
   * Adds A records: {@code name} resolves to each IPv4 address.
   *
   * @param name the owner name, such as {@code mail.sample.co.jp}
   * @param ipv4Addresses the IPv4 addresses
   * @return this zone
   */
  public DnsZone a(String name, String... ipv4Addresses) {
    for (String ip : ipv4Addresses) {
      add(new ARecord(name(name), DClass.IN, TTL, address(ip, 4)));
    }
    return this;
  }

  /**
   * Adds AAAA records: {@code name} resolves to each IPv6 address.
   *
   * @param name the owner name, such as {@code mail.sample.co.jp}
   * @param ipv6Addresses the IPv6 addresses
   * @return this zone
   */
  public DnsZone aaaa(String name, String... ipv6Addresses) {
    for (String ip : ipv6Addresses) {
      add(new AAAARecord(name(name), DClass.IN, TTL, address(ip, 6)));
    }
    return this;
  }

  /**
   * Adds an MX record with the given preference.
   *
   * @param domain the domain, such as {@code sample.co.jp}
   * @param preference the MX preference (lower is tried first)
   * @param exchange the mail exchanger's host name
   * @return this zone
   */
  public DnsZone mx(String domain, int preference, String exchange) {
    return add(new MXRecord(name(domain), DClass.IN, TTL, preference, name(exchange)));
  }

  /**
   * Adds one TXT record. Several strings make one record of several character-strings, as DNS
   * stores a long SPF record or a DKIM key; receivers join them without spaces.
   *
   * <p>Each string is stored as given, as UTF-8 bytes: a backslash is a backslash and a quote a
   * quote, with no zone-file escapes (write those in {@link #records(String, String...)}, which
   * reads zone-file syntax). A string over 255 bytes, the most a character-string holds, becomes
   * several, split between characters. {@code txt(name, "")} is a record of one empty string.
   *
   * @param name the owner name, such as {@code mail.sample.co.jp}
   * @param strings the record's character-strings, as given
   * @return this zone
   */
  public DnsZone txt(String name, String... strings) {
    return add(txtRecord(name(name), strings));
  }

  private static Record txtRecord(Name owner, String... strings) {
    if (strings.length == 0) {
      throw new IllegalArgumentException("a TXT record needs at least one string (txt(name, \"\") publishes an empty one)");
    }
    ByteArrayOutputStream rdata = new ByteArrayOutputStream();
    for (String s : strings) {
      for (byte[] part : characterStrings(Objects.requireNonNull(s, "a TXT string"))) {
        rdata.write(part.length);
        rdata.writeBytes(part);
      }
    }
    // From wire data, so that dnsjava reads no escapes into the text.
    return Record.newRecord(owner, Type.TXT, DClass.IN, TTL, rdata.toByteArray());
  }

  /**
   * Publishes an SPF policy as receivers look it up: a TXT record at the domain (RFC 7208 section 3).
   *
   * @param domain the domain, such as {@code sample.co.jp}
   * @param spfRecord the SPF record, such as {@code v=spf1 ip4:203.0.113.25 -all}
   * @return this zone
   */
  public DnsZone spf(String domain, String spfRecord) {
    return txt(domain, spfRecord);
  }

  /**
   * Publishes a DMARC policy record at {@code _dmarc.<domain>}.
   *
   * @param domain the domain, such as {@code sample.co.jp}
   * @param dmarcRecord the DMARC record, such as {@code v=DMARC1; p=reject}
   * @return this zone
   */
  public DnsZone dmarc(String domain, String dmarcRecord) {
    return txt("_dmarc." + domain, dmarcRecord);
  }

  /**
   * Publishes a DKIM key record at {@code <selector>._domainkey.<domain>}.
   *
   * @param selector the DKIM selector, such as {@code s1}
   * @param domain the domain, such as {@code sample.co.jp}
   * @param keyRecord the key record, such as {@code v=DKIM1; k=rsa; p=...}
   * @return this zone
   */
  public DnsZone dkimKeyRecord(String selector, String domain, String keyRecord) {
    return txt(selector + "._domainkey." + domain, keyRecord);
  }

  /**
   * Adds the PTR record for an IPv4 or IPv6 address: reverse DNS of {@code ip} names {@code hostName}.
   *
   * @param ip an IPv4 or IPv6 address literal
   * @param hostName the host name
   * @return this zone
   */
  public DnsZone ptr(String ip, String hostName) {
    InetAddress address = address(ip, 0);
    return add(new PTRRecord(ReverseMap.fromAddress(address), DClass.IN, TTL, name(hostName)));
  }

  /**
   * Adds a CNAME: {@code alias} is another name for {@code target}.
   *
   * @param alias the name that is an alias
   * @param target the canonical name the alias points to
   * @return this zone
   */
  public DnsZone cname(String alias, String target) {
    return add(new CNAMERecord(name(alias), DClass.IN, TTL, name(target)));
  }

  /**
   * Adds an NS record.
   *
   * @param domain the domain, such as {@code sample.co.jp}
   * @param nameServer the name server's host name
   * @return this zone
   */
  public DnsZone ns(String domain, String nameServer) {
    return add(new NSRecord(name(domain), DClass.IN, TTL, name(nameServer)));
  }

  /**
   * Declares the host a mail is sent from: an A (or AAAA) record for {@code hostName} and the PTR
   * record back, which is what forward-confirmed reverse DNS asks for.
   *
   * @param hostName the host name
   * @param ip an IPv4 or IPv6 address literal
   * @return this zone
   */
  public DnsZone sendingHost(String hostName, String ip) {
    InetAddress address = address(ip, 0);
    if (address.getAddress().length == 4) {
      a(hostName, ip);
    } else {
      aaaa(hostName, ip);
    }
    return ptr(ip, hostName);
  }

  /**
   * Adds an SOA record for {@code domain}, so that negative answers carry one as real servers'
   * do. The extension adds one for the sending domain.
   *
   * @param domain the domain, such as {@code sample.co.jp}
   * @return this zone
   */
  public DnsZone soa(String domain) {
    Name origin = name(domain);
    Name host = name("ns." + domain);
    Name admin = name("hostmaster." + domain);
    return add(new SOARecord(origin, DClass.IN, TTL, host, admin, 1, 3600, 600, 86400, TTL));
  }

  /**
   * Makes every lookup of {@code name} fail in the given way (a {@code temperror} for the checks).
   *
   * @param name the owner name, such as {@code mail.sample.co.jp}
   * @param fault the fault that lookups of that name get
   * @return this zone
   */
  public DnsZone fault(String name, DnsFault fault) {
    faults.put(name(name), Objects.requireNonNull(fault, "fault"));
    return this;
  }

  /**
   * Makes every lookup of {@code name} time out.
   *
   * @param name the owner name, such as {@code mail.sample.co.jp}
   * @return this zone
   */
  public DnsZone timeout(String name) {
    return fault(name, DnsFault.TIMEOUT);
  }

  /**
   * Makes every lookup of {@code name} answer SERVFAIL.
   *
   * @param name the owner name, such as {@code mail.sample.co.jp}
   * @return this zone
   */
  public DnsZone servfail(String name) {
    return fault(name, DnsFault.SERVFAIL);
  }

  /**
   * Adds any dnsjava record, for types the builder methods do not cover.
   *
   * @param record the record, in dnsjava's form
   * @return this zone
   */
  public DnsZone add(Record record) {
    Name owner = record.getName();
    ZoneSnapshot declared = base;
    noteWildcard(owner);
    // The first change at a name copies the declared records there; later ones append in O(1).
    written.compute(owner, (n, list) -> (list == null ? new RecordList(declared.at(n)) : list).append(record));
    noteAncestors(owner, declared);
    return this;
  }

  private void noteAncestors(Name owner, ZoneSnapshot declared) {
    for (Name n = owner; n.labels() > 1; ) {
      n = new Name(n, 1);
      if (declared.hasDescendants(n) || !writtenParents.add(n)) {
        break; // known, and so are all its ancestors
      }
    }
  }

  /**
   * Removes the records of {@code type} (a {@link Type} such as {@code Type.MX}) at {@code name};
   * {@link Type#ANY} removes every record there. Faults declared for the name stay. A name left with
   * no records answers NXDOMAIN, as if never declared (a wildcard above it answers again); names
   * above it are left as they are.
   *
   * @param name the owner name
   * @param type the record type to remove, or {@link Type#ANY}
   * @return this zone
   */
  public DnsZone remove(String name, int type) {
    return change(name(name), r -> type == Type.ANY || r.getType() == type, List.of());
  }

  /**
   * Removes every record at {@code name}: {@code remove(name, Type.ANY)}.
   *
   * @param name the owner name
   * @return this zone
   */
  public DnsZone remove(String name) {
    return remove(name, Type.ANY);
  }

  /**
   * Replaces, at each name and type among {@code records}, the records there with those given: the
   * other types at that name stay. {@code replace(new MXRecord(...))} leaves one MX record where
   * there were several.
   *
   * @param records the records that replace those of their name and type
   * @return this zone
   */
  public DnsZone replace(Record... records) {
    return replaceAll(List.of(records));
  }

  /**
   * Replaces records written as in a BIND zone file (the syntax of {@link #records(String,
   * String...)}): at each name and type the lines give, the records there become the lines'
   * records. {@code replaceRecords("sample.co.jp", "@ IN MX 20 backup")} leaves that one MX record.
   *
   * @param origin the origin of relative names, such as {@code sample.co.jp}
   * @param lines the records in zone-file syntax
   * @return this zone
   * @throws IllegalArgumentException naming the line when one cannot be parsed
   */
  public DnsZone replaceRecords(String origin, String... lines) {
    List<Record> parsed = new ArrayList<>();
    ZoneText.records(name(origin), TTL, List.of(lines), parsed::add);
    return replaceAll(parsed);
  }

  /**
   * Publishes {@code spfRecord} as the SPF policy of {@code domain}, in place of any there: the TXT
   * records at the domain that are SPF records ({@code v=spf1}, RFC 7208 section 4.5) are removed,
   * other TXT records there stay. ({@link #spf(String, String)} adds one more, and two SPF records
   * are a permerror.)
   *
   * @param domain the domain, such as {@code sample.co.jp}
   * @param spfRecord the SPF record's text, such as {@code v=spf1 -all}
   * @return this zone
   */
  public DnsZone replaceSpf(String domain, String spfRecord) {
    return change(name(domain), DnsZone::isSpfRecord, List.of(txtRecord(name(domain), spfRecord)));
  }

  /**
   * Removes the SPF records (TXT {@code v=spf1 ...}) of {@code domain}; other TXT records stay.
   *
   * @param domain the domain
   * @return this zone
   */
  public DnsZone removeSpf(String domain) {
    return change(name(domain), DnsZone::isSpfRecord, List.of());
  }

  /**
   * Publishes {@code dmarcRecord} at {@code _dmarc.<domain>} in place of the TXT records there.
   *
   * @param domain the domain, such as {@code sample.co.jp}
   * @param dmarcRecord the DMARC record's text, such as {@code v=DMARC1; p=reject}
   * @return this zone
   */
  public DnsZone replaceDmarc(String domain, String dmarcRecord) {
    Name owner = name("_dmarc." + domain);
    return change(owner, r -> r.getType() == Type.TXT, List.of(txtRecord(owner, dmarcRecord)));
  }

  /**
   * Removes the TXT records at {@code _dmarc.<domain>}.
   *
   * @param domain the domain
   * @return this zone
   */
  public DnsZone removeDmarc(String domain) {
    return remove("_dmarc." + domain, Type.TXT);
  }

  private DnsZone replaceAll(List<Record> records) {
    Map<Name, List<Record>> byOwner = new LinkedHashMap<>();
    for (Record r : records) {
      byOwner.computeIfAbsent(Objects.requireNonNull(r, "a record").getName(), n -> new ArrayList<>()).add(r);
    }
    byOwner.forEach((owner, added) -> {
      Set<Integer> types = new HashSet<>();
      added.forEach(r -> types.add(r.getType()));
      change(owner, r -> types.contains(r.getType()), added);
    });
    return this;
  }

  /** At one name, in one step: drops the records that match, then appends {@code added}. */
  private DnsZone change(Name owner, Predicate<Record> drop, List<Record> added) {
    ZoneSnapshot declared = base;
    if (!added.isEmpty()) {
      noteWildcard(owner);
    }
    written.compute(owner, (n, list) -> {
      List<Record> kept = new ArrayList<>();
      for (Record r : list == null ? Objects.requireNonNullElse(declared.at(n), List.<Record>of()) : list.view()) {
        if (!drop.test(r)) {
          kept.add(r);
        }
      }
      kept.addAll(added);
      return new RecordList(kept); // a new list: readers of the old one see it whole
    });
    if (!added.isEmpty()) {
      noteAncestors(owner, declared);
    }
    return this;
  }

  /** Before a record at {@code owner} is written, so that no lookup sees a wildcard record without the flag. */
  private void noteWildcard(Name owner) {
    if (owner.isWild()) {
      wildcardWritten = true;
    }
  }

  private static boolean isSpfRecord(Record r) {
    if (!(r instanceof TXTRecord txt)) {
      return false;
    }
    StringBuilder text = new StringBuilder();
    txt.getStringsAsByteArrays().forEach(b -> text.append(new String(b, StandardCharsets.UTF_8)));
    String t = text.toString();
    return t.regionMatches(true, 0, "v=spf1", 0, 6) && (t.length() == 6 || t.charAt(6) == ' ');
  }

  /**
   * Loads a BIND master file. Relative names are relative to {@code origin}; {@code $ORIGIN},
   * {@code $TTL} and {@code $GENERATE} work as in BIND. {@code $INCLUDE} may name only regular files in
   * the zone file's own directory or below it, nested at most 8 deep; the file and its includes
   * together may have at most 4 MiB and 100,000 records.
   *
   * @throws IllegalArgumentException naming the file and line when the file cannot be parsed, or
   *     breaks those bounds
   * @param zoneFile the zone file
   * @param origin the origin that relative names are relative to, such as {@code sample.co.jp}
   * @return this zone
   */
  public DnsZone loadZoneFile(Path zoneFile, String origin) {
    ZoneText.file(zoneFile, name(origin), TTL, this::add);
    return this;
  }

  /**
   * Removes every record and fault, the declared ones included: for the extension's zone that is
   * also the SOA of the domain and the sending host's A and PTR records. To go back to the
   * declaration instead, use {@link #reset()}.
   *
   * @return this zone
   */
  public DnsZone clear() {
    forgetChanges(ZoneSnapshot.EMPTY);
    return this;
  }

  /**
   * Goes back to exactly what was declared, forgetting every change since: for the extension's zone,
   * the records and faults of the annotation or builder (and of the test method's
   * {@code @MailDeliverabilityOverride}); for a zone made with {@link #create()}, nothing. The
   * extension resets the zone of a shared environment before each test and after it. O(1): the
   * declaration is an immutable snapshot, read through again.
   *
   * @return this zone
   */
  public DnsZone reset() {
    forgetChanges(declared);
    return this;
  }

  private void forgetChanges(ZoneSnapshot snapshot) {
    base = ZoneSnapshot.EMPTY; // lookups meanwhile see an empty zone, never a half-restored one
    written.clear();
    writtenParents.clear();
    faults.clear();
    base = snapshot;
  }

  private ZoneSnapshot freeze() {
    ZoneSnapshot declared = base;
    Map<Name, List<Record>> all = new HashMap<>(declared.records());
    written.forEach((name, list) -> {
      if (list.isEmpty()) {
        all.remove(name); // removed by this zone
      } else {
        all.put(name, list.view());
      }
    });
    Set<Name> parents = new HashSet<>(declared.namesWithDescendants());
    parents.addAll(writtenParents);
    Map<Name, DnsFault> allFaults = new HashMap<>(declared.faults());
    allFaults.putAll(faults);
    return new ZoneSnapshot(all, parents, allFaults);
  }

  /**
   * Adds records written as in a BIND zone file, one per line, such as
   * {@code "mail IN A 203.0.113.25"}; relative names are relative to {@code origin}. {@code $INCLUDE}
   * is not allowed here (use {@link #loadZoneFile}).
   *
   * @throws IllegalArgumentException naming the line when one cannot be parsed
   * @param origin the origin that relative names are relative to, such as {@code sample.co.jp}
   * @param lines records in BIND zone-file syntax, one per entry
   * @return this zone
   */
  public DnsZone records(String origin, String... lines) {
    ZoneText.records(name(origin), TTL, List.of(lines), this::add);
    return this;
  }

  /** {@return every record in the zone, in no particular order} */
  public List<Record> records() {
    List<Record> all = new ArrayList<>();
    base.records().forEach((name, list) -> {
      if (!written.containsKey(name)) {
        all.addAll(list);
      }
    });
    written.values().forEach(list -> all.addAll(list.view()));
    return Collections.unmodifiableList(all);
  }

  /**
   * {@return a resolver that answers from this zone in process, with no socket} Hand it to code that takes
   * a dnsjava {@link Resolver}; never install it as dnsjava's static default, which other tests
   * share.
   */
  public Resolver resolver() {
    return new ZoneResolver(this);
  }

  /**
   * Looks a name up as an authoritative server would. This is the one place the zone's answering
   * rules live; the in-process resolver and the loopback server both use it.
   *
   * @param qname the name asked for
   * @param type the record type, such as {@code Type.TXT}
   * @return the answer: records, NXDOMAIN, NODATA or the declared fault
   */
  public DnsAnswer lookup(Name qname, int type) {
    List<Record> answer = new ArrayList<>();
    Name current = qname;
    for (int chain = 0; chain < 16; chain++) {
      DnsFault fault = faultAt(current);
      if (fault != null) {
        return DnsAnswer.temperror(fault == DnsFault.TIMEOUT ? DnsAnswer.TIMED_OUT : DnsAnswer.SERVFAIL);
      }
      List<Record> node = node(current);
      if (node == null) {
        return answer.isEmpty() ? DnsAnswer.nxdomain() : new DnsAnswer(DnsAnswer.Status.NXDOMAIN, answer, "NXDOMAIN");
      }
      Record cname = null;
      boolean found = false;
      for (Record r : node) {
        if (r.getType() == type || type == Type.ANY) {
          answer.add(withOwner(r, current));
          found = true;
        } else if (r.getType() == Type.CNAME) {
          cname = r;
        }
      }
      if (found || cname == null) {
        return found ? new DnsAnswer(DnsAnswer.Status.OK, answer, "") : nodata(answer);
      }
      answer.add(withOwner(cname, current));
      current = ((CNAMERecord) cname).getTarget();
    }
    return DnsAnswer.temperror("CNAME chain too long");
  }

  /**
   * Same as {@link #lookup(Name, int)} for a name given as text.
   *
   * @param name the owner name, such as {@code mail.sample.co.jp}
   * @param type the record type, such as {@code Type.TXT}
   * @return the answer: records, NXDOMAIN, NODATA or the declared fault
   */
  public DnsAnswer lookup(String name, int type) {
    return lookup(name(name), type);
  }

  /**
   * {@return the SOA closest above {@code name}, for the authority section of negative answers}
   *
   * @param name the owner name, such as {@code mail.sample.co.jp}
   */
  public Record soaFor(Name name) {
    for (Name n = name; n.labels() >= 1; n = new Name(n, 1)) {
      List<Record> node = at(n);
      if (node != null) {
        for (Record r : node) {
          if (r.getType() == Type.SOA) {
            return r;
          }
        }
      }
      if (n.labels() == 1) {
        break;
      }
    }
    return null;
  }

  private static DnsAnswer nodata(List<Record> cnames) {
    return cnames.isEmpty() ? DnsAnswer.nodata() : new DnsAnswer(DnsAnswer.Status.NODATA, cnames, "no records");
  }

  /** The records at a name: exact, else a wildcard's, else empty for an empty non-terminal, else null. */
  private List<Record> node(Name name) {
    List<Record> exact = at(name);
    if (exact != null) {
      return exact;
    }
    if (hasDescendants(name)) {
      return List.of();
    }
    if (!wildcardWritten && !base.hasWildcards()) {
      return null;
    }
    // RFC 4592: the wildcard at the closest encloser answers for names below it that do not exist.
    for (Name n = name; n.labels() > 2; ) {
      n = new Name(n, 1);
      List<Record> wildcard = at(wildcardUnder(n));
      if (wildcard != null) {
        return wildcard;
      }
      if (at(n) != null || hasDescendants(n)) {
        return null;
      }
    }
    return null;
  }

  private List<Record> at(Name name) {
    RecordList changed = written.get(name);
    if (changed == null) {
      return base.at(name);
    }
    return changed.isEmpty() ? null : changed.view(); // an empty list hides declared records that were removed
  }

  private boolean hasDescendants(Name name) {
    return writtenParents.contains(name) || base.hasDescendants(name);
  }

  private DnsFault faultAt(Name name) {
    DnsFault fault = faults.get(name);
    return fault != null ? fault : base.fault(name);
  }

  /**
   * The records at one name: appended under a lock in amortized O(1), read without one. Readers take
   * {@code size} before {@code items}; both are volatile and the array only grows, so the first
   * {@code size} slots a reader sees are always filled.
   */
  private static final class RecordList {
    private volatile Record[] items;
    private volatile int size;

    RecordList(List<Record> declared) {
      items = declared == null ? new Record[4] : declared.toArray(new Record[Math.max(4, declared.size() * 2)]);
      size = declared == null ? 0 : declared.size();
    }

    synchronized RecordList append(Record record) {
      int n = size;
      if (n == items.length) {
        items = Arrays.copyOf(items, n * 2);
      }
      items[n] = record;
      size = n + 1;
      return this;
    }

    boolean isEmpty() {
      return size == 0;
    }

    List<Record> view() {
      int n = size;
      return Collections.unmodifiableList(Arrays.asList(items).subList(0, n));
    }
  }

  private static Name wildcardUnder(Name parent) {
    try {
      return Name.concatenate(WILDCARD, parent);
    } catch (org.xbill.DNS.NameTooLongException e) {
      return parent;
    }
  }

  private static Record withOwner(Record r, Name owner) {
    return r.getName().equals(owner) ? r : r.withName(owner);
  }

  static Name name(String text) {
    Objects.requireNonNull(text, "name");
    String ascii = Domains.toAscii(text);
    try {
      return Name.fromString(ascii.endsWith(".") ? ascii : ascii + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException("not a valid DNS name: \"" + text + "\" (" + e.getMessage() + ")", e);
    }
  }

  private static InetAddress address(String ip, int family) {
    Objects.requireNonNull(ip, "ip");
    // Literals only: never a lookup, never a guess ("1.2.3" is not an address).
    Optional<InetAddress> parsed = family == 4 ? IpLiterals.parseIpv4(ip)
        : family == 6 ? IpLiterals.parseIpv6(ip) : IpLiterals.parse(ip);
    return parsed.orElseThrow(() -> new IllegalArgumentException(
        "not an IPv" + (family == 0 ? "4 or IPv6" : family) + " address: \"" + ip + "\""));
  }

  /** The UTF-8 bytes of {@code s} in character-strings of at most 255 bytes, never splitting a character. */
  private static List<byte[]> characterStrings(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    List<byte[]> parts = new ArrayList<>();
    int start = 0;
    do {
      int end = Math.min(bytes.length, start + 255);
      while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
        end--; // a continuation byte: the character starts before the cut
      }
      parts.add(Arrays.copyOfRange(bytes, start, end));
      start = end;
    } while (start < bytes.length);
    return parts;
  }
}
