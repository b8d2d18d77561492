package io.github.junitmailassert.dkim;

import io.github.junitmailassert.authresults.MethodResult;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a receiver concluded about one {@code DKIM-Signature} field of a message. Each signature is
 * judged on its own; a tag that could not be read is an empty string here.
 *
 * @param code pass, fail, or why neither
 * @param domain the signing domain, the {@code d=} tag (the SDID of RFC 6376)
 * @param selector the {@code s=} tag; the key record lives at {@code <selector>._domainkey.<domain>}
 * @param identity the {@code i=} tag, decoded from dkim-quoted-printable, or {@code @<domain>} (its
 *     default) when absent
 * @param algorithm the {@code a=} tag as written, such as {@code rsa-sha256}
 * @param keyBits the size of the public key in bits (256 for Ed25519), or 0 when no key was read
 * @param headerB the first 8 characters of the {@code b=} tag, which {@code Authentication-Results}
 *     reports as {@code header.b} to tell several signatures of one domain apart
 * @param reason what was found, and for anything but pass what to change; meant for a person
 * @param testing whether the key record says {@code t=y}: the domain is testing DKIM, and receivers
 *     must not treat the message differently from an unsigned one
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record DkimSignatureResult(
    DkimResultCode code,
    String domain,
    String selector,
    String identity,
    String algorithm,
    int keyBits,
    String headerB,
    String reason,
    boolean testing) {

  /**
   * Checks the components.
   *
   * @param code see {@link #code()}
   * @param domain see {@link #domain()}
   * @param selector see {@link #selector()}
   * @param identity see {@link #identity()}
   * @param algorithm see {@link #algorithm()}
   * @param keyBits see {@link #keyBits()}
   * @param headerB see {@link #headerB()}
   * @param reason see {@link #reason()}
   * @param testing see {@link #testing()}
   */
  public DkimSignatureResult {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(headerB, "headerB");
    Objects.requireNonNull(reason, "reason");
  }

  /** {@return whether the signature verified} */
  public boolean isPass() {
    return code == DkimResultCode.PASS;
  }

  /**
   * This signature's result in an {@code Authentication-Results} field (RFC 8601 section 2.7.1, RFC
   * 6008): {@code header.d}, {@code header.s} and {@code header.b}, each left out when it could not be
   * read.
   *
   * <pre>{@code
   * signature.methodResult().toString(); // dkim=pass header.d=sample.co.jp header.s=sel header.b=AbCdEfGh
   * }</pre>
   *
   * @return the result as an Authentication-Results method result
   */
  public MethodResult methodResult() {
    MethodResult r = MethodResult.of("dkim", code.keyword());
    r = domain.isEmpty() ? r : r.withProperty("header", "d", domain);
    r = selector.isEmpty() ? r : r.withProperty("header", "s", selector);
    return headerB.isEmpty() ? r : r.withProperty("header", "b", headerB);
  }

  /**
   * This signature's part of an {@code Authentication-Results} field as text, such as
   * {@code dkim=pass header.d=sample.co.jp header.s=sel header.b=AbCdEfGh}; {@link #methodResult()}
   * written, so values that are not tokens (a {@code /} in {@code header.b}, say) are quoted.
   *
   * @return the result as Authentication-Results text
   */
  public String authenticationResultsPart() {
    return methodResult().toString();
  }
}
