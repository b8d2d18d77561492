package io.github.junitmailassert.dns;

import org.apiguardian.api.API;

/** A failure the fake zone simulates for a name, so tests can reach the {@code temperror} paths. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum DnsFault {
  /** No answer at all: the in-process resolver reports a timeout at once, the loopback server stays silent. */
  TIMEOUT,
  /** The server answers with rcode SERVFAIL. */
  SERVFAIL
}
