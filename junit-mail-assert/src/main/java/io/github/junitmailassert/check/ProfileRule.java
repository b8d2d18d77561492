package io.github.junitmailassert.check;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One rule of a {@link ReceiverProfile}: what it requires, where the requirement is published,
 * what happens to a mail that breaks it, and how to find out.
 *
 * @param requirement what the rule requires, in a sentence
 * @param source where the requirement is published
 * @param consequence where a mail that breaks the rule ends up
 * @param check gives the problem when the mail breaks the rule, empty when it keeps it
 * @param fix what the sender changes to keep the rule
 */
public record ProfileRule(String requirement, String source, Verdict consequence,
    Function<ReceiverChecks, Optional<String>> check, String fix) {

  public ProfileRule {
    Objects.requireNonNull(requirement, "requirement");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(consequence, "consequence");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(fix, "fix");
  }
}
