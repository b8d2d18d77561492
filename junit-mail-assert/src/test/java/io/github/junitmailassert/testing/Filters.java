package io.github.junitmailassert.testing;

import io.github.junitmailassert.filter.SpamFilter;
import io.github.junitmailassert.internal.filter.SpamFilters;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** A real filter or a visible skip that says how to install it; {@code -Dit.requireTools=true} (CI) fails instead. */
public final class Filters {

  private Filters() {}

  public static void assumeInstalled(SpamFilter filter) {
    Optional<String> missing = SpamFilters.missing(filter);
    if (missing.isPresent()) {
      if (Boolean.getBoolean("it.requireTools")) {
        throw new IllegalStateException(missing.get() + "; -Dit.requireTools=true makes this a failure");
      }
      Assumptions.abort(missing.get());
    }
  }
}
