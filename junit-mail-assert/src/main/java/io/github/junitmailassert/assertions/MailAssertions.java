package io.github.junitmailassert.assertions;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpAttempt;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.annotation.CheckReturnValue;

/**
 * Entry point of the mail assertions. Import it statically beside AssertJ's
 * {@code Assertions.assertThat}; the overloads do not clash.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public class MailAssertions {

  /** For subclasses that add assertions of their own. */
  protected MailAssertions() {}

  /**
   * Assertions on one captured mail.
   *
   * @param actual the captured mail
   * @return the assertions
   */
  @CheckReturnValue
  public static AbstractCapturedMailAssert<?> assertThat(CapturedMail actual) {
    return new CapturedMailAssert(actual);
  }

  /**
   * Assertions on the mails captured so far (no waiting: call {@link CapturedMails#await(int)} first if needed).
   *
   * @param actual the captured mail
   * @return the assertions
   */
  @CheckReturnValue
  public static CapturedMailsAssert assertThat(CapturedMails actual) {
    return new CapturedMailsAssert(actual.all());
  }

  /**
   * Assertions on SMTP attempts, such as {@code assertThatAttempts(mails.attempts()).hasReplyCodes(451, 250)}.
   *
   * @param actual the SMTP attempts, in the order they began
   * @return the assertions
   */
  @CheckReturnValue
  public static SmtpAttemptsAssert assertThatAttempts(List<SmtpAttempt> actual) {
    return new SmtpAttemptsAssert(actual);
  }

  /**
   * Assertions on a list of captured mails.
   *
   * @param actual the mails
   * @return the assertions
   */
  @CheckReturnValue
  public static CapturedMailsAssert assertThatMails(List<CapturedMail> actual) {
    return new CapturedMailsAssert(actual);
  }
}
