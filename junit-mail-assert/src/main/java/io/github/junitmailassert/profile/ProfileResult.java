package io.github.junitmailassert.profile;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What a {@link ReceiverProfile} makes of a mail: the verdict, and each rule the mail broke.
 *
 * @param profile the profile's name
 * @param verdict the worst consequence of the broken rules; {@link Verdict#INBOX} when none was broken
 * @param broken each broken rule with the problem found
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ProfileResult(String profile, Verdict verdict, List<BrokenRule> broken) {

  /**
   * A rule the mail broke, how, and the fix.
   *
   * @param rule the rule
   * @param problem what the mail does that breaks it
   * @param fix how to fix it, in the sender's stack
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record BrokenRule(ProfileRule rule, String problem, String fix) {}

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
}
