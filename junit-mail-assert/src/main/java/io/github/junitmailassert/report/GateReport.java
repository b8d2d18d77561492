package io.github.junitmailassert.report;

import io.github.junitmailassert.check.CheckOutcome;
import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.receiver.ReceiverResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The CI gate's report ({@code verifyEachTest}, {@code receiver().passes(...)}): each mail's
 * receiver result filtered by the checks the test chose, with every fix once. It judges nothing
 * itself. A chosen check that could not run is reported with its reason: not checked is not passed.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class GateReport {

  private GateReport() {}

  /**
   * {@return the report for all mails, or null when every mail passes {@code checks}}
   *
   * @param results the receiver's results, one per captured mail
   * @param checks the checks the gate counts
   */
  public static String of(List<ReceiverResult> results, Set<MailCheck> checks) {
    StringBuilder report = new StringBuilder();
    Set<String> fixes = new LinkedHashSet<>();
    int bad = 0;
    for (ReceiverResult result : results) {
      List<String> lines = new ArrayList<>();
      Set<String> notCheckedFixes = new LinkedHashSet<>();
      for (MailCheck check : MailCheck.values()) {
        if (!checks.contains(check)) {
          continue;
        }
        CheckOutcome outcome = result.outcome(check);
        if (outcome.status() == CheckOutcome.Status.NOT_CHECKED) {
          lines.add(check + " not checked: " + outcome.reason());
          if (!outcome.fix().isEmpty()) {
            notCheckedFixes.add(outcome.fix());
          }
        }
      }
      List<Finding> failures = result.failures(checks);
      if (lines.isEmpty() && failures.isEmpty()) {
        continue;
      }
      bad++;
      report.append(String.format("%n%s%n", result.mail()));
      for (Finding f : failures) {
        report.append(String.format("  - %s%n", f.text()));
        if (!f.fix().isEmpty()) {
          fixes.add(f.fix());
        }
      }
      for (String line : lines) {
        report.append(String.format("  - %s%n", line));
      }
      fixes.addAll(notCheckedFixes);
    }
    if (bad == 0) {
      return null;
    }
    StringBuilder out = new StringBuilder(String.format(
        "%d of %d captured mail(s) would not pass a receiver's checks (%s):%n", bad, results.size(), names(checks)));
    out.append(report);
    if (!fixes.isEmpty()) {
      out.append(String.format("%nHow to fix:%n"));
      for (String fix : fixes) {
        out.append(String.format("  - %s%n", fix));
      }
    }
    return out.toString().stripTrailing();
  }

  /**
   * {@return the names of {@code checks}, in their order, comma separated}
   *
   * @param checks the checks the gate counts
   */
  public static String names(Set<MailCheck> checks) {
    List<String> names = new ArrayList<>();
    for (MailCheck c : MailCheck.values()) {
      if (checks.contains(c)) {
        names.add(c.name());
      }
    }
    return String.join(", ", names);
  }
}
