package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.blocklist.BlockLists;
import io.github.junitmailassert.check.CheckOutcome;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure of {@code isNotListedOn}: each list that lists the client IP, and why. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldNotBeListed extends BasicErrorMessageFactory {

  private ShouldNotBeListed(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * The block lists could not be asked: no client IP was declared (the outcome says why and what to declare).
   *
   * @param actual the mail
   * @param notChecked the outcome that says why the lists were not asked
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldBeAskedAbout(CapturedMail actual, CheckOutcome notChecked) {
    return new ShouldNotBeListed("%nExpecting the client IP of%n  %s%nto be on no block list but it was not checked: %s."
        + "%nFix: %s", unquotedString(actual.toString()), unquotedString(notChecked.reason()),
        unquotedString(notChecked.fix()));
  }

  /**
   * The failure message when a block list lists the client IP.
   *
   * @param clientIpNote which client IP was asked and why, as the receiver says it
   * @param actual the mail
   * @param listed the lists that list the client IP
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldNotBeListed(CapturedMail actual, String clientIpNote,
      List<BlockLists.Listing> listed) {
    StringBuilder sb = new StringBuilder();
    for (BlockLists.Listing l : listed) {
      sb.append(String.format("%n  - %s", BlockLists.describe(l)));
    }
    return new ShouldNotBeListed("%nExpecting the %s of%n  %s%nto be on no block list but it is on %s:%s%n"
        + "Receivers that use these lists reject the mail or score it as spam. Fix: %s.", unquotedString(clientIpNote),
        unquotedString(actual.toString()), unquotedString(Integer.toString(listed.size())), unquotedString(sb.toString()),
        unquotedString(BlockLists.FIX));
  }
}
