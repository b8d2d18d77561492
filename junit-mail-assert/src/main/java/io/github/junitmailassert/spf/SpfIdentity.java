package io.github.junitmailassert.spf;

import java.util.Locale;
import org.apiguardian.api.API;

/** Which identity an SPF check authorized (RFC 7208 section 2.2 and 2.3). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum SpfIdentity {
  /** The domain of the envelope sender, SMTP {@code MAIL FROM} (what DMARC aligns with). */
  MAILFROM,
  /** The HELO/EHLO name the client gave. */
  HELO;

  private final String keywordText = name().toLowerCase(Locale.ROOT);

  /** {@return the keyword of Received-SPF's {@code identity=} key: {@code mailfrom} or {@code helo}} */
  public String keyword() {
    return keywordText;
  }
}
