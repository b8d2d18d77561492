package io.github.junitmailassert.check;

import java.util.Objects;

/**
 * One thing a check found that receivers hold against a mail or its sender's DNS, with the fix:
 * what SPF record lint and the sending host checks report.
 *
 * @param severity how receivers are affected
 * @param text what was found
 * @param fix what to change or publish; "" when there is nothing to do
 */
public record Finding(Severity severity, String text, String fix) {

  /** How a finding affects receivers. */
  public enum Severity {
    /** Strict receivers reject or spam-folder the mail, or SPF gives permerror or authorizes the wrong hosts. */
    ERROR,
    /** Works, but counts against the mail in spam scoring, or is fragile, slow or weak. */
    WARNING,
    /** Worth knowing; no receiver is known to act on it alone. */
    INFO
  }

  public Finding {
    Objects.requireNonNull(severity, "severity");
    text = Objects.requireNonNullElse(text, "");
    fix = Objects.requireNonNullElse(fix, "");
  }

  @Override
  public String toString() {
    return severity + ": " + text + (fix.isEmpty() ? "" : " (fix: " + fix + ")");
  }
}
