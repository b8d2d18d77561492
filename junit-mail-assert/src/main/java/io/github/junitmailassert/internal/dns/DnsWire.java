package io.github.junitmailassert.internal.dns;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/** The loopback server's wire rules: what gets an answer, and how large it may be. Internal. */
final class DnsWire {

  private static final int UDP_PLAIN_LIMIT = 512;
  /** What we advertise and the most we send over UDP: larger answers go over TCP. */
  private static final int UDP_EDNS_LIMIT = 4096;

  private DnsWire() {}

  /**
   * The wire answer to {@code length} bytes of {@code wire}, or {@code null} to stay silent: for a
   * response (QR set; answering one lets a spoofed packet make servers talk to each other, or a
   * server to itself, forever), for less than a header, and for a simulated timeout.
   */
  static byte[] answer(UnaryOperator<Message> responder, byte[] wire, int length, boolean udpTransport) {
    if (length < Header.LENGTH || (wire[2] & 0x80) != 0) {
      return null;
    }
    Message query;
    try {
      query = new Message(Arrays.copyOf(wire, length));
    } catch (IOException | RuntimeException e) {
      return formatError(wire);
    }
    Message response;
    try {
      response = responder.apply(query);
    } catch (RuntimeException e) {
      response = ZoneMessages.error(query, Rcode.SERVFAIL); // a bug of ours must not silence the server
    }
    if (response == null) {
      return null;
    }
    OPTRecord opt = query.getOPT();
    int limit = 65535;
    if (udpTransport) {
      limit = opt == null ? UDP_PLAIN_LIMIT : Math.min(Math.max(UDP_PLAIN_LIMIT, opt.getPayloadSize()), UDP_EDNS_LIMIT);
    }
    if (opt != null && response.getOPT() == null && response.getRcode() != Rcode.FORMERR) {
      response.addRecord(new OPTRecord(UDP_EDNS_LIMIT, 0, 0), Section.ADDITIONAL);
    }
    return response.toWire(limit); // sets TC when the answer does not fit
  }

  private static byte[] formatError(byte[] wire) {
    Message error = new Message(((wire[0] & 0xff) << 8) | (wire[1] & 0xff));
    error.getHeader().setFlag(Flags.QR);
    error.getHeader().setOpcode((wire[2] >> 3) & 0xf);
    error.getHeader().setRcode(Rcode.FORMERR);
    return error.toWire();
  }
}
