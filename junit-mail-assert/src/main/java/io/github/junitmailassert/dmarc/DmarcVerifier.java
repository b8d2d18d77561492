package io.github.junitmailassert.dmarc;

import io.github.junitmailassert.internal.dmarc.DmarcEvaluator;
import io.github.junitmailassert.internal.dmarc.PublicSuffixList;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.xbill.DNS.Resolver;

/**
 * Evaluates DMARC for a message the way a receiver does: finds the From domain's policy in DNS,
 * checks whether the SPF or a DKIM domain aligns with the From domain, and says what the domain
 * owner asks receivers to do when nothing aligns.
 *
 * <pre>{@code
 * DmarcVerifier dmarc = DmarcVerifier.builder(zone.resolver()).build();
 * DmarcResult result = dmarc.evaluate(DmarcInput.of("sample.co.jp", "sample.co.jp", true, List.of()));
 * result.authenticationResultsPart(); // dmarc=pass (p=reject dis=none) header.from=sample.co.jp
 * }</pre>
 *
 * <p>Thread-safety: immutable; {@link #evaluate} may be called from any thread, each call does its
 * own DNS lookups (no cache is shared).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class DmarcVerifier {

  private final DmarcMode mode;
  private final DmarcEvaluator evaluator;

  private DmarcVerifier(Builder builder) {
    this.mode = builder.mode;
    this.evaluator = new DmarcEvaluator(builder.resolver, builder.mode);
  }

  /**
   * {@return a verifier that asks {@code resolver} (for a test, {@code DnsZone.resolver()}), in RFC 9989 mode}
   *
   * @param resolver where DNS lookups go, typically the test zone's resolver
   */
  public static DmarcVerifier using(Resolver resolver) {
    return builder(resolver).build();
  }

  /**
   * Starts a verifier with settings (the mode).
   *
   * @param resolver where DNS lookups go, typically the test zone's resolver
   * @return a new builder
   */
  public static Builder builder(Resolver resolver) {
    return new Builder(Objects.requireNonNull(resolver, "resolver"));
  }

  /** {@return how this verifier finds the policy} */
  public DmarcMode mode() {
    return mode;
  }

  /**
   * The organizational domain of {@code domain} as this verifier finds it: by the DNS tree walk
   * (RFC 9989) or the Public Suffix List (RFC 7489); empty when it cannot be told (a DNS failure).
   *
   * @param domain the domain, such as {@code sample.co.jp}
   * @return the organizational domain, or empty when there is none
   */
  public Optional<String> organizationalDomain(String domain) {
    return evaluator.organizationalDomain(Objects.requireNonNull(domain, "domain"));
  }

  /**
   * Evaluates DMARC; never throws for any input: problems become {@code permerror}, DNS failures {@code temperror}.
   *
   * @param input what the receiver knows of the mail
   * @return the DMARC result
   */
  public DmarcResult evaluate(DmarcInput input) {
    return evaluator.evaluate(Objects.requireNonNull(input, "input"));
  }

  /** Options of a {@link DmarcVerifier}; the builder is the only way to make one, so options can grow. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private final Resolver resolver;
    private DmarcMode mode = DmarcMode.RFC9989;

    private Builder(Resolver resolver) {
      this.resolver = resolver;
    }

    /**
     * Which specification to follow; {@link DmarcMode#RFC9989} by default.
     *
     * @param mode how the DMARC policy is found
     * @return this builder
     */
    public Builder mode(DmarcMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @throws IllegalStateException for {@link DmarcMode#RFC7489_PSL} when Guava is not on the class
     *     path, saying which dependency to add
     * @return the dmarc verifier
     */
    public DmarcVerifier build() {
      if (mode == DmarcMode.RFC7489_PSL && !PublicSuffixList.isAvailable(DmarcVerifier.class.getClassLoader())) {
        throw new IllegalStateException(PublicSuffixList.MISSING_GUAVA);
      }
      return new DmarcVerifier(this);
    }
  }
}
