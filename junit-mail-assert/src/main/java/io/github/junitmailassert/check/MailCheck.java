package io.github.junitmailassert.check;

/** The receiver checks the CI gate ({@code verifyEachTest}) and {@code passesReceiverChecks} can run. */
public enum MailCheck {
  /** The envelope sender is in the declared sending domain. */
  ENVELOPE_DOMAIN,
  /** No local host name or private address shows (see {@link LocalNames}). */
  LOCAL_NAMES,
  /** SPF passes for the envelope sender (RFC 7208, MAIL FROM identity). */
  SPF,
  /** The client IP has forward-confirmed reverse DNS, and the HELO name is a real name for it. */
  REVERSE_DNS,
  /** At least one DKIM signature passes (RFC 6376). */
  DKIM,
  /** DMARC passes: the From domain is aligned with a passing SPF or DKIM identity. */
  DMARC,
  /** The message is RFC 5322: no error of {@link HeaderSanity}. */
  FORMAT
}
