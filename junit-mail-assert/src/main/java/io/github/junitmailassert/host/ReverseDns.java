package io.github.junitmailassert.host;

import io.github.junitmailassert.check.Finding;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Forward-confirmed reverse DNS of the client IP: its PTR names, each name's addresses, and whether
 * one of them leads back to the IP. Gmail, Yahoo and most corporate gateways ask for it.
 *
 * @param clientIp the client's address
 * @param reverseName the name its PTR records live at, e.g. {@code 25.113.0.203.in-addr.arpa}
 * @param ptrNames the names its PTR records give, in DNS order
 * @param forwardAddresses each PTR name's addresses (A for IPv4 clients, AAAA for IPv6), as text
 * @param confirmedName the first PTR name that resolves back to the client, or ""
 * @param status the verdict
 * @param findings what is missing or wrong, with the record to publish
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ReverseDns(
    InetAddress clientIp,
    String reverseName,
    List<String> ptrNames,
    Map<String, List<String>> forwardAddresses,
    String confirmedName,
    Status status,
    List<Finding> findings) {

  /** The verdict on the client's reverse DNS. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public enum Status {
    /** A PTR name resolves back to the client IP. */
    CONFIRMED,
    /** The IP has no PTR record. */
    NO_PTR,
    /** PTR records exist, but none of their names resolves back to the IP. */
    NOT_CONFIRMED,
    /** A lookup failed, so nothing can be said. */
    TEMPERROR
  }

  /**
   * Checks the components; lists are copied.
   *
   * @param clientIp see {@link #clientIp()}
   * @param reverseName see {@link #reverseName()}
   * @param ptrNames see {@link #ptrNames()}
   * @param forwardAddresses see {@link #forwardAddresses()}
   * @param confirmedName see {@link #confirmedName()}
   * @param status see {@link #status()}
   * @param findings see {@link #findings()}
   */
  public ReverseDns {
    Objects.requireNonNull(clientIp, "clientIp");
    Objects.requireNonNull(status, "status");
    ptrNames = List.copyOf(ptrNames);
    forwardAddresses = Map.copyOf(forwardAddresses);
    confirmedName = Objects.requireNonNullElse(confirmedName, "");
    findings = List.copyOf(findings);
  }

  /** {@return whether a PTR name resolves back to the client IP} */
  public boolean isConfirmed() {
    return status == Status.CONFIRMED;
  }
}
