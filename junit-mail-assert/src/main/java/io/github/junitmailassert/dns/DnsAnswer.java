package io.github.junitmailassert.dns;

import java.util.List;
import org.apiguardian.api.API;
import org.xbill.DNS.Record;

/**
 * What the zone (or any DNS server) answered: records, or the reason there are none, in the
 * terms receivers use (RFC 7208 section 2.6). {@link DnsZone#lookup(String, int)} gives one.
 *
 * @param status what kind of answer this is
 * @param records the records of the queried type (CNAMEs already followed); empty unless {@code OK}
 * @param detail a short text for reports, such as "SERVFAIL" or "timed out"
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record DnsAnswer(Status status, List<Record> records, String detail) {

  /** The outcomes a resolver can report, in the words of RFC 7208 section 2.6 where they differ. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public enum Status {
    /** At least one record of the queried type. */
    OK,
    /** The name exists but has no record of the queried type. */
    NODATA,
    /** The name does not exist. */
    NXDOMAIN,
    /** The lookup failed: timeout, SERVFAIL or another transient error. */
    TEMPERROR
  }

  /** The detail of a temperror for a query that got no answer at all. */
  public static final String TIMED_OUT = "timed out";
  /** The detail of a temperror for a query answered with rcode SERVFAIL. */
  public static final String SERVFAIL = "SERVFAIL";

  /**
   * Checks the components; lists are copied.
   *
   * @param status see {@link #status()}
   * @param records see {@link #records()}
   * @param detail see {@link #detail()}
   */
  public DnsAnswer {
    records = List.copyOf(records);
  }

  /**
   * An answer with records.
   *
   * @param records the records
   * @return the answer
   */
  public static DnsAnswer of(List<Record> records) {
    return new DnsAnswer(records.isEmpty() ? Status.NODATA : Status.OK, records, "");
  }

  /** {@return the answer for a name that does not exist} */
  public static DnsAnswer nxdomain() {
    return new DnsAnswer(Status.NXDOMAIN, List.of(), "NXDOMAIN");
  }

  /** {@return the answer for a name that exists without records of the type asked} */
  public static DnsAnswer nodata() {
    return new DnsAnswer(Status.NODATA, List.of(), "no records");
  }

  /**
   * A temporary failure, such as a timeout or SERVFAIL.
   *
   * @param detail what failed, for reports
   * @return the answer
   */
  public static DnsAnswer temperror(String detail) {
    return new DnsAnswer(Status.TEMPERROR, List.of(), detail);
  }

  /** {@return whether the answer holds records} */
  public boolean isOk() {
    return status == Status.OK;
  }

  /**
   * No usable answer and no error: what RFC 7208 calls a void lookup.
   *
   * @return whether the lookup was void
   */
  public boolean isVoid() {
    return status == Status.NODATA || status == Status.NXDOMAIN;
  }

  /** {@return whether the lookup failed temporarily (timeout, SERVFAIL)} */
  public boolean isTempError() {
    return status == Status.TEMPERROR;
  }
}
