package io.github.junitmailassert.profile;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a {@link ReceiverProfile} makes of a mail: the verdict, each rule the mail broke, and the
 * SMTP reply the receiver sends when it refuses the mail.
 *
 * @param profile the profile's name
 * @param verdict the worst consequence of the broken rules; {@link Verdict#INBOX} when none was broken
 * @param broken each broken rule with the problem found
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ProfileResult(String profile, Verdict verdict, List<BrokenRule> broken) {

  /**
   * A rule the mail broke, how, the fix, and the reply the receiver sends for it.
   *
   * @param rule the rule
   * @param problem what is wrong with the mail
   * @param fix what to change; "" when there is nothing to do
   * @param reply the receiver's reply for this rule, empty when the rule names none
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record BrokenRule(ProfileRule rule, String problem, String fix, Optional<SmtpReply> reply) {
    /**
     * Reads a null reply as none.
     *
     * @param rule see {@link #rule()}
     * @param problem see {@link #problem()}
     * @param fix see {@link #fix()}
     * @param reply see {@link #reply()}; null is read as empty
     */
    public BrokenRule {
      reply = reply == null ? Optional.empty() : reply;
    }

    /**
     * A broken rule without a reply.
     *
     * @param rule the rule
     * @param problem what is wrong with the mail
     * @param fix what to change; "" when there is nothing to do
     */
    public BrokenRule(ProfileRule rule, String problem, String fix) {
      this(rule, problem, fix, Optional.empty());
    }
  }

  /**
   * Checks the components; lists are copied.
   *
   * @param profile see {@link #profile()}
   * @param verdict see {@link #verdict()}
   * @param broken see {@link #broken()}
   */
  public ProfileResult {
    broken = List.copyOf(broken);
  }

  /**
   * The reply the receiver sends: that of the first broken rule that gives the verdict (a receiver
   * answers once, for the first reason it finds); empty when the mail is accepted or the rule names
   * no reply.
   *
   * @return the receiver's reply, if it refuses the mail with one
   */
  public Optional<SmtpReply> reply() {
    return broken.stream().filter(b -> b.rule().consequence() == verdict).findFirst()
        .flatMap(BrokenRule::reply);
  }
}
