package io.github.junitmailassert.check;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One thing a receiver check found that receivers hold against a mail or its sender's DNS, with
 * the fix for this mail and where the rule is written. Every consumer (assertions, the CI gate,
 * profiles, both reports) shows the same finding; none makes its own.
 *
 * @param check the check that found it
 * @param severity how receivers are affected
 * @param text what was found
 * @param fix what to change or publish, in the sender stack's own keys where known; "" when there is nothing to do
 * @param source the rule: an RFC section or a receiver's published requirement; "" when none applies
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Finding(MailCheck check, Severity severity, String text, String fix, String source) {

  /** How a finding affects receivers. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public enum Severity {
    /** Strict receivers reject or spam-folder the mail, or SPF gives permerror or authorizes the wrong hosts. */
    ERROR,
    /** Works, but counts against the mail in spam scoring, or is fragile, slow or weak. */
    WARNING,
    /** Worth knowing; no receiver is known to act on it alone. */
    INFO
  }

  /**
   * Checks the components.
   *
   * @param check see {@link #check()}
   * @param severity see {@link #severity()}
   * @param text see {@link #text()}
   * @param fix see {@link #fix()}
   * @param source see {@link #source()}
   */
  public Finding {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(severity, "severity");
    text = Objects.requireNonNullElse(text, "");
    fix = Objects.requireNonNullElse(fix, "");
    source = Objects.requireNonNullElse(source, "");
  }

  /** {@return whether this finding makes its check fail (see {@link MailCheck#failsOn()})} */
  public boolean failsCheck() {
    return severity.ordinal() <= check.failsOn().ordinal();
  }

  @Override
  public String toString() {
    return severity + ": " + text + (fix.isEmpty() ? "" : " (fix: " + fix + ")");
  }
}
