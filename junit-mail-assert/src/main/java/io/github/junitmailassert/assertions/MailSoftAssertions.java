package io.github.junitmailassert.assertions;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import java.util.List;
import org.assertj.core.api.AbstractSoftAssertions;

/**
 * Soft assertions on captured mails: every failure of the mail assertions is collected and reported
 * together. Works with AssertJ's {@code SoftAssertionsExtension} and {@code @InjectSoftAssertions}.
 *
 * <p>The navigation methods ({@code spf()}, {@code dkim()}, {@code dmarc()}, {@code sendingHost()},
 * {@code authenticationResults()}) are not soft: their assertions fail at once. For soft receiver
 * checks, use {@code passesReceiverChecks(...)} or a profile, which report every problem in one
 * failure anyway.
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
    return proxy(CapturedMailAssert.class, CapturedMail.class, actual);
  }

  public CapturedMailsAssert assertThat(CapturedMails actual) {
    return assertThatMails(actual.all());
  }

  @SuppressWarnings("unchecked")
  public CapturedMailsAssert assertThatMails(List<CapturedMail> actual) {
    return proxy(CapturedMailsAssert.class, List.class, actual);
  }
}
