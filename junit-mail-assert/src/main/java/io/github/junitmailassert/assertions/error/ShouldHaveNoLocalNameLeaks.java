package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.envelope.LocalNameLeak;
import io.github.junitmailassert.envelope.EnvelopeChecks;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure listing every local name a receiver would see, with the usual fixes. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldHaveNoLocalNameLeaks extends BasicErrorMessageFactory {

  private ShouldHaveNoLocalNameLeaks(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * The failure message when it should have no local name leaks but does not.
   *
   * @param actual what is checked
   * @param leaks the local-name leaks found
   * @param domain the domain, such as {@code sample.co.jp}
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveNoLocalNameLeaks(CapturedMail actual, List<LocalNameLeak> leaks, String domain) {
    StringBuilder found = new StringBuilder();
    Set<String> fixes = new LinkedHashSet<>();
    for (LocalNameLeak leak : leaks) {
      found.append(String.format("%n  - %s", leak.describe()));
      fixes.add(EnvelopeChecks.leakFix(leak.place(), domain));
    }
    StringBuilder fix = new StringBuilder();
    for (String f : fixes) {
      fix.append(String.format("%n  - %s", f));
    }
    return new ShouldHaveNoLocalNameLeaks("%nExpecting no local host names in%n  %s%nbut found %s:%s%n"
        + "Receivers take these for a misconfigured server: SPF cannot pass for them, and strict receivers reject the mail.%n"
        + "How to fix:%s",
        unquotedString(actual.toString()), leaks.size(), unquotedString(found.toString()), unquotedString(fix.toString()));
  }
}
