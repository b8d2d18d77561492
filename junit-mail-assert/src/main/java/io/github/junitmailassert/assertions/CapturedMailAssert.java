package io.github.junitmailassert.assertions;

import io.github.junitmailassert.mail.CapturedMail;

/** Assertions on one captured mail; start with {@link MailAssertions#assertThat(CapturedMail)}. */
public class CapturedMailAssert extends AbstractCapturedMailAssert<CapturedMailAssert> {

  public CapturedMailAssert(CapturedMail actual) {
    super(actual, CapturedMailAssert.class);
  }
}
