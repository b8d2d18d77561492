/** AssertJ assertions on captured mails; start with {@link io.github.junitmailassert.assertions.MailAssertions}. */
package io.github.junitmailassert.assertions;
