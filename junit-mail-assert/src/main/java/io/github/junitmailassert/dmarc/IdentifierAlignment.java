package io.github.junitmailassert.dmarc;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Whether one authenticated identifier (the SPF MAIL FROM domain or a DKIM {@code d=}) aligns with
 * the From domain, which is what DMARC requires of at least one of them.
 *
 * @param method which check authenticated the domain
 * @param domain the SPF or DKIM domain
 * @param selector the DKIM selector, empty for SPF or when unknown
 * @param authenticated whether the check passed; an identifier that did not pass never aligns
 * @param level how closely the domain matches the From domain
 * @param required the mode the DMARC record asks for ({@code aspf} or {@code adkim})
 * @param aligned whether this identifier counts for DMARC
 * @param explanation one sentence for reports
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record IdentifierAlignment(
    Method method,
    String domain,
    String selector,
    boolean authenticated,
    Level level,
    AlignmentMode required,
    boolean aligned,
    String explanation) {

  /** The check behind the identifier. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public enum Method {
    /** The SPF domain (the envelope sender's). */
    SPF,
    /** A DKIM signature's d= domain. */
    DKIM
  }

  /** How closely two domains match. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public enum Level {
    /** Identical. */
    STRICT,
    /** Different names, same organizational domain. */
    RELAXED,
    /** Different organizational domains, or not known (a DNS failure, or the check did not pass). */
    NONE
  }

  /**
   * Checks the components.
   *
   * @param method see {@link #method()}
   * @param domain see {@link #domain()}
   * @param selector see {@link #selector()}
   * @param authenticated see {@link #authenticated()}
   * @param level see {@link #level()}
   * @param required see {@link #required()}
   * @param aligned see {@link #aligned()}
   * @param explanation see {@link #explanation()}
   */
  public IdentifierAlignment {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(required, "required");
    Objects.requireNonNull(explanation, "explanation");
  }
}
