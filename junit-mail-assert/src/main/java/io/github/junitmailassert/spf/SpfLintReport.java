package io.github.junitmailassert.spf;

import io.github.junitmailassert.check.Finding;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What {@link SpfLint} found for a domain.
 *
 * @param domain the domain linted
 * @param record its SPF record, or "" when it has none (or several)
 * @param dnsLookups the DNS-querying terms counted through includes and redirects (the limit is 10)
 * @param findings every finding, most severe first
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record SpfLintReport(String domain, String record, int dnsLookups, List<Finding> findings) {

  /**
   * Checks the components; lists are copied.
   *
   * @param domain see {@link #domain()}
   * @param record see {@link #record()}
   * @param dnsLookups see {@link #dnsLookups()}
   * @param findings see {@link #findings()}
   */
  public SpfLintReport {
    domain = Objects.requireNonNullElse(domain, "");
    record = Objects.requireNonNullElse(record, "");
    findings = List.copyOf(findings);
  }

  /** {@return whether some finding is an error} */
  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("SPF lint of ").append(domain).append(": ")
        .append(record.isEmpty() ? "no record" : "\"" + record + "\"").append(", ").append(dnsLookups)
        .append(" DNS lookups");
    for (Finding f : findings) {
      sb.append(System.lineSeparator()).append("  ").append(f);
    }
    return sb.toString();
  }
}
