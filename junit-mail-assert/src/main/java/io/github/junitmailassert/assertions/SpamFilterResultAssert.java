package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.error.ShouldPassSpamFilter.shouldBeScored;
import static io.github.junitmailassert.assertions.error.ShouldPassSpamFilter.shouldHaveAction;
import static io.github.junitmailassert.assertions.error.ShouldPassSpamFilter.shouldHaveScoreBelow;
import static io.github.junitmailassert.assertions.error.ShouldPassSpamFilter.shouldNotBeSpam;
import static io.github.junitmailassert.assertions.error.ShouldPassSpamFilter.shouldNotTrigger;
import static io.github.junitmailassert.assertions.error.ShouldPassSpamFilter.shouldTrigger;

import io.github.junitmailassert.filter.FilterAction;
import io.github.junitmailassert.filter.SpamFilterResult;
import io.github.junitmailassert.mail.CapturedMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions on a real spam filter's verdict on a mail: SpamAssassin's or rspamd's score, action
 * and rules. Reached with {@link AbstractCapturedMailAssert#spamAssassin()} and
 * {@link AbstractCapturedMailAssert#rspamd()}; every failure lists the rules that fired, highest
 * score first, with the receiver's finding and fix where one of its checks explains a rule.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public class SpamFilterResultAssert extends AbstractObjectAssert<SpamFilterResultAssert, SpamFilterResult> {

  private CapturedMail mail;

  /**
   * Assertions on {@code actual}; tests reach them from {@link AbstractCapturedMailAssert#spamAssassin()}
   * and {@link AbstractCapturedMailAssert#rspamd()}.
   *
   * @param actual the filter's verdict on a mail
   */
  public SpamFilterResultAssert(SpamFilterResult actual) {
    super(actual, SpamFilterResultAssert.class);
  }

  /** The mail this verdict belongs to; through a soft proxy too. */
  SpamFilterResultAssert of(CapturedMail mail) {
    this.mail = mail;
    return myself;
  }

  /**
   * Verifies that the filter's score is below {@code limit}.
   *
   * <pre>{@code
   * assertThat(mail).spamAssassin().hasScoreBelow(5.0); // passes for a score of 1.3
   * assertThat(mail).spamAssassin().hasScoreBelow(5.0); // fails for 5.7, listing the rules that fired
   * }</pre>
   *
   * @param limit the score the mail must stay under
   * @return this assertion, to chain more
   */
  public SpamFilterResultAssert hasScoreBelow(double limit) {
    requireScored();
    if (!(actual.score() < limit)) {
      throwAssertionError(shouldHaveScoreBelow(mail, actual, limit));
    }
    return myself;
  }

  /**
   * Verifies the action the filter asks the receiving MTA for (SpamAssassin: {@code ADD_HEADER}
   * for spam, else {@code NO_ACTION}).
   *
   * <pre>{@code
   * assertThat(mail).rspamd().hasAction(FilterAction.NO_ACTION); // passes for "no action"
   * assertThat(mail).rspamd().hasAction(FilterAction.NO_ACTION); // fails for "add header"
   * }</pre>
   *
   * @param expected the action the filter must ask for
   * @return this assertion, to chain more
   */
  public SpamFilterResultAssert hasAction(FilterAction expected) {
    Objects.requireNonNull(expected, "expected");
    requireScored();
    if (actual.action() != expected) {
      throwAssertionError(shouldHaveAction(mail, actual, expected.label()));
    }
    return myself;
  }

  /**
   * Verifies that the filter does not call the mail spam (its action lets it into the inbox).
   *
   * <pre>{@code
   * assertThat(mail).spamAssassin().isNotSpam(); // passes below required_score
   * assertThat(mail).spamAssassin().isNotSpam(); // fails at or above it
   * }</pre>
   *
   * @return this assertion, to chain more
   */
  public SpamFilterResultAssert isNotSpam() {
    requireScored();
    if (actual.isSpam()) {
      throwAssertionError(shouldNotBeSpam(mail, actual));
    }
    return myself;
  }

  /**
   * Verifies that none of the named rules fired (names compared without regard to case).
   *
   * <pre>{@code
   * assertThat(mail).spamAssassin().doesNotTrigger("RDNS_NONE"); // passes with matching PTR and A records
   * assertThat(mail).spamAssassin().doesNotTrigger("RDNS_NONE"); // fails without, with the record to publish
   * }</pre>
   *
   * @param rules the names of the rules (SpamAssassin) or symbols (rspamd), at least one
   * @return this assertion, to chain more
   */
  public SpamFilterResultAssert doesNotTrigger(String... rules) {
    requireScored();
    List<String> fired = new ArrayList<>();
    for (String rule : requireNames(rules)) {
      actual.rule(rule).ifPresent(r -> fired.add(r.name()));
    }
    if (!fired.isEmpty()) {
      throwAssertionError(shouldNotTrigger(mail, actual, fired));
    }
    return myself;
  }

  /**
   * Verifies that every named rule fired (names compared without regard to case).
   *
   * <pre>{@code
   * assertThat(mail).rspamd().triggers("R_SPF_ALLOW"); // passes when SPF passes
   * assertThat(mail).rspamd().triggers("R_SPF_ALLOW"); // fails without an SPF record
   * }</pre>
   *
   * @param rules the names of the rules (SpamAssassin) or symbols (rspamd), at least one
   * @return this assertion, to chain more
   */
  public SpamFilterResultAssert triggers(String... rules) {
    requireScored();
    List<String> missing = new ArrayList<>();
    for (String rule : requireNames(rules)) {
      if (!actual.triggered(rule)) {
        missing.add(rule);
      }
    }
    if (!missing.isEmpty()) {
      throwAssertionError(shouldTrigger(mail, actual, missing));
    }
    return myself;
  }

  private static List<String> requireNames(String[] rules) {
    if (rules == null || rules.length == 0) {
      throw new IllegalArgumentException("name at least one rule");
    }
    for (String rule : rules) {
      if (rule == null || rule.isBlank()) {
        throw new IllegalArgumentException("a rule name must not be blank");
      }
    }
    return List.of(rules);
  }

  private void requireScored() {
    isNotNull();
    if (!actual.isScored()) {
      throwAssertionError(shouldBeScored(mail, actual));
    }
  }
}
