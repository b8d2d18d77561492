package io.github.junitmailassert.internal.dmarc;

import io.github.junitmailassert.dmarc.DmarcMode;
import io.github.junitmailassert.dmarc.DmarcRecord;
import io.github.junitmailassert.dns.DnsAnswer;
import io.github.junitmailassert.internal.dns.DnsLookup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Type;

/**
 * The DMARC record lookups of one evaluation, each name asked once, and the RFC 9989 DNS tree walk
 * over them. One instance per evaluation (not thread-safe). Internal.
 */
final class DmarcDns {

  /** RFC 9989 section 4.10: the walk never queries more names than this. */
  static final int MAX_WALK_QUERIES = 8;

  enum Kind {
    /** Exactly one DMARC record. */
    RECORD,
    /** No DMARC record (none, or only TXT records that are not DMARC). */
    NONE,
    /** Several DMARC records: all discarded. */
    SEVERAL,
    /** The query failed. */
    TEMPERROR
  }

  /** What {@code _dmarc.<domain>} holds. */
  record Found(String domain, Kind kind, DmarcRecordParser.Parsed parsed, String detail) {
    boolean isRecord() {
      return kind == Kind.RECORD;
    }

    DmarcRecord record() {
      return parsed.record();
    }
  }

  /** The records a tree walk found, longest name first, or the failure that stopped it. */
  record Walk(String start, List<Found> records, Found temperror) {}

  private final DnsLookup dns;
  private final DmarcMode mode;
  private final Map<String, Found> cache = new HashMap<>();
  private final Map<String, Walk> walks = new HashMap<>();
  private final List<String> notes = new ArrayList<>();

  DmarcDns(DnsLookup dns, DmarcMode mode) {
    this.dns = dns;
    this.mode = mode;
  }

  /** Problems noted while reading records that were not used, for the result's notes. */
  List<String> notes() {
    return notes;
  }

  Found lookup(String domain) {
    return cache.computeIfAbsent(domain, this::query);
  }

  private Found query(String domain) {
    String name = "_dmarc." + domain;
    DnsAnswer answer = dns.lookup(name, Type.TXT);
    if (answer.isTempError()) {
      return new Found(domain, Kind.TEMPERROR, null, "the DNS lookup of " + name + " failed (" + answer.detail() + ")");
    }
    List<DmarcRecordParser.Parsed> parsed = new ArrayList<>();
    String ignored = "";
    for (String text : dns.txtStrings(answer)) {
      DmarcRecordParser.Outcome outcome = DmarcRecordParser.parse(domain, text, mode);
      if (outcome instanceof DmarcRecordParser.Parsed p) {
        parsed.add(p);
      } else if (outcome instanceof DmarcRecordParser.NotDmarc n && ignored.isEmpty()) {
        ignored = n.reason();
      }
    }
    if (parsed.size() == 1) {
      return new Found(domain, Kind.RECORD, parsed.get(0), "");
    }
    if (parsed.size() > 1) {
      return new Found(domain, Kind.SEVERAL, null, name + " holds " + parsed.size()
          + " DMARC records; receivers discard them all");
    }
    if (!ignored.isEmpty()) {
      notes.add("a TXT record at " + name + " was ignored: " + ignored);
    }
    return new Found(domain, Kind.NONE, null, "no DMARC record at " + name);
  }

  /**
   * Whether a name exists (RFC 9989 section 3.2.13: NXDOMAIN means it does not), for {@code np}.
   * Null when the lookup failed.
   */
  Boolean exists(String domain) {
    DnsAnswer answer = dns.lookup(domain, Type.A);
    if (answer.isTempError()) {
      return null;
    }
    return answer.status() != DnsAnswer.Status.NXDOMAIN;
  }

  /**
   * The names a tree walk from {@code domain} asks for, in order (RFC 9989 section 4.10): the name,
   * then (from eight labels up) the name cut to seven labels, then one label less each time.
   */
  static List<String> walkTargets(String domain) {
    List<String> targets = new ArrayList<>();
    targets.add(domain);
    int labels = DomainNames.labelCount(domain);
    for (int n = labels < 8 ? labels - 1 : 7; n >= 1; n--) {
      targets.add(DomainNames.suffix(domain, n));
    }
    return targets;
  }

  /** The DNS tree walk from {@code domain}: stops at a record with {@code psd=y} or {@code psd=n}. */
  Walk walk(String domain) {
    Walk cached = walks.get(domain);
    if (cached != null) {
      return cached;
    }
    List<Found> found = new ArrayList<>();
    Found failure = null;
    for (String target : walkTargets(domain)) {
      Found f = lookup(target);
      if (f.kind() == Kind.TEMPERROR) {
        failure = f;
        break;
      }
      if (f.isRecord()) {
        found.add(f);
        if (f.record().psd() != DmarcRecord.Psd.U) {
          break;
        }
      }
    }
    Walk w = new Walk(domain, List.copyOf(found), failure);
    walks.put(domain, w);
    return w;
  }

  /**
   * The organizational domain a walk gives (RFC 9989 section 4.10.2): the name with {@code psd=n};
   * else one label below a {@code psd=y} name found above the start; else the shortest name with a
   * record; else the start itself.
   */
  static String organizationalDomain(Walk walk) {
    if (walk.records().isEmpty()) {
      return walk.start();
    }
    Found last = walk.records().get(walk.records().size() - 1);
    if (last.record().psd() == DmarcRecord.Psd.Y && !last.domain().equals(walk.start())) {
      return DomainNames.suffix(walk.start(), DomainNames.labelCount(last.domain()) + 1);
    }
    return last.domain();
  }
}
