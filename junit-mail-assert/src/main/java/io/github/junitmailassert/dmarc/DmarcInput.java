package io.github.junitmailassert.dmarc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What DMARC looks at: the From domain, the SPF outcome for the MAIL FROM identity, and every DKIM
 * signature's outcome. DMARC does no SPF or DKIM checking of its own; it takes their results.
 *
 * <pre>{@code
 * DmarcInput input = DmarcInput.builder("sample.co.jp")
 *     .spf("bounce.sample.co.jp", true)
 *     .dkim("sample.co.jp", "s1", true)
 *     .build();
 * }</pre>
 *
 * @param author the From domain, or why the message has none
 * @param spfDomain the domain SPF checked for MAIL FROM (for the null sender, the HELO name, as
 *     RFC 7208 section 2.4 says); empty when SPF was not checked
 * @param spfPassed whether that check gave {@code pass}; only then can it align
 * @param dkimSignatures every DKIM signature's outcome, passed or not
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record DmarcInput(AuthorDomain author, String spfDomain, boolean spfPassed, List<DkimIdentifier> dkimSignatures) {

  /**
   * Checks the components; lists are copied.
   *
   * @param author see {@link #author()}
   * @param spfDomain see {@link #spfDomain()}
   * @param spfPassed see {@link #spfPassed()}
   * @param dkimSignatures see {@link #dkimSignatures()}
   */
  public DmarcInput {
    Objects.requireNonNull(author, "author");
    spfDomain = spfDomain == null ? "" : spfDomain;
    dkimSignatures = List.copyOf(dkimSignatures);
  }

  /**
   * The short form: the From domain, the SPF domain and whether SPF passed, and the {@code d=} domains
   * of the DKIM signatures that verified.
   *
   * @param fromDomain the From header's domain
   * @param spfDomain the domain SPF checked (the envelope sender's, or the HELO name's)
   * @param spfPassed whether SPF passed
   * @param dkimPassingDomains the d= domains of the DKIM signatures that passed
   * @return the input
   */
  public static DmarcInput of(String fromDomain, String spfDomain, boolean spfPassed, List<String> dkimPassingDomains) {
    Builder b = builder(fromDomain).spf(spfDomain, spfPassed);
    dkimPassingDomains.forEach(d -> b.dkim(d, "", true));
    return b.build();
  }

  /**
   * Starts an input for a From domain given directly.
   *
   * @param fromDomain the From header's domain
   * @return a new builder
   */
  public static Builder builder(String fromDomain) {
    return new Builder(AuthorDomain.of(fromDomain));
  }

  /**
   * Starts an input for a From domain read from a message, with its problems if it has any.
   *
   * @param author the From domain
   * @return a new builder
   */
  public static Builder builder(AuthorDomain author) {
    return new Builder(author);
  }

  /** Collects the authenticated identifiers. Not thread-safe; the input it builds is immutable. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private final AuthorDomain author;
    private String spfDomain = "";
    private boolean spfPassed;
    private final List<DkimIdentifier> dkim = new ArrayList<>();

    private Builder(AuthorDomain author) {
      this.author = Objects.requireNonNull(author, "author");
    }

    /**
     * The SPF outcome for MAIL FROM: its domain and whether it passed.
     *
     * @param mailFromDomain the envelope sender's domain that SPF checked
     * @param passed whether it passed
     * @return this builder
     */
    public Builder spf(String mailFromDomain, boolean passed) {
      this.spfDomain = mailFromDomain == null ? "" : mailFromDomain;
      this.spfPassed = passed;
      return this;
    }

    /**
     * One DKIM signature's outcome.
     *
     * @param domain the signature's d= domain
     * @param selector the DKIM selector, such as {@code s1}
     * @param passed whether it passed
     * @return this builder
     */
    public Builder dkim(String domain, String selector, boolean passed) {
      dkim.add(new DkimIdentifier(domain, selector == null ? "" : selector, passed));
      return this;
    }

    /**
     * One DKIM signature's outcome.
     *
     * @param signature the DKIM signature's d= domain and result
     * @return this builder
     */
    public Builder dkim(DkimIdentifier signature) {
      dkim.add(Objects.requireNonNull(signature, "signature"));
      return this;
    }

    /**
     * Makes the input.
     *
     * @return the input
     */
    public DmarcInput build() {
      return new DmarcInput(author, spfDomain, spfPassed, dkim);
    }
  }
}
