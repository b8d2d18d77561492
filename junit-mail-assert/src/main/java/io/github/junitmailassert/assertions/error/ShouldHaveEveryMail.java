package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.envelope.LocalNameLeak;
import io.github.junitmailassert.mail.CapturedMail;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Failures of the assertions on all captured mails: every failing mail at once. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldHaveEveryMail extends BasicErrorMessageFactory {

  private ShouldHaveEveryMail(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * The failure message when some mails fail, one line each.
   *
   * @param failures the failure message of each mail that failed
   * @param mails how many mails were checked
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldPassForEveryMail(int mails, List<String> failures) {
    return new ShouldHaveEveryMail("%s of %s mail(s) failed:%n%s", unquotedString(Integer.toString(failures.size())),
        unquotedString(Integer.toString(mails)), unquotedString(String.join(String.format("%n%n"), failures)));
  }

  /**
   * The failure message when some mails leak local names.
   *
   * @param leaks each leaking mail with its leaks, in capture order
   * @param mails how many mails were checked
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveNoLocalNameLeaks(int mails, Map<CapturedMail, List<LocalNameLeak>> leaks) {
    StringBuilder report = new StringBuilder();
    leaks.forEach((mail, found) -> {
      report.append(String.format("%n%s", mail));
      for (LocalNameLeak leak : found) {
        report.append(String.format("%n  - %s", leak.describe()));
      }
    });
    return new ShouldHaveEveryMail("%nExpecting no local host names in %s captured mail(s) but %s leak them:%s",
        unquotedString(Integer.toString(mails)), unquotedString(Integer.toString(leaks.size())),
        unquotedString(report.toString()));
  }
}
