package io.github.junitmailassert.check;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

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
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record CheckOutcome(MailCheck check, Status status, String reason, String fix, List<Finding> findings) {

  /** The three states of a check. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public enum Status {
    /** The check ran and found nothing that fails it. */
    PASSED,
    /** The check ran and found something that fails it. */
    FAILED,
    /** The check could not run; the outcome says why and what to declare. */
    NOT_CHECKED;

    /**
     * Lower case, as reports write it: {@code passed}, {@code failed}, {@code not checked}.
     *
     * @return the outcome's label
     */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  /**
   * Checks the components; lists are copied.
   *
   * @param check see {@link #check()}
   * @param status see {@link #status()}
   * @param reason see {@link #reason()}
   * @param fix see {@link #fix()}
   * @param findings see {@link #findings()}
   */
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

  /**
   * {@return the outcome of a check that ran: failed when one of {@code findings} fails it}
   *
   * @param check the check
   * @param findings the check's findings
   */
  public static CheckOutcome of(MailCheck check, List<Finding> findings) {
    boolean failed = findings.stream().anyMatch(Finding::failsCheck);
    return new CheckOutcome(check, failed ? Status.FAILED : Status.PASSED, "", "", findings);
  }

  /**
   * {@return a check that could not run, why, and what the test declares so that it can}
   *
   * @param check the check
   * @param reason why, in words
   * @param fix how to fix it, in the sender's stack
   */
  public static CheckOutcome notChecked(MailCheck check, String reason, String fix) {
    return new CheckOutcome(check, Status.NOT_CHECKED, reason, fix, List.of());
  }

  /** {@return whether the check ran and passed} */
  public boolean isPassed() {
    return status == Status.PASSED;
  }

  /** {@return whether the check ran and failed} */
  public boolean isFailed() {
    return status == Status.FAILED;
  }

  /** {@return the findings that fail the check} */
  public List<Finding> failures() {
    return findings.stream().filter(Finding::failsCheck).toList();
  }
}
