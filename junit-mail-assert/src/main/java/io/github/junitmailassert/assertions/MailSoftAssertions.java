package io.github.junitmailassert.assertions;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpAttempt;
import java.util.List;
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
public class MailSoftAssertions extends AbstractSoftAssertions {

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

  public CapturedMailsAssert assertThat(CapturedMails actual) {
    return assertThatMails(actual.all());
  }

  @SuppressWarnings("unchecked")
  public CapturedMailsAssert assertThatMails(List<CapturedMail> actual) {
    return proxy(CapturedMailsAssert.class, List.class, actual);
  }

  /** Soft assertions on SMTP attempts. */
  public SmtpAttemptsAssert assertThatAttempts(List<SmtpAttempt> actual) {
    return proxy(SmtpAttemptsAssert.class, List.class, actual);
  }
}
