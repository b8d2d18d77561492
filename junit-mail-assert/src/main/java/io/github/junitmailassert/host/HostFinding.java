package io.github.junitmailassert.host;

import java.util.Objects;

/**
 * One thing found about the sending host's DNS, with what to publish or configure to fix it.
 *
 * @param severity how a receiver is likely to weigh it
 * @param text what was found, e.g. "203.0.113.25 has no PTR record"
 * @param fix what to do, e.g. "publish PTR 25.113.0.203.in-addr.arpa -> mail.sample.co.jp"; "" when nothing
 */
public record HostFinding(Severity severity, String text, String fix) {

  /** How much a finding matters to receivers. */
  public enum Severity {
    /** Strict receivers reject or spam-folder mail for this (e.g. no reverse DNS). */
    ERROR,
    /** Counts against the mail in spam scoring. */
    WARNING,
    /** Worth knowing; no receiver is known to act on it alone. */
    INFO
  }

  public HostFinding {
    Objects.requireNonNull(severity, "severity");
    text = Objects.requireNonNullElse(text, "");
    fix = Objects.requireNonNullElse(fix, "");
  }

  @Override
  public String toString() {
    return severity + ": " + text + (fix.isEmpty() ? "" : " (fix: " + fix + ")");
  }
}
