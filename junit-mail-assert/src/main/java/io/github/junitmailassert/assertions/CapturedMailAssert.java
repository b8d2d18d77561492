package io.github.junitmailassert.assertions;

import io.github.junitmailassert.mail.CapturedMail;
import org.apiguardian.api.API;

/** Assertions on one captured mail; start with {@link MailAssertions#assertThat(CapturedMail)}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public class CapturedMailAssert extends AbstractCapturedMailAssert<CapturedMailAssert> {

  /**
   * Assertions on {@code actual}; tests start from {@link MailAssertions#assertThat}.
   *
   * @param actual what is checked
   */
  public CapturedMailAssert(CapturedMail actual) {
    super(actual, CapturedMailAssert.class);
  }
}
