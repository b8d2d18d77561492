package io.github.junitmailassert.dmarc;

import org.apiguardian.api.API;

/**
 * Which DMARC specification a receiver follows. They differ in how the organizational domain is
 * found, which decides relaxed alignment and where a subdomain's policy comes from.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum DmarcMode {
  /**
   * RFC 9989 (DMARCbis): the organizational domain is found by the DNS tree walk over
   * {@code _dmarc} records, bounded to eight queries, with the {@code psd} tag; {@code np} and
   * {@code t} apply and {@code pct} is gone. The default.
   */
  RFC9989,
  /**
   * RFC 7489: the organizational domain is the public suffix plus one label, taken from the Public
   * Suffix List that Guava ships ({@code com.google.guava:guava} must be on the class path). What
   * receivers that have not moved to RFC 9989 still do.
   */
  RFC7489_PSL
}
