package io.github.junitmailassert.check;

import io.github.junitmailassert.check.Finding.Severity;
import org.apiguardian.api.API;

/** The receiver checks, each with its own findings; the CI gate ({@code verifyEachTest}) runs a chosen set. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum MailCheck {
  /** The envelope sender is in the declared sending domain. */
  ENVELOPE_DOMAIN(Severity.ERROR),
  /** No local host name or private address shows in the envelope or the header. */
  LOCAL_NAMES(Severity.ERROR),
  /** SPF passes for the envelope sender (RFC 7208, MAIL FROM identity). */
  SPF(Severity.ERROR),
  /** The client IP has forward-confirmed reverse DNS, and the HELO name is a real name for it. */
  REVERSE_DNS(Severity.WARNING),
  /** At least one DKIM signature passes (RFC 6376). */
  DKIM(Severity.ERROR),
  /** DMARC passes: the From domain is aligned with a passing SPF or DKIM identity. */
  DMARC(Severity.ERROR),
  /** The message is RFC 5322. */
  FORMAT(Severity.ERROR),
  /** The client IP is on none of the block lists the receiver asks (RFC 5782). */
  BLOCK_LISTS(Severity.ERROR),
  /** None of the real spam filters the receiver asks ({@code spamFilters}) calls the mail spam. */
  SPAM_SCORE(Severity.ERROR);

  private final Severity failsOn;

  MailCheck(Severity failsOn) {
    this.failsOn = failsOn;
  }

  /**
   * The mildest severity that fails this check: receivers already hold a HELO name that does not
   * resolve against the sending host, while a missing Message-ID only costs spam score.
   *
   * @return the mildest failing severity
   */
  public Severity failsOn() {
    return failsOn;
  }
}
