package io.github.junitmailassert.assertions;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpAttempt;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractSoftAssertions;

/**
 * Soft assertions on captured mails: every failure of the mail assertions is collected and reported
 * together. Works with AssertJ's {@code SoftAssertionsExtension} and {@code @InjectSoftAssertions}.
 *
 * <p>The navigation methods ({@code spf()}, {@code dkim()}, {@code dmarc()}, {@code sendingHost()},
 * {@code authenticationResults()}, {@code textBody()}, {@code htmlBody()}, {@code addresses(...)},
 * {@code attachments()}, {@code attachment(...)}) are soft too: their failures are collected with
 * the others, a missing body or attachment among them.
 *
 * <pre>{@code
 * MailSoftAssertions softly = new MailSoftAssertions();
 * softly.assertThat(mail).hasEnvelopeSenderDomain("sample.co.jp");
 * softly.assertThat(mail).hasNoLocalNameLeaks();
 * softly.assertAll();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public class MailSoftAssertions extends AbstractSoftAssertions {

  /** Soft assertions to collect failures in; {@link #assertAll()} reports them. */
  public MailSoftAssertions() {}

  /**
   * Soft assertions on one captured mail.
   *
   * @param actual the mail
   * @return the assertions
   */
  public CapturedMailAssert assertThat(CapturedMail actual) {
    CapturedMailAssert softly = proxy(CapturedMailAssert.class, CapturedMail.class, actual);
    softly.collectInto(this);
    return softly;
  }

  /** A soft assertion reached by a navigation of a soft mail assertion. */
  <A extends org.assertj.core.api.Assert<? extends A, ? extends T>, T> A navigation(Class<A> assertType,
      Class<T> actualType, T actual) {
    return proxy(assertType, actualType, actual);
  }

  /**
   * Soft assertions on the mails captured so far.
   *
   * @param actual the mails
   * @return the assertions
   */
  public CapturedMailsAssert assertThat(CapturedMails actual) {
    return assertThatMails(actual.all());
  }

  /**
   * Soft assertions on a list of captured mails.
   *
   * @param actual the mails
   * @return the assertions
   */
  @SuppressWarnings("unchecked")
  public CapturedMailsAssert assertThatMails(List<CapturedMail> actual) {
    return proxy(CapturedMailsAssert.class, List.class, actual);
  }

  /**
   * Soft assertions on SMTP attempts.
   *
   * @param actual the SMTP attempts, in the order they began
   * @return the assertions
   */
  public SmtpAttemptsAssert assertThatAttempts(List<SmtpAttempt> actual) {
    return proxy(SmtpAttemptsAssert.class, List.class, actual);
  }
}
