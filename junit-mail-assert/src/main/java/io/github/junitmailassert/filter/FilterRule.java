package io.github.junitmailassert.filter;

import io.github.junitmailassert.check.Finding;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One rule (SpamAssassin) or symbol (rspamd) that fired on a mail.
 *
 * @param name the rule's name, such as {@code RDNS_NONE}
 * @param score the points it added (negative: it counted for the mail)
 * @param description the filter's own description; "" when it has none
 * @param details what the filter said about this hit (rspamd's options, SpamAssassin's notes); may be empty
 * @param explainedBy the library's findings that explain this rule, with their fixes; empty when none does
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record FilterRule(String name, double score, String description, List<String> details,
    List<Finding> explainedBy) {

  /**
   * Checks the name and copies the lists.
   *
   * @param name see {@link #name()}
   * @param score see {@link #score()}
   * @param description see {@link #description()}; null is read as ""
   * @param details see {@link #details()}
   * @param explainedBy see {@link #explainedBy()}
   */
  public FilterRule {
    Objects.requireNonNull(name, "name");
    description = Objects.requireNonNullElse(description, "");
    details = List.copyOf(details);
    explainedBy = List.copyOf(explainedBy);
  }

  /**
   * This rule with the findings that explain it.
   *
   * @param findings the receiver's findings that explain this rule, in place of those it has
   * @return a copy of this rule with {@code findings} as {@link #explainedBy()}
   */
  public FilterRule explainedBy(List<Finding> findings) {
    return new FilterRule(name, score, description, details, findings);
  }
}
