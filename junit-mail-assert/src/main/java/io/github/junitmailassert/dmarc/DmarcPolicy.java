package io.github.junitmailassert.dmarc;

import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/** What a domain owner asks receivers to do with mail that fails DMARC ({@code p}, {@code sp}, {@code np}). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum DmarcPolicy {
  /** No preference: deliver as usual, only report. */
  NONE,
  /** Treat as suspicious, usually the spam folder. */
  QUARANTINE,
  /** Refuse the mail during the SMTP transaction. */
  REJECT;

  private final String keywordText = name().toLowerCase(Locale.ROOT);

  /** {@return the value as written in a DMARC record and in Authentication-Results} */
  public String keyword() {
    return keywordText;
  }

  /** {@return the policy one level milder, which is what {@code t=y} (testing) asks receivers to apply} */
  public DmarcPolicy oneLevelBelow() {
    return this == REJECT ? QUARANTINE : NONE;
  }

  /**
   * Parses a record value (case-insensitive, as RFC 5234 strings are); empty when not a policy.
   *
   * @param value the record's value, such as {@code reject}
   * @return the policy, or empty
   */
  public static Optional<DmarcPolicy> fromKeyword(String value) {
    for (DmarcPolicy p : values()) {
      if (p.keyword().equalsIgnoreCase(value)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
