package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.filter.FilterRule;
import io.github.junitmailassert.filter.SpamFilterResult;
import io.github.junitmailassert.mail.CapturedMail;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * The failures of the spam filter assertions: what was expected of the filter, its verdict, and
 * the rules that fired, highest score first, each with the receiver's finding and fix where one of
 * its checks explains the rule.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldPassSpamFilter extends BasicErrorMessageFactory {

  private ShouldPassSpamFilter(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * The failure message when the filter did not score the mail (it failed to start or to answer).
   *
   * @param actual the mail checked
   * @param result the filter's result on the mail, which says why it did not score it
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldBeScored(CapturedMail actual, SpamFilterResult result) {
    return new ShouldPassSpamFilter("%nExpecting %s to score%n  %s%nbut it did not: %s", unquotedString(
        result.filter().displayName()), unquotedString(actual.toString()), unquotedString(result.reason()));
  }

  /**
   * The failure message when the score is not below {@code limit}.
   *
   * @param actual the mail checked
   * @param result the filter's result on the mail
   * @param limit the score the test expects the mail to stay under
   * @return the failure message, for AssertJ, with the rules that fired
   */
  public static ErrorMessageFactory shouldHaveScoreBelow(CapturedMail actual, SpamFilterResult result, double limit) {
    return failure(actual, result, "give a score below " + SpamFilterResult.format(limit),
        "it is " + SpamFilterResult.format(result.score()));
  }

  /**
   * The failure message when the filter asks for another action than {@code expected}.
   *
   * @param actual the mail checked
   * @param result the filter's result on the mail
   * @param expected the label of the action the test expects, such as {@code "no action"}
   * @return the failure message, for AssertJ, with the rules that fired
   */
  public static ErrorMessageFactory shouldHaveAction(CapturedMail actual, SpamFilterResult result, String expected) {
    return failure(actual, result, "ask for \"" + expected + "\"", "it asks for \"" + result.action().label() + "\"");
  }

  /**
   * The failure message when the filter calls the mail spam.
   *
   * @param actual the mail checked
   * @param result the filter's result on the mail
   * @return the failure message, for AssertJ, with the rules that fired
   */
  public static ErrorMessageFactory shouldNotBeSpam(CapturedMail actual, SpamFilterResult result) {
    return failure(actual, result, "not call it spam", "it does");
  }

  /**
   * The failure message when rules fired that should not have.
   *
   * @param actual the mail checked
   * @param result the filter's result on the mail
   * @param fired the names of the rules the test forbids that fired
   * @return the failure message, for AssertJ, with the rules that fired
   */
  public static ErrorMessageFactory shouldNotTrigger(CapturedMail actual, SpamFilterResult result, List<String> fired) {
    return failure(actual, result, "trigger none of " + quoteAll(fired), "it triggered " + String.join(", ", fired));
  }

  /**
   * The failure message when rules did not fire that should have.
   *
   * @param actual the mail checked
   * @param result the filter's result on the mail
   * @param missing the names of the rules the test expects that did not fire
   * @return the failure message, for AssertJ, with the rules that fired
   */
  public static ErrorMessageFactory shouldTrigger(CapturedMail actual, SpamFilterResult result, List<String> missing) {
    return failure(actual, result, "trigger " + quoteAll(missing), "it did not trigger " + String.join(", ", missing));
  }

  private static String quoteAll(List<String> names) {
    return "[" + String.join(", ", names) + "]";
  }

  private static ErrorMessageFactory failure(CapturedMail actual, SpamFilterResult result, String expected,
      String but) {
    return new ShouldPassSpamFilter("%nExpecting %s's verdict on%n  %s%nto %s but %s.%n%s", unquotedString(
        result.filter().displayName()), unquotedString(actual.toString()), unquotedString(expected),
        unquotedString(but), unquotedString(describe(result)));
  }

  /**
   * The filter's verdict and the rules that fired, highest score first, with the receiver's findings
   * and fixes, as the failure messages end.
   *
   * @param result the filter's result on a mail
   * @return the verdict and the rules, one per line
   */
  public static String describe(SpamFilterResult result) {
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder();
    sb.append(result.summary()).append(", rules that fired, highest score first:");
    List<String> zero = new java.util.ArrayList<>();
    for (FilterRule rule : result.rules()) {
      if (rule.score() == 0) {
        zero.add(rule.name());
        continue;
      }
      sb.append(nl).append("  ").append(SpamFilterResult.format(rule.score())).append(' ').append(rule.name());
      if (!rule.description().isEmpty()) {
        sb.append(": ").append(rule.description());
      }
      for (Finding finding : rule.explainedBy()) {
        sb.append(nl).append("      the receiver's ").append(finding.check()).append(" check: ").append(finding.text());
        if (!finding.fix().isEmpty()) {
          sb.append(nl).append("      fix: ").append(finding.fix());
        }
      }
    }
    if (!zero.isEmpty()) {
      sb.append(nl).append("  and scored 0: ").append(String.join(", ", zero));
    }
    return sb.toString();
  }
}
