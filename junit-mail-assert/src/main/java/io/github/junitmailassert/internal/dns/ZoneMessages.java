package io.github.junitmailassert.internal.dns;

import io.github.junitmailassert.dns.DnsAnswer;
import io.github.junitmailassert.dns.DnsZone;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Turns a DNS query message into the zone's authoritative response message. Internal. */
final class ZoneMessages {

  /** The only EDNS version there is (RFC 6891 6.1.3). */
  private static final int EDNS_VERSION = 0;

  private ZoneMessages() {}

  /** The response, or {@code null} when the zone simulates a timeout for the name. */
  static Message respond(DnsZone zone, Message query) {
    Record question = query.getQuestion();
    if (question == null) {
      return error(query, Rcode.FORMERR);
    }
    if (query.getHeader().getOpcode() != Opcode.QUERY) {
      return error(query, Rcode.NOTIMP);
    }
    long opts = query.getSection(Section.ADDITIONAL).stream().filter(r -> r.getType() == Type.OPT).count();
    if (opts > 1) {
      return error(query, Rcode.FORMERR); // RFC 6891 6.1.1
    }
    OPTRecord opt = query.getOPT();
    if (opt != null && opt.getVersion() != EDNS_VERSION) {
      // BADVERS is 16: its upper eight bits travel in the OPT record, the header keeps the lower four.
      Message badvers = error(query, Rcode.BADVERS & 0xf);
      badvers.addRecord(new OPTRecord(4096, Rcode.BADVERS >>> 4, EDNS_VERSION, 0), Section.ADDITIONAL);
      return badvers;
    }
    if (question.getType() == Type.AXFR || question.getType() == Type.IXFR) {
      // A transfer is refused by policy, as BIND does without allow-transfer; NOTIMP would claim we
      // cannot parse the query, while AXFR is a plain QUERY whose answer we choose not to give.
      return error(query, Rcode.REFUSED);
    }
    Message response = header(query);
    response.addRecord(question, Section.QUESTION);
    DnsAnswer answer = zone.lookup(question.getName(), question.getType());
    switch (answer.status()) {
      case TEMPERROR:
        if (DnsAnswer.TIMED_OUT.equals(answer.detail())) {
          return null;
        }
        response.getHeader().setRcode(Rcode.SERVFAIL);
        return response;
      case NXDOMAIN:
        response.getHeader().setRcode(Rcode.NXDOMAIN);
        break;
      default:
        break;
    }
    for (Record r : answer.records()) {
      response.addRecord(r, Section.ANSWER);
    }
    if (answer.status() != DnsAnswer.Status.OK) {
      Record soa = zone.soaFor(question.getName());
      if (soa != null) {
        response.addRecord(soa, Section.AUTHORITY);
      }
    }
    return response;
  }

  /** An answer with only the question and {@code rcode} (0 to 15). */
  static Message error(Message query, int rcode) {
    Message response = header(query);
    Record question = query.getQuestion();
    if (question != null) {
      response.addRecord(question, Section.QUESTION);
    }
    response.getHeader().setRcode(rcode);
    return response;
  }

  private static Message header(Message query) {
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.AA);
    if (query.getHeader().getFlag(Flags.RD)) {
      response.getHeader().setFlag(Flags.RD);
    }
    response.getHeader().setOpcode(query.getHeader().getOpcode());
    return response;
  }
}
