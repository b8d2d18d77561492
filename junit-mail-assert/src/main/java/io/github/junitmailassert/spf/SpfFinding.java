package io.github.junitmailassert.spf;

import java.util.Objects;

/**
 * One thing {@link SpfLint} found in a domain's SPF record, with the fix.
 *
 * @param severity how receivers are affected
 * @param text what was found, naming the record's domain when it is an included one
 * @param fix what to publish instead; "" when there is nothing to do
 */
public record SpfFinding(Severity severity, String text, String fix) {

  /** How a finding affects receivers. */
  public enum Severity {
    /** Receivers get permerror or authorize the wrong hosts. */
    ERROR,
    /** Works, but is fragile, slow or weak. */
    WARNING,
    /** Worth knowing. */
    INFO
  }

  public SpfFinding {
    Objects.requireNonNull(severity, "severity");
    text = Objects.requireNonNullElse(text, "");
    fix = Objects.requireNonNullElse(fix, "");
  }

  @Override
  public String toString() {
    return severity + ": " + text + (fix.isEmpty() ? "" : " (fix: " + fix + ")");
  }
}
