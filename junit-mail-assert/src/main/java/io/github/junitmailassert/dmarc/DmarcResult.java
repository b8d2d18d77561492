package io.github.junitmailassert.dmarc;

import io.github.junitmailassert.authresults.MethodResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a receiver concludes from DMARC for one message: the result, the policy the From domain's
 * owner asks for and what a receiver would do with the mail, and why.
 *
 * @param code the DMARC result code
 * @param mode the specification the evaluation followed
 * @param authorDomain the From domain evaluated, empty when the message has none
 * @param organizationalDomain the From domain's organizational domain, empty when not known
 * @param record the DMARC record that applied, empty when none did
 * @param policyTag the tag of that record whose policy applied ({@code p}, {@code sp} or {@code np})
 * @param policy the policy the domain asks for ({@link DmarcPolicy#NONE} without a record)
 * @param disposition what a receiver applies: {@code none} unless DMARC failed, one level milder
 *     than {@code policy} when the record says {@code t=y}
 * @param alignments each authenticated identifier and whether it aligns
 * @param reason one or two sentences for a report: what was found and why it gives this result
 * @param notes what a receiver ignored or assumed on the way (historic tags, syntax errors, ...)
 * @param methodResult this result as a receiver writes it in Authentication-Results, e.g.
 *     {@code dmarc=pass (p=reject dis=none) header.from=sample.co.jp}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record DmarcResult(
    DmarcResultCode code,
    DmarcMode mode,
    String authorDomain,
    String organizationalDomain,
    Optional<DmarcRecord> record,
    Optional<PolicyTag> policyTag,
    DmarcPolicy policy,
    DmarcPolicy disposition,
    List<IdentifierAlignment> alignments,
    String reason,
    List<String> notes,
    MethodResult methodResult) {

  /**
   * Checks the components; lists are copied.
   *
   * @param code see {@link #code()}
   * @param mode see {@link #mode()}
   * @param authorDomain see {@link #authorDomain()}
   * @param organizationalDomain see {@link #organizationalDomain()}
   * @param record see {@link #record()}
   * @param policyTag see {@link #policyTag()}
   * @param policy see {@link #policy()}
   * @param disposition see {@link #disposition()}
   * @param alignments see {@link #alignments()}
   * @param reason see {@link #reason()}
   * @param notes see {@link #notes()}
   * @param methodResult see {@link #methodResult()}
   */
  public DmarcResult {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(authorDomain, "authorDomain");
    Objects.requireNonNull(organizationalDomain, "organizationalDomain");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(policyTag, "policyTag");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(disposition, "disposition");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(methodResult, "methodResult");
    alignments = List.copyOf(alignments);
    notes = List.copyOf(notes);
  }

  /** {@return whether DMARC passed} */
  public boolean isPass() {
    return code == DmarcResultCode.PASS;
  }

  /**
   * {@return this result as text in Authentication-Results; {@link #methodResult()} written}
   *
   * <pre>{@code
   * dmarc.authenticationResultsPart(); // dmarc=pass (p=reject dis=none) header.from=sample.co.jp
   * }</pre>
   */
  public String authenticationResultsPart() {
    return methodResult.toString();
  }

  @Override
  public String toString() {
    return authenticationResultsPart() + ": " + reason;
  }
}
