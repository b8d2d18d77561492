package io.github.junitmailassert.internal.dns;

import io.github.junitmailassert.dns.DnsAnswer;
import io.github.junitmailassert.internal.mail.Domains;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Typed DNS lookups for the receiver checks, over any dnsjava {@link Resolver}. Never touches
 * dnsjava's static default resolver or cache. With the in-process zone resolver it asks the zone
 * directly, which is what makes checks fast. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class DnsLookup {

  private static final int MAXIMUM_KNOWN_TEXTS = 1024;
  private static final int MAXIMUM_KNOWN_NAMES = 1024;

  private final Resolver resolver;
  /**
   * TXT texts by record instance. The zone hands out its own records, so each text is joined once
   * and stays the same String, whose hash callers' caches then compute once, not per mail.
   */
  private final Map<Identity, String> knownTexts = new ConcurrentHashMap<>();

  /** Names asked for before, by their text: every mail of a run asks for the same few. */
  private final Map<String, Name> knownNames = new ConcurrentHashMap<>();

  public DnsLookup(Resolver resolver) {
    this.resolver = resolver;
  }

  public Resolver resolver() {
    return resolver;
  }

  /** Looks up {@code name} (absolute or not) for {@code type}; never throws. */
  public DnsAnswer lookup(String name, int type) {
    if (name == null) {
      return DnsAnswer.nxdomain();
    }
    Name qname = knownNames.get(name);
    if (qname == null) {
      try {
        String ascii = Domains.toAscii(name);
        qname = Name.fromString(ascii.endsWith(".") ? ascii : ascii + ".");
      } catch (TextParseException | IllegalArgumentException e) {
        return DnsAnswer.nxdomain(); // not a name any server could hold
      }
      if (knownNames.size() >= MAXIMUM_KNOWN_NAMES) {
        knownNames.clear(); // bounded: a long run asks for many generated names
      }
      knownNames.put(name, qname);
    }
    return lookup(qname, type);
  }

  /** Looks up {@code qname} for {@code type}; never throws. */
  public DnsAnswer lookup(Name qname, int type) {
    if (resolver instanceof ZoneResolver zoneResolver) {
      return only(zoneResolver.zone().lookup(qname, type), type);
    }
    Message response;
    try {
      response = resolver.send(Message.newQuery(Record.newRecord(qname, type, DClass.IN)));
    } catch (IOException | RuntimeException e) {
      return DnsAnswer.temperror(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    int rcode = response.getRcode();
    if (rcode == Rcode.NXDOMAIN) {
      return DnsAnswer.nxdomain();
    }
    if (rcode != Rcode.NOERROR) {
      return DnsAnswer.temperror(Rcode.string(rcode));
    }
    return only(DnsAnswer.of(response.getSection(Section.ANSWER)), type);
  }

  /** The TXT records of a name, each joined from its strings as RFC 7208 section 3.3 says. */
  public List<String> txtStrings(DnsAnswer answer) {
    List<String> texts = new ArrayList<>();
    for (Record r : answer.records()) {
      if (r instanceof TXTRecord txt && !(resolver instanceof ZoneResolver)) {
        texts.add(joined(txt));
      } else if (r instanceof TXTRecord txt) {
        Identity key = new Identity(txt);
        String text = knownTexts.get(key);
        if (text == null) {
          text = joined(txt);
          if (knownTexts.size() >= MAXIMUM_KNOWN_TEXTS) {
            knownTexts.clear(); // bounded: records a test replaced stay here until then
          }
          knownTexts.put(key, text);
        }
        texts.add(text);
      }
    }
    return texts;
  }

  private static String joined(TXTRecord txt) {
    // The bytes as published (getStrings() would write zone-file escapes into the text).
    java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
    txt.getStringsAsByteArrays().forEach(text::writeBytes);
    return text.toString(StandardCharsets.UTF_8);
  }

  /** A record compared by instance: its own equals and hashCode encode the whole record. */
  private record Identity(Record record) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Identity other && other.record == record;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(record);
    }
  }

  private static DnsAnswer only(DnsAnswer answer, int type) {
    if (!answer.isOk() || type == Type.ANY) {
      return answer;
    }
    List<Record> ofType = new ArrayList<>();
    for (Record r : answer.records()) {
      if (r.getType() == type) {
        ofType.add(r);
      }
    }
    return ofType.isEmpty() ? DnsAnswer.nodata() : DnsAnswer.of(ofType);
  }
}
