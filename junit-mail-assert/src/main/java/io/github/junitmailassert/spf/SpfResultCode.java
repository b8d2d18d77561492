package io.github.junitmailassert.spf;

import java.util.Locale;
import org.apiguardian.api.API;

/** The results of an SPF check, as RFC 7208 section 2.6 names them. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum SpfResultCode {
  /** No SPF record, or no domain that could be checked. */
  NONE,
  /** The domain owner says nothing about this client ("?" or no match). */
  NEUTRAL,
  /** The client is authorized to send for the domain. */
  PASS,
  /** The client is explicitly not authorized; strict receivers reject the mail. */
  FAIL,
  /** The client is probably not authorized ("~"); receivers usually mark the mail as spam. */
  SOFTFAIL,
  /** A transient DNS error; receivers defer the mail and try again later. */
  TEMPERROR,
  /** The published record is broken; receivers treat this like a missing or failed policy. */
  PERMERROR;

  private final String keywordText = name().toLowerCase(Locale.ROOT);

  /** {@return the lower-case keyword used in Received-SPF and Authentication-Results, e.g} {@code softfail}. */
  public String keyword() {
    return keywordText;
  }
}
