package io.github.junitmailassert.filter;

import io.github.junitmailassert.check.Finding;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A real spam filter's verdict on one mail: its score, the threshold it calls spam at, the action
 * it asks for and every rule that fired, highest score first. When the filter could not score
 * (not installed, or it failed), {@link #status()} says so and {@link #reason()} says why.
 *
 * @param filter which filter
 * @param status scored, or why not
 * @param reason for a mail not scored: why, with how to install the filter; else ""
 * @param score the mail's total score (0 when not scored)
 * @param threshold the score from which the filter calls the mail spam (SpamAssassin's
 *     {@code required_score}; rspamd's lowest spam action's score)
 * @param action what the filter asks the receiving MTA to do
 * @param rules every rule that fired, highest score first, then by name
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record SpamFilterResult(SpamFilter filter, Status status, String reason, double score, double threshold,
    FilterAction action, List<FilterRule> rules) {

  /** Whether the filter scored the mail. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public enum Status {
    /** The filter scored the mail. */
    SCORED,
    /** The filter is not installed on this machine. */
    NOT_INSTALLED,
    /** The filter is installed but did not start or did not answer. */
    FAILED
  }

  private static final Comparator<FilterRule> HIGHEST_FIRST =
      Comparator.comparingDouble(FilterRule::score).reversed().thenComparing(FilterRule::name);

  /**
   * Checks the components and sorts the rules, highest score first.
   *
   * @param filter see {@link #filter()}
   * @param status see {@link #status()}
   * @param reason see {@link #reason()}; null is read as ""
   * @param score see {@link #score()}
   * @param threshold see {@link #threshold()}
   * @param action see {@link #action()}
   * @param rules see {@link #rules()}, in any order
   */
  public SpamFilterResult {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(action, "action");
    reason = Objects.requireNonNullElse(reason, "");
    rules = rules.stream().sorted(HIGHEST_FIRST).toList();
  }

  /**
   * A verdict for a mail the filter scored.
   *
   * @param filter the filter that scored it
   * @param score the mail's total score
   * @param threshold the score from which the filter calls a mail spam
   * @param action what the filter asks the receiving MTA to do
   * @param rules every rule that fired, in any order
   * @return the verdict, whose status is {@link Status#SCORED}
   */
  public static SpamFilterResult scored(SpamFilter filter, double score, double threshold, FilterAction action,
      List<FilterRule> rules) {
    return new SpamFilterResult(filter, Status.SCORED, "", score, threshold, action, rules);
  }

  /**
   * A mail the filter could not score, and why.
   *
   * @param filter the filter asked
   * @param status {@link Status#NOT_INSTALLED} or {@link Status#FAILED}
   * @param reason why, with how to install the filter
   * @return the result, with score 0, {@link FilterAction#NO_ACTION} and no rules
   * @throws IllegalArgumentException for {@link Status#SCORED}
   */
  public static SpamFilterResult notScored(SpamFilter filter, Status status, String reason) {
    if (status == Status.SCORED) {
      throw new IllegalArgumentException("a mail not scored needs NOT_INSTALLED or FAILED");
    }
    return new SpamFilterResult(filter, status, reason, 0, 0, FilterAction.NO_ACTION, List.of());
  }

  /** {@return whether the filter scored the mail} */
  public boolean isScored() {
    return status == Status.SCORED;
  }

  /** {@return whether the filter calls the mail spam: it scored it, and its action keeps it out of the inbox} */
  public boolean isSpam() {
    return isScored() && action.missesInbox();
  }

  /**
   * The rule named {@code name}, if it fired.
   *
   * @param name the rule's (SpamAssassin) or symbol's (rspamd) name, in any case
   * @return the rule, or empty when it did not fire
   */
  public Optional<FilterRule> rule(String name) {
    return rules.stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
  }

  /**
   * Whether the rule named {@code name} fired.
   *
   * @param name the rule's (SpamAssassin) or symbol's (rspamd) name, in any case
   * @return true when it fired
   */
  public boolean triggered(String name) {
    return rule(name).isPresent();
  }

  /** {@return the names of the rules that fired, highest score first} */
  public List<String> ruleNames() {
    return rules.stream().map(FilterRule::name).toList();
  }

  /**
   * The {@link #summary()} and the rules that added points, highest first, each with its score,
   * such as {@code SpamAssassin 5.8 / 5.0 (add header): RCVD_IN_PBL 3.6, RDNS_NONE 1.3}.
   *
   * @return the summary and the rules that counted
   */
  public String summaryWithCountedRules() {
    String counted = rules.stream().filter(r -> r.score() > 0).map(r -> r.name() + " " + format(r.score()))
        .collect(Collectors.joining(", "));
    return summary() + (counted.isEmpty() ? "" : ": " + counted);
  }

  /**
   * The fixes of the receiver's findings that explain the rules that added points, each once.
   *
   * @return the fixes joined with "; ", empty when no finding explains a rule that counted
   */
  public String fixes() {
    return rules.stream().filter(r -> r.score() > 0).flatMap(r -> r.explainedBy().stream()).map(Finding::fix)
        .filter(f -> !f.isEmpty()).distinct().collect(Collectors.joining("; "));
  }

  /**
   * This verdict with other rules in place of its own; the receiver adds its explanations so.
   *
   * @param explained the rules, in any order (typically these rules with their findings)
   * @return a copy of this verdict with {@code explained} as its rules
   */
  public SpamFilterResult withRules(List<FilterRule> explained) {
    return new SpamFilterResult(filter, status, reason, score, threshold, action, explained);
  }

  /**
   * {@return a one-line summary, such as {@code SpamAssassin 5.7 / 5.0 (add header)}, or the reason
   * for a mail not scored}
   */
  public String summary() {
    if (!isScored()) {
      return filter.displayName() + " not scored: " + reason;
    }
    return filter.displayName() + " " + format(score) + " / " + format(threshold) + " (" + action.label() + ")";
  }

  /**
   * A score as the filters print it: one or two decimals, such as {@code 5.0} or {@code 2.35}.
   *
   * @param value a score
   * @return the score, rounded to two decimals and without a second trailing zero
   */
  public static String format(double value) {
    String text = String.format(Locale.ROOT, "%.2f", value);
    return text.endsWith("0") ? text.substring(0, text.length() - 1) : text;
  }

  @Override
  public String toString() {
    return summary();
  }
}
