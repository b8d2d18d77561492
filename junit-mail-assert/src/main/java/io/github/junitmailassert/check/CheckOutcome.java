package io.github.junitmailassert.check;

import java.util.List;
import java.util.Objects;

/**
 * How one check ended for one mail: passed, failed, or not checked (and why). Not checked is never
 * shown as passed.
 *
 * @param check the check
 * @param status passed, failed or not checked
 * @param reason for {@link Status#NOT_CHECKED}: why, in a sentence; else ""
 * @param findings what the check found, failing ones first; empty when not checked
 */
public record CheckOutcome(MailCheck check, Status status, String reason, List<Finding> findings) {

  /** The three states of a check. */
  public enum Status {
    PASSED,
    FAILED,
    NOT_CHECKED;

    /** Lower case, as reports write it: {@code passed}, {@code failed}, {@code not checked}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  public CheckOutcome {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(status, "status");
    reason = Objects.requireNonNullElse(reason, "");
    findings = List.copyOf(findings);
  }

  /** The outcome of a check that ran: failed when one of {@code findings} fails it. */
  public static CheckOutcome of(MailCheck check, List<Finding> findings) {
    boolean failed = findings.stream().anyMatch(Finding::failsCheck);
    return new CheckOutcome(check, failed ? Status.FAILED : Status.PASSED, "", findings);
  }

  /** A check that could not run, and why. */
  public static CheckOutcome notChecked(MailCheck check, String reason) {
    return new CheckOutcome(check, Status.NOT_CHECKED, reason, List.of());
  }

  public boolean isPassed() {
    return status == Status.PASSED;
  }

  public boolean isFailed() {
    return status == Status.FAILED;
  }

  /** The findings that fail the check. */
  public List<Finding> failures() {
    return findings.stream().filter(Finding::failsCheck).toList();
  }
}
