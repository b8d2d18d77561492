package io.github.junitmailassert.dkim;

import io.github.junitmailassert.internal.dkim.DkimEngine;
import io.github.junitmailassert.internal.dns.DnsLookup;
import java.time.Clock;
import java.util.List;
import io.github.junitmailassert.internal.mail.ParsedMessages;
import io.github.junitmailassert.mail.CapturedMail;
import java.util.Objects;
import org.apiguardian.api.API;
import org.xbill.DNS.Resolver;

/**
 * Verifies the DKIM signatures of a message the way a receiver does: RFC 6376, with RFC 8301
 * (no {@code rsa-sha1}, no RSA keys under 1024 bits) and RFC 8463 ({@code ed25519-sha256}).
 *
 * <pre>{@code
 * DkimVerifier verifier = DkimVerifier.builder(zone.resolver()).build();
 * List<DkimSignatureResult> results = verifier.verify(mail);
 * }</pre>
 *
 * <p>Each {@code DKIM-Signature} field is verified on its own, in the order the fields appear. A
 * message without one gives an empty list ({@code dkim=none}). A message whose lines end in a bare
 * LF, as some capture tools and files store them, is canonicalized as if each line ended in CRLF,
 * which is how it travelled over SMTP.
 *
 * <p>Nothing in a message or a key record makes {@link #verify} throw: broken input is a result
 * ({@code permerror}, {@code fail}, ...) with a reason, and the work is linear in the message size.
 *
 * <p>Thread-safety: immutable; one verifier may be shared by any number of threads.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class DkimVerifier {

  private final DkimEngine engine;

  private DkimVerifier(Builder builder) {
    this.engine = new DkimEngine(new DnsLookup(builder.resolver), builder.clock, builder.allowLegacyRsaSha1,
        builder.minimumRsaKeyBits, builder.maximumSignatures);
  }

  /**
   * A verifier that looks key records up through {@code resolver} (typically
   * {@code DnsZone.resolver()}), with the defaults of RFC 8301 and the system clock.
   *
   * @param resolver where DNS lookups go, typically the test zone's resolver
   * @return the verifier
   */
  public static DkimVerifier using(Resolver resolver) {
    return builder(resolver).build();
  }

  /**
   * Starts a verifier with settings (clock, legacy RSA-SHA1, key sizes); options can grow here.
   *
   * @param resolver where DNS lookups go, typically the test zone's resolver
   * @return a new builder
   */
  public static Builder builder(Resolver resolver) {
    return new Builder(resolver);
  }

  /**
   * Verifies every DKIM signature of a message.
   *
   * @param rawMessage the message exactly as received (header and body, as on the wire)
   * @return one result per {@code DKIM-Signature} field, top to bottom; empty when there is none
   */
  public List<DkimSignatureResult> verify(byte[] rawMessage) {
    return engine.verify(rawMessage);
  }

  /**
   * Verifies every DKIM signature of a captured mail, from the mail's one parsed view (no copy of
   * its bytes, no second parse).
   *
   * @param mail the captured mail
   * @return one result per signature, in header order
   */
  public List<DkimSignatureResult> verify(CapturedMail mail) {
    return engine.verify(ParsedMessages.of(Objects.requireNonNull(mail, "mail")));
  }

  /** Options of a {@link DkimVerifier}; not thread-safe, build once and share the verifier. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    /** RFC 8301 section 3.2: receivers do not accept RSA keys under this size. */
    public static final int RFC_8301_MINIMUM_RSA_KEY_BITS = 1024;
    /** How many signatures of one message are verified by default; more are {@code neutral}. */
    public static final int DEFAULT_MAXIMUM_SIGNATURES = 16;

    private final Resolver resolver;
    private Clock clock = Clock.systemUTC();
    private boolean allowLegacyRsaSha1;
    private int minimumRsaKeyBits = RFC_8301_MINIMUM_RSA_KEY_BITS;
    private int maximumSignatures = DEFAULT_MAXIMUM_SIGNATURES;

    private Builder(Resolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * The clock that {@code x=} (signature expiration) is judged against; the system clock by default.
     *
     * @param clock the receiver's clock (signature expiry, timestamps)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Accepts {@code rsa-sha1} signatures, as legacy receivers did. Off by default: RFC 8301 says
     * they must not be considered valid, so they give {@code policy} even when they verify.
     *
     * @param allow whether {@code rsa-sha1} signatures may pass
     * @return this builder
     */
    public Builder allowLegacyRsaSha1(boolean allow) {
      this.allowLegacyRsaSha1 = allow;
      return this;
    }

    /**
     * The smallest RSA key that may verify; {@value #RFC_8301_MINIMUM_RSA_KEY_BITS} by default
     * (RFC 8301). A smaller signing key gives {@code policy}. Lower it to model legacy receivers.
     *
     * @param bits the RSA key size in bits
     * @return this builder
     */
    public Builder minimumRsaKeyBits(int bits) {
      if (bits < 0) {
        throw new IllegalArgumentException("minimumRsaKeyBits must not be negative: " + bits);
      }
      this.minimumRsaKeyBits = bits;
      return this;
    }

    /**
     * How many signatures per message are verified (each may cost a DNS lookup); the rest are
     * {@code neutral}. {@value #DEFAULT_MAXIMUM_SIGNATURES} by default.
     *
     * @param maximum the most signatures verified per message
     * @return this builder
     */
    public Builder maximumSignatures(int maximum) {
      if (maximum < 1) {
        throw new IllegalArgumentException("maximumSignatures must be at least 1: " + maximum);
      }
      this.maximumSignatures = maximum;
      return this;
    }

    /**
     * Makes the verifier.
     *
     * @return the verifier
     */
    public DkimVerifier build() {
      return new DkimVerifier(this);
    }
  }
}
