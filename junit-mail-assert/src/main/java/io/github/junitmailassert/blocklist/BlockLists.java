package io.github.junitmailassert.blocklist;

import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.Finding.Severity;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dns.DnsAnswer;
import io.github.junitmailassert.internal.dns.DnsLookup;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;

/**
 * DNS block lists (RFC 5782) as receivers query them: the client IP's reversed address under each
 * list's zone; an A record in 127.0.0.0/8 means listed, its TXT record says why. In a test the
 * fake zone stands in for the lists, so a test publishes the listing it wants to simulate.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class BlockLists {

  /** One list's answer for the client IP. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public enum Status {
    /** The list answered NXDOMAIN: the client IP is not listed. */
    NOT_LISTED,
    /** The list answered with an address: the client IP is listed. */
    LISTED,
    /** The list could not be asked (timeout, SERVFAIL); receivers then ignore it. */
    TEMPERROR
  }

  /**
   * What one list answered about the client IP.
   *
   * @param zone the list's DNS zone, such as {@code zen.dnsbl.example}
   * @param query the name asked
   * @param status the answer
   * @param returnCodes the A records of a listing, such as {@code 127.0.0.2}
   * @param reason the list's TXT record, or ""
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record Listing(String zone, String query, Status status, List<String> returnCodes, String reason) {

    /**
     * Checks the components; lists are copied.
     *
     * @param zone see {@link #zone()}
     * @param query see {@link #query()}
     * @param status see {@link #status()}
     * @param returnCodes see {@link #returnCodes()}
     * @param reason see {@link #reason()}
     */
    public Listing {
      returnCodes = List.copyOf(returnCodes);
    }

    /** {@return whether the list lists the client IP} */
    public boolean isListed() {
      return status == Status.LISTED;
    }
  }

  private BlockLists() {}

  /**
   * Asks each list about {@code clientIp}.
   *
   * @param resolver where DNS lookups go, typically the test zone's resolver
   * @param clientIp the client IP address receivers would see
   * @param listZones the block list zones to ask, such as {@code zen.dnsbl.example}
   * @return one listing per list, in the order given
   */
  public static List<Listing> check(Resolver resolver, InetAddress clientIp, String... listZones) {
    DnsLookup dns = new DnsLookup(resolver);
    List<Listing> listings = new ArrayList<>();
    for (String zone : listZones) {
      if (zone == null || zone.isBlank()) {
        throw new IllegalArgumentException("a block list zone must be a DNS name, not " + (zone == null ? "null" : "\"\""));
      }
      String list = zone.strip().toLowerCase(Locale.ROOT);
      list = list.endsWith(".") ? list.substring(0, list.length() - 1) : list;
      String query = reversed(clientIp) + "." + list;
      DnsAnswer a = dns.lookup(query, Type.A);
      if (a.isTempError()) {
        listings.add(new Listing(list, query, Status.TEMPERROR, List.of(), a.detail()));
        continue;
      }
      List<String> codes = new ArrayList<>();
      for (Record r : a.records()) {
        byte[] address = ((ARecord) r).getAddress().getAddress();
        if ((address[0] & 0xff) == 127) {
          codes.add(((ARecord) r).getAddress().getHostAddress());
        }
      }
      if (codes.isEmpty()) {
        listings.add(new Listing(list, query, Status.NOT_LISTED, List.of(), ""));
      } else {
        String reason = String.join(" ", dns.txtStrings(dns.lookup(query, Type.TXT)));
        listings.add(new Listing(list, query, Status.LISTED, codes, reason));
      }
    }
    return listings;
  }

  /**
   * {@return one finding per list that lists the client IP; a list that could not be asked is noted, as receivers ignore it}
   *
   * @param listings what each list answered
   */
  public static List<Finding> findings(List<Listing> listings) {
    List<Finding> findings = new ArrayList<>();
    for (Listing l : listings) {
      if (l.isListed()) {
        findings.add(new Finding(MailCheck.BLOCK_LISTS, Severity.ERROR, describe(l), FIX, SOURCE));
      } else if (l.status() == Status.TEMPERROR) {
        findings.add(new Finding(MailCheck.BLOCK_LISTS, Severity.INFO, l.zone() + " could not be asked (" + l.reason()
            + "); receivers then ignore the list", "", SOURCE));
      }
    }
    return findings;
  }

  /**
   * {@return one line for a listing: {@code zen.dnsbl.example: 25.113.0.203.zen.dnsbl.example -> 127.0.0.2 (why)}}
   *
   * @param l the listing
   */
  public static String describe(Listing l) {
    return l.zone() + ": " + l.query() + " -> " + String.join(", ", l.returnCodes())
        + (l.reason().isEmpty() ? "" : " (" + l.reason() + ")");
  }

  /** The fix for a listed client IP. */
  public static final String FIX = "send from another address, or have it delisted after fixing the cause";

  private static final String SOURCE = "RFC 5782 (DNS block lists); receivers that use a list reject or score listed mail";

  /** The name under a list's zone for an address: its reverse name (dnsjava's ReverseMap) without the arpa zone. */
  static String reversed(InetAddress ip) {
    Name reverse = ReverseMap.fromAddress(ip);
    return reverse.relativize(ip instanceof Inet4Address ? IN_ADDR_ARPA : IP6_ARPA).toString(true);
  }

  private static final Name IN_ADDR_ARPA = Name.fromConstantString("in-addr.arpa.");
  private static final Name IP6_ARPA = Name.fromConstantString("ip6.arpa.");
}
