package io.github.junitmailassert.dmarc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * A DMARC policy record as a receiver read it: the tags that matter, with the defaults the RFC gives
 * where a tag is absent or its value is not valid, and what was wrong with the text.
 *
 * @param domain the domain the record is published for (the name below {@code _dmarc})
 * @param text the record as published, its character-strings joined
 * @param policy {@code p}; empty when absent or not valid (then the record may still apply, as
 *     {@code p=none}, if it names a report address; see {@link DmarcResult#reason()})
 * @param subdomainPolicy {@code sp}; empty when absent or not valid
 * @param nonExistentSubdomainPolicy {@code np} (RFC 9989); empty when absent, not valid, or in RFC 7489 mode
 * @param psd {@code psd} (RFC 9989); {@link Psd#U} when absent, not valid, or in RFC 7489 mode
 * @param dkimAlignment {@code adkim}, relaxed by default
 * @param spfAlignment {@code aspf}, relaxed by default
 * @param testing {@code t=y} (RFC 9989): the owner is testing its policy and asks for one level milder
 * @param aggregateReportUris {@code rua}, parsed but not used by this library
 * @param failureReportUris {@code ruf}, parsed but not used by this library
 * @param percent {@code pct} in RFC 7489 mode; always empty in RFC 9989 mode, which removed it
 * @param problems what a receiver ignored in the text, each in one sentence
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record DmarcRecord(
    String domain,
    String text,
    Optional<DmarcPolicy> policy,
    Optional<DmarcPolicy> subdomainPolicy,
    Optional<DmarcPolicy> nonExistentSubdomainPolicy,
    Psd psd,
    AlignmentMode dkimAlignment,
    AlignmentMode spfAlignment,
    boolean testing,
    List<String> aggregateReportUris,
    List<String> failureReportUris,
    OptionalInt percent,
    List<String> problems) {

  /** The {@code psd} tag: whether the record is a public suffix domain's (RFC 9989 section 4.7). */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public enum Psd {
    /** The domain is a public suffix domain: the organizational domain is one label below it. */
    Y,
    /** The domain is an organizational domain: the tree walk stops here. */
    N,
    /** Unknown: the tree walk decides. The default. */
    U
  }

  /**
   * Checks the components; lists are copied.
   *
   * @param domain see {@link #domain()}
   * @param text see {@link #text()}
   * @param policy see {@link #policy()}
   * @param subdomainPolicy see {@link #subdomainPolicy()}
   * @param nonExistentSubdomainPolicy see {@link #nonExistentSubdomainPolicy()}
   * @param psd see {@link #psd()}
   * @param dkimAlignment see {@link #dkimAlignment()}
   * @param spfAlignment see {@link #spfAlignment()}
   * @param testing see {@link #testing()}
   * @param aggregateReportUris see {@link #aggregateReportUris()}
   * @param failureReportUris see {@link #failureReportUris()}
   * @param percent see {@link #percent()}
   * @param problems see {@link #problems()}
   */
  public DmarcRecord {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(subdomainPolicy, "subdomainPolicy");
    Objects.requireNonNull(nonExistentSubdomainPolicy, "nonExistentSubdomainPolicy");
    Objects.requireNonNull(psd, "psd");
    Objects.requireNonNull(dkimAlignment, "dkimAlignment");
    Objects.requireNonNull(spfAlignment, "spfAlignment");
    Objects.requireNonNull(percent, "percent");
    aggregateReportUris = List.copyOf(aggregateReportUris);
    failureReportUris = List.copyOf(failureReportUris);
    problems = List.copyOf(problems);
  }
}
