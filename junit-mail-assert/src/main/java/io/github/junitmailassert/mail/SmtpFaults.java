package io.github.junitmailassert.mail;

import io.github.junitmailassert.internal.mail.FaultPlan;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Tells the capture server to answer like a real receiver that refuses, delays or hangs up, so that
 * an application's retry and bounce handling can be tested. Take it as a test parameter (or from
 * the extension's {@code faults()}); each test starts with no faults but those the extension's
 * builder declared, and every attempt is recorded in {@link CapturedMails#attempts()}.
 *
 * <pre>{@code
 * @Test void retries_after_greylisting(SmtpFaults faults, SmtpEndpoint smtp, CapturedMails mails) {
 *   faults.greylist();                                        // 451 4.7.1 for the first attempt
 *   app.sendWelcome(smtp.host(), smtp.port());                // the app retries
 *   MailAssertions.assertThatAttempts(mails.attempts()).hasReplyCodes(451, 250);
 * }
 * }</pre>
 *
 * <p>Other receivers: {@code faults.refuseRecipient("gone@example.com", SmtpReply.NO_SUCH_USER)}
 * answers {@code 550 5.1.1} for one address, and
 * {@code faults.refuse(SmtpStage.END_OF_DATA, SmtpReply.UNAUTHENTICATED_SENDER)} refuses every message.
 *
 * <p>At each stage the delays set for it come first, then a drop, then the first refusal that
 * applies: a {@code refuse} in the order set, greylisting (RCPT), a failure drawn from a rate. A
 * {@code 421} reply closes the connection, as RFC 5321 section 3.8 says. A refused mail is never
 * captured. Thread-safe; changes apply from the next reply on.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class SmtpFaults {

  /** The longest delay a test may ask for: a test that waits longer has a bug. */
  public static final Duration MAX_DELAY = Duration.ofMinutes(5);

  private final FaultPlan plan = new FaultPlan();

  static {
    FaultPlan.grant(faults -> faults.plan);
  }

  /** No faults: the capture server accepts everything, as it does by default. */
  public SmtpFaults() {}

  /**
   * Answers every command of {@code stage} with {@code reply}, such as {@code refuse(SmtpStage.MAIL,
   * SmtpReply.of(550, "5.7.1 Sender blocked"))}; at {@link SmtpStage#RCPT} every recipient.
   *
   * @param stage where to refuse
   * @param reply the refusal, 4xx or 5xx
   * @return these faults
   * @throws IllegalArgumentException when {@code reply} is not a 4xx or 5xx reply
   */
  public SmtpFaults refuse(SmtpStage stage, SmtpReply reply) {
    plan.refuse(Objects.requireNonNull(stage, "stage"), null, refusal(reply), -1);
    return this;
  }

  /**
   * Answers the first {@code times} commands of {@code stage} with {@code reply}, then as usual: a
   * receiver that is busy for a while.
   *
   * @param stage where to refuse
   * @param reply the refusal, 4xx or 5xx
   * @param times how many commands to refuse, 1 or more
   * @return these faults
   */
  public SmtpFaults refuse(SmtpStage stage, SmtpReply reply, int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be 1 or more, not " + times);
    }
    plan.refuse(Objects.requireNonNull(stage, "stage"), null, refusal(reply), times);
    return this;
  }

  /**
   * Answers {@code RCPT TO} for this address (case-insensitive) with {@code reply}, such as
   * {@link SmtpReply#NO_SUCH_USER}.
   *
   * @param address the recipient to refuse
   * @param reply the refusal, 4xx or 5xx
   * @return these faults
   */
  public SmtpFaults refuseRecipient(String address, SmtpReply reply) {
    Objects.requireNonNull(address, "address");
    plan.refuse(SmtpStage.RCPT, address, refusal(reply), -1);
    return this;
  }

  /**
   * Greylisting as real receivers do it (RFC 6647): the first {@code RCPT TO} of each client IP,
   * envelope sender and recipient gets {@link SmtpReply#GREYLISTED}; a retry of the same triple is
   * accepted, and so is every later one.
   *
   * @return these faults
   */
  public SmtpFaults greylist() {
    return greylist(Duration.ZERO, SmtpReply.GREYLISTED);
  }

  /**
   * Greylisting whose retries are refused again until {@code minimumDelay} has passed since the first attempt.
   *
   * @param minimumDelay how long a retry must wait to be accepted
   * @return these faults
   */
  public SmtpFaults greylist(Duration minimumDelay) {
    return greylist(minimumDelay, SmtpReply.GREYLISTED);
  }

  /**
   * Greylisting with a reply of its own (some greylisters say {@code 450 4.2.0}).
   *
   * @param minimumDelay how long a retry must wait to be accepted
   * @param reply the refusal of a first attempt, 4xx or 5xx
   * @return these faults
   */
  public SmtpFaults greylist(Duration minimumDelay, SmtpReply reply) {
    plan.greylist(checkedDelay(minimumDelay, "minimumDelay"), refusal(reply));
    return this;
  }

  /**
   * Waits this long before each reply at {@code stage} (at most {@link #MAX_DELAY}), as a slow or tarpitting
   * receiver does.
   *
   * @param stage where to wait
   * @param delay how long to wait before replying
   * @return these faults
   */
  public SmtpFaults delay(SmtpStage stage, Duration delay) {
    plan.delay(Objects.requireNonNull(stage, "stage"), checkedDelay(delay, "delay"));
    return this;
  }

  /**
   * Closes the connection at {@code stage} instead of replying; at {@link SmtpStage#END_OF_DATA}
   * after reading the whole message, which is then not captured (the client cannot know whether it
   * was delivered).
   *
   * @param stage where to hang up
   * @return these faults
   */
  public SmtpFaults drop(SmtpStage stage) {
    plan.drop(Objects.requireNonNull(stage, "stage"));
    return this;
  }

  /**
   * Refuses a share of the commands of {@code stage} with {@code reply}, drawn from a random
   * sequence seeded with {@code seed}: the same sends in the same order meet the same refusals on
   * every run (clients sending at once take the draws in the order the server answers them).
   *
   * @param stage where to refuse
   * @param rate from 0 (never) to 1 (always)
   * @param reply the refusal, 4xx or 5xx
   * @param seed the seed of the random draws
   * @return these faults
   */
  public SmtpFaults failureRate(SmtpStage stage, double rate, SmtpReply reply, long seed) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate must be from 0 to 1, not " + rate);
    }
    plan.failureRate(Objects.requireNonNull(stage, "stage"), rate, refusal(reply), seed);
    return this;
  }

  /**
   * Removes every fault, and forgets which triples greylisting has seen.
   *
   * @return these faults
   */
  public SmtpFaults clear() {
    plan.clear();
    return this;
  }

  private static SmtpReply refusal(SmtpReply reply) {
    Objects.requireNonNull(reply, "reply");
    if (reply.code() < 400) {
      throw new IllegalArgumentException("a refusal is a 4xx or 5xx reply, not \"" + reply + "\"");
    }
    return reply;
  }

  private static Duration checkedDelay(Duration delay, String name) {
    Objects.requireNonNull(delay, name);
    if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
      throw new IllegalArgumentException(name + " must be from 0 to " + MAX_DELAY.toMinutes() + " minutes, not " + delay);
    }
    return delay;
  }

  /** The faults set, such as {@code "refuse RCPT TO:<gone@example.com> with 550 5.1.1 ..."}. */
  @Override
  public String toString() {
    return plan.describe();
  }
}
