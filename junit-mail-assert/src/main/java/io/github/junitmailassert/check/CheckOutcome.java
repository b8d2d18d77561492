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
 * @param fix for {@link Status#NOT_CHECKED}: what the test declares so that the check can run; else ""
 * @param findings what the check found, in the order found; empty when not checked
 */
public record CheckOutcome(MailCheck check, Status status, String reason, String fix, List<Finding> findings) {

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
    fix = Objects.requireNonNullElse(fix, "");
    findings = List.copyOf(findings);
    boolean failing = findings.stream().anyMatch(Finding::failsCheck);
    if (status == Status.NOT_CHECKED ? !findings.isEmpty() : failing != (status == Status.FAILED)) {
      throw new IllegalArgumentException("a " + status.label() + " " + check + " outcome cannot have these findings: "
          + findings);
    }
  }

  /** The outcome of a check that ran: failed when one of {@code findings} fails it. */
  public static CheckOutcome of(MailCheck check, List<Finding> findings) {
    boolean failed = findings.stream().anyMatch(Finding::failsCheck);
    return new CheckOutcome(check, failed ? Status.FAILED : Status.PASSED, "", "", findings);
  }

  /** A check that could not run, why, and what the test declares so that it can. */
  public static CheckOutcome notChecked(MailCheck check, String reason, String fix) {
    return new CheckOutcome(check, Status.NOT_CHECKED, reason, fix, List.of());
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
