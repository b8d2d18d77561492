package io.github.junitmailassert.assertions;

import io.github.junitmailassert.CapturedMail;
import java.util.List;
import org.assertj.core.api.AbstractSoftAssertions;

/**
 * Soft assertions on captured mails: every failure is collected and reported together. Works with
 * AssertJ's {@code SoftAssertionsExtension} and {@code @InjectSoftAssertions}.
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

  @SuppressWarnings("unchecked")
  public CapturedMailsAssert assertThatMails(List<CapturedMail> actual) {
    return proxy(CapturedMailsAssert.class, List.class, actual);
  }
}
