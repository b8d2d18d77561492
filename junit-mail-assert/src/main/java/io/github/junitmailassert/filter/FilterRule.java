package io.github.junitmailassert.filter;

import io.github.junitmailassert.check.Finding;
import java.util.List;
import java.util.Objects;

/**
 * One rule (SpamAssassin) or symbol (rspamd) that fired on a mail.
 *
 * @param name the rule's name, such as {@code RDNS_NONE}
 * @param score the points it added (negative: it counted for the mail)
 * @param description the filter's own description; "" when it has none
 * @param details what the filter said about this hit (rspamd's options, SpamAssassin's notes); may be empty
 * @param explainedBy the library's findings that explain this rule, with their fixes; empty when none does
 */
public record FilterRule(String name, double score, String description, List<String> details,
    List<Finding> explainedBy) {

  public FilterRule {
    Objects.requireNonNull(name, "name");
    description = Objects.requireNonNullElse(description, "");
    details = List.copyOf(details);
    explainedBy = List.copyOf(explainedBy);
  }

  /** This rule with the findings that explain it. */
  public FilterRule explainedBy(List<Finding> findings) {
    return new FilterRule(name, score, description, details, findings);
  }
}
