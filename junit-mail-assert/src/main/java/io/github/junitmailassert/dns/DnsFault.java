package io.github.junitmailassert.dns;

/** A failure the fake zone simulates for a name, so tests can reach the {@code temperror} paths. */
public enum DnsFault {
  /** No answer at all: the in-process resolver reports a timeout at once, the loopback server stays silent. */
  TIMEOUT,
  /** The server answers with rcode SERVFAIL. */
  SERVFAIL
}
