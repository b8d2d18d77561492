package io.github.junitmailassert.profile;

import io.github.junitmailassert.check.CheckOutcome;
import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.filter.SpamFilter;
import io.github.junitmailassert.filter.SpamFilterResult;
import io.github.junitmailassert.receiver.ReceiverResult;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * One rule of a {@link ReceiverProfile}: what it requires, where the requirement is published,
 * what happens to a mail that breaks it, and a predicate over the mail's {@link ReceiverResult}.
 * A rule that requires a check takes the problem and the fix from that check's findings. A rule
 * reads only what the receiver result holds (each check's outcome and typed result, the captured
 * mail's facts such as TLS), so a rule can read any part a receiver result gains later.
 *
 * <p>A rule whose consequence is {@link Verdict#REJECTED} or {@link Verdict#DEFERRED} may carry
 * the {@link SmtpReply} the receiver sends ({@link #withReply(Function)}).
 *
 * @param requirement what the rule requires, in a sentence
 * @param source where the requirement is published
 * @param consequence where a mail that breaks the rule ends up
 * @param check gives the breach when the mail breaks the rule, empty when it keeps it
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ProfileRule(String requirement, String source, Verdict consequence,
    Function<ReceiverResult, Optional<Breach>> check) {

  /**
   * How a mail breaks a rule, the fix, and the reply the receiver sends when it refuses the mail.
   *
   * @param problem what is wrong with the mail
   * @param fix what to change; "" when there is nothing to do
   * @param reply the receiver's reply, empty when the rule names none
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record Breach(String problem, String fix, Optional<SmtpReply> reply) {
    /**
     * Checks that no component is null.
     *
     * @param problem see {@link #problem()}
     * @param fix see {@link #fix()}
     * @param reply see {@link #reply()}
     */
    public Breach {
      Objects.requireNonNull(problem, "problem");
      Objects.requireNonNull(fix, "fix");
      Objects.requireNonNull(reply, "reply");
    }

    /**
     * A breach without a reply.
     *
     * @param problem what is wrong with the mail
     * @param fix what to change; "" when there is nothing to do
     */
    public Breach(String problem, String fix) {
      this(problem, fix, Optional.empty());
    }
  }

  /**
   * Checks the components.
   *
   * @param requirement see {@link #requirement()}
   * @param source see {@link #source()}
   * @param consequence see {@link #consequence()}
   * @param check see {@link #check()}
   */
  public ProfileRule {
    Objects.requireNonNull(requirement, "requirement");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(consequence, "consequence");
    Objects.requireNonNull(check, "check");
  }

  /**
   * {@return a rule kept when {@code check} passes; the breach is the check's findings (or why it was not checked)}
   *
   * @param check the check
   * @param requirement the requirement in words, as a report shows it
   * @param source where the rule comes from, such as a provider's published sender requirements
   * @param consequence the verdict when the requirement is not met
   */
  public static ProfileRule requiring(MailCheck check, String requirement, String source, Verdict consequence) {
    return new ProfileRule(requirement, source, consequence, result -> breachOf(result.outcome(check)));
  }

  /**
   * {@return a rule kept when {@code kept} holds; else broken with {@code problem} and {@code fix}}
   *
   * @param requirement the requirement in words, as a report shows it
   * @param source where the rule comes from, such as a provider's published sender requirements
   * @param consequence the verdict when the requirement is not met
   * @param kept what passing the rule requires of the mail's result
   * @param problem what a failing mail is told, in words
   * @param fix how to fix it, in the sender's stack
   */
  public static ProfileRule of(String requirement, String source, Verdict consequence,
      Predicate<ReceiverResult> kept, Function<ReceiverResult, String> problem, String fix) {
    Objects.requireNonNull(kept, "kept");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(fix, "fix");
    return new ProfileRule(requirement, source, consequence,
        result -> kept.test(result) ? Optional.empty() : Optional.of(new Breach(problem.apply(result), fix)));
  }

  /**
   * A rule kept when the real {@code filter} scores the mail below {@code threshold} (a receiver
   * that files a mail as spam when SpamAssassin scores 5 or more: {@code spamScoreBelow(SPAMASSASSIN,
   * 5.0, Verdict.SPAM_FOLDER)}). The breach gives the filter's score, its own threshold and action,
   * the rules that added points, highest first, and the fixes of the receiver's findings that explain them. A filter
   * that could not score (not installed) breaks the rule with why and how to install it, as a
   * check that was not run does.
   *
   * @param filter the real filter whose score counts
   * @param threshold the score from which the rule is broken
   * @param consequence the verdict when it is broken, such as {@link Verdict#SPAM_FOLDER}
   * @return the rule
   */
  public static ProfileRule spamScoreBelow(SpamFilter filter, double threshold, Verdict consequence) {
    Objects.requireNonNull(filter, "filter");
    String limit = SpamFilterResult.format(threshold);
    return new ProfileRule(filter.displayName() + " scores the mail below " + limit,
        "the receiver's content filter: " + filter.displayName() + " as shipped by Debian", consequence, result -> {
          SpamFilterResult verdict = result.spamFilter(filter);
          if (!verdict.isScored()) {
            return Optional.of(new Breach("not checked: " + verdict.reason(), filter.installHint()));
          }
          if (verdict.score() < threshold) {
            return Optional.empty();
          }
          return Optional.of(new Breach(verdict.summaryWithCountedRules(), verdict.fixes()));
        });
  }

  /**
   * This rule, answering a mail that breaks it with {@code reply}, made from the mail's result (so
   * that it can name the domain or the client IP as the receiver does). The reply's class must
   * match the consequence: 4xx for {@link Verdict#DEFERRED}, 5xx for {@link Verdict#REJECTED}.
   *
   * @param reply makes the reply from the mail's receiver result
   * @return a copy of this rule whose breaches carry the reply
   * @throws IllegalArgumentException when this rule neither rejects nor defers
   */
  public ProfileRule withReply(Function<ReceiverResult, SmtpReply> reply) {
    Objects.requireNonNull(reply, "reply");
    if (consequence != Verdict.REJECTED && consequence != Verdict.DEFERRED) {
      throw new IllegalArgumentException("only a rule that rejects or defers sends a reply, not one whose"
          + " consequence is " + consequence + ": " + requirement);
    }
    Function<ReceiverResult, Optional<Breach>> own = check;
    return new ProfileRule(requirement, source, consequence, r -> own.apply(r).map(b -> {
      SmtpReply sent = reply.apply(r);
      if (sent.verdict() != consequence) {
        throw new IllegalStateException("the rule \"" + requirement + "\" gives the verdict " + consequence
            + " but its reply " + sent + " gives " + sent.verdict());
      }
      return new Breach(b.problem(), b.fix(), Optional.of(sent));
    }));
  }

  /**
   * This rule, answering a mail that breaks it with a fixed {@code reply}.
   *
   * @param reply the reply, 4xx for {@link Verdict#DEFERRED}, 5xx for {@link Verdict#REJECTED}
   * @return a copy of this rule whose breaches carry the reply
   * @throws IllegalArgumentException when this rule neither rejects nor defers
   */
  public ProfileRule withReply(SmtpReply reply) {
    Objects.requireNonNull(reply, "reply");
    return withReply(r -> reply);
  }

  /** The breach that a check's outcome makes, empty when it passed. */
  static Optional<Breach> breachOf(CheckOutcome outcome) {
    if (outcome.isPassed()) {
      return Optional.empty();
    }
    if (outcome.status() == CheckOutcome.Status.NOT_CHECKED) {
      return Optional.of(new Breach("not checked: " + outcome.reason(), outcome.fix()));
    }
    return Optional.of(breachOf(outcome.failures()));
  }

  static Breach breachOf(List<Finding> findings) {
    Set<String> texts = new LinkedHashSet<>();
    Set<String> fixes = new LinkedHashSet<>();
    for (Finding f : findings) {
      texts.add(f.text());
      if (!f.fix().isEmpty()) {
        fixes.add(f.fix());
      }
    }
    return new Breach(String.join("; ", texts), String.join("; ", fixes));
  }
}
