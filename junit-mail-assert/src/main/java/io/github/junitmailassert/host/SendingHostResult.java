package io.github.junitmailassert.host;

import io.github.junitmailassert.check.Finding;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The sending host's DNS as receivers see it: reverse DNS of the client IP and the HELO name.
 *
 * @param clientIp the client's address
 * @param heloName the HELO/EHLO name
 * @param reverseDns forward-confirmed reverse DNS of the client IP
 * @param helo the HELO name's checks
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record SendingHostResult(InetAddress clientIp, String heloName, ReverseDns reverseDns, HeloCheck helo) {

  /**
   * Checks the components.
   *
   * @param clientIp see {@link #clientIp()}
   * @param heloName see {@link #heloName()}
   * @param reverseDns see {@link #reverseDns()}
   * @param helo see {@link #helo()}
   */
  public SendingHostResult {
    Objects.requireNonNull(clientIp, "clientIp");
    heloName = Objects.requireNonNullElse(heloName, "");
    Objects.requireNonNull(reverseDns, "reverseDns");
    Objects.requireNonNull(helo, "helo");
  }

  /**
   * Reverse DNS confirmed and nothing wrong with the HELO name (INFO findings allowed).
   *
   * @return whether the sending host is consistent
   */
  public boolean isConsistent() {
    return reverseDns.isConfirmed() && helo.isConsistent();
  }

  /** {@return every finding: reverse DNS first, then the HELO name} */
  public List<Finding> findings() {
    List<Finding> all = new ArrayList<>(reverseDns.findings());
    all.addAll(helo.findings());
    return List.copyOf(all);
  }

  /** A short report: one line per finding, with its fix. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("sending host ").append(clientIp.getHostAddress())
        .append(" (HELO ").append(heloName.isEmpty() ? "<none>" : heloName).append("): ")
        .append(isConsistent() ? "consistent" : "inconsistent");
    for (Finding f : findings()) {
      sb.append(System.lineSeparator()).append("  ").append(f);
    }
    return sb.toString();
  }
}
