package io.github.junitmailassert.internal.dns;

import io.github.junitmailassert.dns.DnsAnswer;
import io.github.junitmailassert.dns.DnsZone;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** Turns a DNS query message into the zone's authoritative response message. Internal. */
final class ZoneMessages {

  private ZoneMessages() {}

  /** The response, or {@code null} when the zone simulates a timeout for the name. */
  static Message respond(DnsZone zone, Message query) {
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.AA);
    if (query.getHeader().getFlag(Flags.RD)) {
      response.getHeader().setFlag(Flags.RD);
    }
    Record question = query.getQuestion();
    if (question == null || query.getHeader().getOpcode() != Opcode.QUERY) {
      response.getHeader().setRcode(question == null ? Rcode.FORMERR : Rcode.NOTIMP);
      return response;
    }
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
}
