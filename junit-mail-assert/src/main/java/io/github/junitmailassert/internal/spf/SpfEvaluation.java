package io.github.junitmailassert.internal.spf;

import io.github.junitmailassert.dns.DnsAnswer;
import io.github.junitmailassert.internal.dns.DnsLookup;
import io.github.junitmailassert.spf.SpfResultCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * One run of RFC 7208's {@code check_host()}: the state of a single check (lookup and void
 * counters, deadline, trace). Not thread-safe; a verifier makes one per check. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class SpfEvaluation implements MacroString.Values {

  /** Section 4.6.4: terms that query DNS, per check. */
  public static final int LOOKUP_LIMIT = 10;
  /** Section 4.6.4: lookups that answer nothing, per check. */
  public static final int VOID_LIMIT = 2;
  /** Section 4.6.4: names taken from one MX or PTR answer. */
  public static final int NAME_LIMIT = 10;

  /** What check_host() returned for a domain. */
  @API(status = API.Status.INTERNAL)
  public record Outcome(SpfResultCode code, String mechanism, String explanation) {}

  /** Ends the whole check with permerror or temperror. */
  static final class Abort extends RuntimeException {
    final SpfResultCode code;

    Abort(SpfResultCode code, String problem) {
      super(problem, null, false, false);
      this.code = code;
    }
  }

  private final DnsLookup dns;
  private final SpfRecordCache records;
  private final byte[] ip;
  private final boolean v6;
  private final String sender;
  private final String localPart;
  private final String senderDomain;
  private final String helo;
  private final String receiver;
  private final MacroString defaultExplanation;
  private final long deadline;
  private final java.time.Duration budget;
  private final java.time.Clock clock;
  private final List<String> trace = new ArrayList<>();

  private int lookups;
  private int voids;
  private String problem = "";
  private String currentDomain = "";
  private DnsAnswer ptrAnswer;
  private List<String> validatedNames;

  public SpfEvaluation(DnsLookup dns, SpfRecordCache records, byte[] ip, String sender, String localPart,
      String senderDomain, String helo, String receiver, MacroString defaultExplanation, java.time.Duration budget,
      java.time.Clock clock) {
    this.dns = dns;
    this.records = records;
    this.ip = ip;
    this.v6 = ip.length == 16;
    this.sender = sender;
    this.localPart = localPart;
    this.senderDomain = senderDomain;
    this.helo = helo;
    this.receiver = receiver;
    this.defaultExplanation = defaultExplanation;
    this.budget = budget;
    this.clock = clock;
    this.deadline = System.nanoTime() + budget.toNanos();
  }

  /** The result of the check, never an exception for anything DNS or a record can hold. */
  public Outcome run(String domain) {
    try {
      return checkHost(domain, 0, true);
    } catch (Abort a) {
      problem = a.getMessage();
      trace.add("result: " + a.code.keyword() + " (" + a.getMessage() + ")");
      return new Outcome(a.code, "", "");
    }
  }

  public String problem() {
    return problem;
  }

  public int lookups() {
    return Math.min(lookups, LOOKUP_LIMIT + 1);
  }

  public List<String> trace() {
    return trace;
  }

  // ---------------------------------------------------------------------------------------------

  private Outcome checkHost(String domain, int depth, boolean explain) {
    String indent = "  ".repeat(depth);
    Name name = DomainNames.toName(domain);
    if (name == null) {
      trace.add(indent + domain + " is not a valid domain name");
      return new Outcome(SpfResultCode.NONE, "", "");
    }
    DnsAnswer answer = query(name, domain, Type.TXT, indent);
    if (answer.isTempError()) {
      throw new Abort(SpfResultCode.TEMPERROR, "TXT lookup of " + domain + " failed: " + answer.detail());
    }
    String found = null;
    int count = 0;
    for (Record r : answer.records()) {
      if (r instanceof TXTRecord txt) {
        String text = join(txt);
        if (SpfRecord.isSpfRecord(text)) {
          found = text;
          count++;
        }
      }
    }
    if (count == 0) {
      trace.add(indent + domain + " has no SPF record");
      return new Outcome(SpfResultCode.NONE, "", "");
    }
    if (count > 1) {
      throw new Abort(SpfResultCode.PERMERROR, domain + " has " + count + " SPF records; it must have one");
    }
    SpfRecord record;
    try {
      record = records.parse(found);
    } catch (SpfSyntaxException e) {
      throw new Abort(SpfResultCode.PERMERROR, "syntax error in the SPF record of " + domain + " at position "
          + e.position() + ": " + e.getMessage());
    }
    String saved = currentDomain;
    currentDomain = domain;
    try {
      for (SpfRecord.Mechanism m : record.mechanisms()) {
        if (matches(m, domain, depth, indent)) {
          SpfResultCode code = result(m.qualifier());
          trace.add(indent + m.text() + " -> match");
          String explanation = code == SpfResultCode.FAIL && explain ? explanation(record, indent) : "";
          return new Outcome(code, m.text(), explanation);
        }
        trace.add(indent + m.text() + " -> no match");
      }
      SpfRecord.Modifier redirect = record.redirect();
      if (redirect != null) {
        countLookup(redirect.text());
        String target = target(redirect.value());
        trace.add(indent + redirect.text() + " -> " + target);
        if (DomainNames.toName(target) == null) {
          throw new Abort(SpfResultCode.PERMERROR, redirect.text() + ": \"" + target + "\" is not a valid domain name");
        }
        Outcome o = checkHost(target, depth + 1, explain);
        if (o.code() == SpfResultCode.NONE) {
          throw new Abort(SpfResultCode.PERMERROR, redirect.text() + ": " + target + " has no SPF record");
        }
        return o;
      }
      trace.add(indent + "no mechanism matched: neutral");
      return new Outcome(SpfResultCode.NEUTRAL, "", "");
    } finally {
      currentDomain = saved;
    }
  }

  private boolean matches(SpfRecord.Mechanism m, String domain, int depth, String indent) {
    switch (m.kind()) {
      case ALL:
        return true;
      case IP4:
        return !v6 && IpAddresses.sameNetwork(ip, m.network(), m.cidr4());
      case IP6:
        return v6 && IpAddresses.sameNetwork(ip, m.network(), m.cidr6());
      default:
        break;
    }
    countLookup(m.text());
    String target = m.domainSpec() == null ? domain : target(m.domainSpec());
    Name name = DomainNames.toName(target);
    if (m.kind() == SpfRecord.Kind.INCLUDE) {
      if (name == null) {
        throw new Abort(SpfResultCode.PERMERROR, m.text() + ": \"" + target + "\" is not a valid domain name");
      }
      Outcome o = checkHost(target, depth + 1, false);
      switch (o.code()) {
        case PASS:
          return true;
        case FAIL:
        case SOFTFAIL:
        case NEUTRAL:
          return false;
        default:
          throw new Abort(SpfResultCode.PERMERROR, m.text() + ": " + target + " has no SPF record");
      }
    }
    if (name == null) {
      // RFC 7208 leaves this open; no query can be composed, so nothing can match.
      trace.add(indent + m.text() + ": \"" + target + "\" is not a valid domain name");
      return false;
    }
    switch (m.kind()) {
      case A: {
        DnsAnswer a = query(name, target, v6 ? Type.AAAA : Type.A, indent);
        return addressMatch(a, m, target);
      }
      case MX: {
        DnsAnswer mx = query(name, target, Type.MX, indent);
        if (mx.isTempError()) {
          throw temperror(target, "MX", mx);
        }
        if (!mx.isOk()) {
          countVoid(target, "MX");
          return false;
        }
        if (mx.records().size() > NAME_LIMIT) {
          throw new Abort(SpfResultCode.PERMERROR, m.text() + ": " + target + " has " + mx.records().size()
              + " MX records, more than the " + NAME_LIMIT + " SPF allows");
        }
        for (Record r : mx.records()) {
          Name exchange = ((MXRecord) r).getTarget();
          if (exchange.labels() <= 1) {
            continue; // null MX (RFC 7505): no mail host
          }
          DnsAnswer a = query(exchange, DomainNames.text(exchange), v6 ? Type.AAAA : Type.A, indent + "  ");
          if (a.isTempError()) {
            throw temperror(DomainNames.text(exchange), v6 ? "AAAA" : "A", a);
          }
          if (anyAddressMatches(a, m)) {
            return true;
          }
        }
        return false;
      }
      case PTR: {
        for (String validated : validatedNames(indent, true)) {
          if (DomainNames.isSameOrSubdomain(validated, target)) {
            return true;
          }
        }
        return false;
      }
      case EXISTS: {
        DnsAnswer a = query(name, target, Type.A, indent);
        if (a.isTempError()) {
          throw temperror(target, "A", a);
        }
        if (!a.isOk()) {
          countVoid(target, "A");
          return false;
        }
        return true;
      }
      default:
        throw new IllegalStateException(m.kind().name());
    }
  }

  private boolean addressMatch(DnsAnswer a, SpfRecord.Mechanism m, String target) {
    if (a.isTempError()) {
      throw temperror(target, v6 ? "AAAA" : "A", a);
    }
    if (!a.isOk()) {
      countVoid(target, v6 ? "AAAA" : "A");
      return false;
    }
    return anyAddressMatches(a, m);
  }

  private boolean anyAddressMatches(DnsAnswer a, SpfRecord.Mechanism m) {
    int prefix = v6 ? m.cidr6() : m.cidr4();
    for (Record r : a.records()) {
      byte[] address = address(r);
      if (address != null && IpAddresses.sameNetwork(ip, address, prefix)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] address(Record r) {
    if (r instanceof ARecord a) {
      return a.getAddress().getAddress();
    }
    if (r instanceof AAAARecord aaaa) {
      return aaaa.getAddress().getAddress();
    }
    return null;
  }

  /**
   * Section 5.5: the names of the client's PTR records (at most 10) whose own addresses include the
   * client. The ptr mechanism counts a void PTR answer; %{p} does not.
   */
  private List<String> validatedNames(String indent, boolean forMechanism) {
    if (ptrAnswer == null) {
      String reverse = IpAddresses.reverseName(ip);
      ptrAnswer = query(DomainNames.toName(reverse), reverse, Type.PTR, indent);
    }
    if (forMechanism && ptrAnswer.isVoid()) {
      countVoid(IpAddresses.reverseName(ip), "PTR");
    }
    if (validatedNames != null) {
      return validatedNames;
    }
    List<String> validated = new ArrayList<>(2);
    int taken = 0;
    for (Record r : ptrAnswer.records()) {
      if (!(r instanceof PTRRecord ptr)) {
        continue;
      }
      if (++taken > NAME_LIMIT) {
        trace.add(indent + "  more than " + NAME_LIMIT + " PTR names: the rest are ignored");
        break;
      }
      Name host = ptr.getTarget();
      String hostText = DomainNames.text(host);
      DnsAnswer a = query(host, hostText, v6 ? Type.AAAA : Type.A, indent + "  ");
      for (Record ar : a.records()) {
        byte[] address = address(ar);
        if (address != null && java.util.Arrays.equals(address, ip)) {
          validated.add(hostText);
          break;
        }
      }
    }
    validatedNames = List.copyOf(validated);
    return validatedNames;
  }

  /** Section 6.2: the explanation of a fail; problems with it fall back to the default. */
  private String explanation(SpfRecord record, String indent) {
    SpfRecord.Modifier exp = record.exp();
    if (exp != null && System.nanoTime() - deadline < 0) {
      String target = target(exp.value());
      Name name = DomainNames.toName(target);
      if (name != null) {
        DnsAnswer answer = query(name, target, Type.TXT, indent);
        if (answer.isOk() && answer.records().size() == 1 && answer.records().get(0) instanceof TXTRecord txt) {
          String text = join(txt);
          try {
            String expanded = MacroString.parse(text, true).expand(this);
            trace.add(indent + exp.text() + " -> \"" + expanded + "\"");
            return expanded;
          } catch (SpfSyntaxException e) {
            trace.add(indent + exp.text() + ": explanation not usable (" + e.getMessage() + "), default used");
          }
        } else {
          trace.add(indent + exp.text() + ": no single TXT record at " + target + ", default used");
        }
      }
    }
    return defaultExplanation.expand(this);
  }

  private String target(MacroString spec) {
    String expanded = spec.expand(this);
    return DomainNames.truncateFromLeft(DomainNames.stripTrailingDot(expanded));
  }

  private DnsAnswer query(Name name, String text, int type, String indent) {
    if (System.nanoTime() - deadline >= 0) {
      throw new Abort(SpfResultCode.TEMPERROR, "the time budget of " + (budget.toMillis() % 1000 == 0 && budget.toMillis() > 0 ? budget.toSeconds() + " s" : budget.toMillis() + " ms") + " ran out before the lookup of "
          + text + " " + Type.string(type));
    }
    DnsAnswer answer = dns.lookup(name, type);
    trace.add(indent + text + " " + Type.string(type) + " -> " + describe(answer));
    return answer;
  }

  private static String describe(DnsAnswer answer) {
    switch (answer.status()) {
      case NXDOMAIN:
        return "NXDOMAIN";
      case NODATA:
        return "no records";
      case TEMPERROR:
        return "temperror (" + answer.detail() + ")";
      default:
        break;
    }
    StringBuilder sb = new StringBuilder();
    for (Record r : answer.records()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      if (sb.length() > 2000) {
        sb.append("...");
        break;
      }
      if (r instanceof TXTRecord txt) {
        String t = join(txt);
        sb.append('"').append(t.length() > 500 ? t.substring(0, 500) + "..." : t).append('"');
      } else if (r instanceof ARecord || r instanceof AAAARecord) {
        sb.append(IpAddresses.readable(address(r)));
      } else if (r instanceof MXRecord mx) {
        sb.append(mx.getPriority()).append(' ').append(DomainNames.text(mx.getTarget()));
      } else if (r instanceof PTRRecord ptr) {
        sb.append(DomainNames.text(ptr.getTarget()));
      } else {
        sb.append(r.rdataToString());
      }
    }
    return sb.toString();
  }

  /** The strings of a TXT record joined without spaces (section 3.3), one char per byte. */
  public static String join(TXTRecord txt) {
    List<byte[]> strings = txt.getStringsAsByteArrays();
    if (strings.size() == 1) {
      return new String(strings.get(0), StandardCharsets.ISO_8859_1);
    }
    StringBuilder sb = new StringBuilder();
    for (byte[] s : strings) {
      sb.append(new String(s, StandardCharsets.ISO_8859_1));
    }
    return sb.toString();
  }

  private void countLookup(String term) {
    if (++lookups > LOOKUP_LIMIT) {
      throw new Abort(SpfResultCode.PERMERROR, "more than " + LOOKUP_LIMIT
          + " DNS-querying terms (include, a, mx, ptr, exists, redirect); the limit was hit at " + term);
    }
  }

  private void countVoid(String name, String type) {
    if (++voids > VOID_LIMIT) {
      throw new Abort(SpfResultCode.PERMERROR, "more than " + VOID_LIMIT + " void lookups; the last was "
          + name + " " + type);
    }
  }

  private static Abort temperror(String name, String type, DnsAnswer answer) {
    return new Abort(SpfResultCode.TEMPERROR, type + " lookup of " + name + " failed: " + answer.detail());
  }

  private static SpfResultCode result(char qualifier) {
    switch (qualifier) {
      case '-':
        return SpfResultCode.FAIL;
      case '~':
        return SpfResultCode.SOFTFAIL;
      case '?':
        return SpfResultCode.NEUTRAL;
      default:
        return SpfResultCode.PASS;
    }
  }

  // Macro values (section 7.2) -------------------------------------------------------------------

  @Override
  public String value(char letter) {
    switch (letter) {
      case 's':
        return sender;
      case 'l':
        return localPart;
      case 'o':
        return senderDomain;
      case 'd':
        return currentDomain;
      case 'i':
        return IpAddresses.dotted(ip);
      case 'p':
        return validatedName();
      case 'v':
        return v6 ? "ip6" : "in-addr";
      case 'h':
        return helo;
      case 'c':
        return IpAddresses.readable(ip);
      case 'r':
        return receiver;
      case 't':
        return Long.toString(clock.instant().getEpochSecond());
      default:
        return "";
    }
  }

  /** %{p}: a validated name, one in the current domain if there is one, else "unknown". */
  private String validatedName() {
    List<String> names;
    try {
      names = validatedNames("", false);
    } catch (Abort a) {
      return "unknown";
    }
    for (String n : names) {
      if (DomainNames.isSameOrSubdomain(n, currentDomain)) {
        return n;
      }
    }
    return names.isEmpty() ? "unknown" : names.get(0);
  }
}
