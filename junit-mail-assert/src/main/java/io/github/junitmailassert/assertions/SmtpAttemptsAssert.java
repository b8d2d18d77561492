package io.github.junitmailassert.assertions;

import io.github.junitmailassert.assertions.error.ShouldHaveSmtpAttempts;
import io.github.junitmailassert.mail.SmtpAttempt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.assertj.core.api.FactoryBasedNavigableListAssert;
import org.assertj.core.api.ObjectAssert;

/**
 * Assertions on the SMTP attempts of a test ({@code CapturedMails.attempts()}): AssertJ's list
 * assertions, plus the ones below, whose failures list every attempt with its last reply.
 *
 * <pre>{@code
 * assertThatAttempts(mails.attempts()).hasReplyCodes(451, 250).hasAccepted(1);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public class SmtpAttemptsAssert extends
    FactoryBasedNavigableListAssert<SmtpAttemptsAssert, List<SmtpAttempt>, SmtpAttempt, ObjectAssert<SmtpAttempt>> {

  /**
   * Assertions on these attempts; tests start from {@link MailAssertions#assertThatAttempts}.
   *
   * @param actual the SMTP attempts, in the order they began
   */
  public SmtpAttemptsAssert(List<SmtpAttempt> actual) {
    super(actual, SmtpAttemptsAssert.class, ObjectAssert::new);
  }

  /**
   * Verifies the code of the reply each attempt ended with, in order (0 for an attempt that got no
   * reply, such as a dropped one).
   *
   * <pre>{@code
   * // passes when the first attempt was greylisted and the retry delivered
   * assertThatAttempts(mails.attempts()).hasReplyCodes(451, 250);
   * // fails when the application gave up after the 451
   * }</pre>
   *
   * @param codes the reply code of each attempt, in order
   * @return this assertion, to chain more
   */
  public SmtpAttemptsAssert hasReplyCodes(int... codes) {
    isNotNull();
    List<Integer> expected = Arrays.stream(codes).boxed().collect(Collectors.toList());
    List<Integer> actualCodes = new ArrayList<>();
    for (SmtpAttempt a : actual) {
      actualCodes.add(a.replyCode());
    }
    if (!actualCodes.equals(expected)) {
      throwAssertionError(ShouldHaveSmtpAttempts.shouldHaveReplyCodes(actual, expected, actualCodes));
    }
    return myself;
  }

  /**
   * Verifies how each attempt ended, in order.
   *
   * <pre>{@code
   * assertThatAttempts(mails.attempts()).hasOutcomes(REFUSED, ACCEPTED); // passes after one retry
   * }</pre>
   *
   * @param outcomes the outcome of each attempt, in order
   * @return this assertion, to chain more
   */
  public SmtpAttemptsAssert hasOutcomes(SmtpAttempt.Outcome... outcomes) {
    isNotNull();
    List<SmtpAttempt.Outcome> expected = List.of(outcomes);
    List<SmtpAttempt.Outcome> actualOutcomes = actual.stream().map(SmtpAttempt::outcome).collect(Collectors.toList());
    if (!actualOutcomes.equals(expected)) {
      throwAssertionError(ShouldHaveSmtpAttempts.shouldHaveOutcomes(actual, expected, actualOutcomes));
    }
    return myself;
  }

  /**
   * Verifies how many attempts were accepted: {@code hasAccepted(1)} says the mail was delivered
   * exactly once, however often it was tried.
   *
   * <pre>{@code
   * assertThatAttempts(mails.attempts()).hasAccepted(1); // fails when a retry delivered it twice
   * }</pre>
   *
   * @param count how many attempts the receiver accepted
   * @return this assertion, to chain more
   */
  public SmtpAttemptsAssert hasAccepted(int count) {
    isNotNull();
    long accepted = actual.stream().filter(a -> a.outcome() == SmtpAttempt.Outcome.ACCEPTED).count();
    if (accepted != count) {
      throwAssertionError(ShouldHaveSmtpAttempts.shouldHaveAccepted(actual, count, accepted));
    }
    return myself;
  }
}
