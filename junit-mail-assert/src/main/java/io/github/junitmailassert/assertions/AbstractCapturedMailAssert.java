package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.error.ShouldHaveEnvelopeField.shouldHaveDomain;
import static io.github.junitmailassert.assertions.error.ShouldHaveEnvelopeField.shouldHaveHeader;
import static io.github.junitmailassert.assertions.error.ShouldHaveEnvelopeField.shouldHaveHeloName;
import static io.github.junitmailassert.assertions.error.ShouldHaveEnvelopeField.shouldHaveRecipient;
import static io.github.junitmailassert.assertions.error.ShouldHaveEnvelopeField.shouldHaveRecipients;
import static io.github.junitmailassert.assertions.error.ShouldHaveEnvelopeField.shouldNotHaveHeader;
import static io.github.junitmailassert.assertions.error.ShouldHaveEnvelopeSender.shouldHaveEnvelopeSender;
import static io.github.junitmailassert.assertions.error.ShouldHaveEnvelopeSender.shouldHaveEnvelopeSenderDomain;
import static io.github.junitmailassert.assertions.error.ShouldHaveEnvelopeSender.shouldHaveNullSender;
import static io.github.junitmailassert.assertions.error.ShouldHaveNoLocalNameLeaks.shouldHaveNoLocalNameLeaks;

import io.github.junitmailassert.CapturedMail;
import io.github.junitmailassert.check.LocalNameLeak;
import io.github.junitmailassert.check.LocalNames;
import io.github.junitmailassert.internal.mail.Addresses;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions on one {@link CapturedMail}, checked as a receiving MTA would check it.
 *
 * @param <SELF> the assertion type, so subclasses keep their own methods in chains
 */
public abstract class AbstractCapturedMailAssert<SELF extends AbstractCapturedMailAssert<SELF>>
    extends AbstractObjectAssert<SELF, CapturedMail> {

  protected AbstractCapturedMailAssert(CapturedMail actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /**
   * Verifies the envelope sender ({@code MAIL FROM}), compared without regard to case.
   *
   * <pre>{@code
   * // passes for MAIL FROM:<no-reply@sample.co.jp>
   * assertThat(mail).hasEnvelopeSender("no-reply@sample.co.jp");
   * // fails for MAIL FROM:<apache@localhost.localdomain>
   * assertThat(mail).hasEnvelopeSender("no-reply@sample.co.jp");
   * }</pre>
   */
  public SELF hasEnvelopeSender(String expected) {
    isNotNull();
    if (!actual.envelopeSender().equalsIgnoreCase(expected)) {
      throwAssertionError(shouldHaveEnvelopeSender(actual, expected));
    }
    return myself;
  }

  /**
   * Verifies that the envelope sender's domain is {@code domain} or a subdomain of it: the domain
   * receivers check SPF for and send bounces to.
   *
   * <pre>{@code
   * // passes for MAIL FROM:<bounces@mail.sample.co.jp>
   * assertThat(mail).hasEnvelopeSenderDomain("sample.co.jp");
   * // fails for MAIL FROM:<apache@localhost.localdomain>, with the fix for Jakarta Mail, PHP and sendmail
   * assertThat(mail).hasEnvelopeSenderDomain("sample.co.jp");
   * }</pre>
   */
  public SELF hasEnvelopeSenderDomain(String domain) {
    isNotNull();
    String expected = domain.toLowerCase(Locale.ROOT);
    String seen = actual.envelopeSenderDomain().orElse("");
    if (!seen.equals(expected) && !seen.endsWith("." + expected)) {
      throwAssertionError(shouldHaveEnvelopeSenderDomain(actual, domain));
    }
    return myself;
  }

  /**
   * Verifies the null sender {@code MAIL FROM:<>}, which bounces and auto-replies must use.
   *
   * <pre>{@code
   * // passes for MAIL FROM:<>
   * assertThat(bounce).hasNullSender();
   * // fails for MAIL FROM:<mailer-daemon@sample.co.jp>
   * assertThat(bounce).hasNullSender();
   * }</pre>
   */
  public SELF hasNullSender() {
    isNotNull();
    if (!actual.isNullSender()) {
      throwAssertionError(shouldHaveNullSender(actual));
    }
    return myself;
  }

  /**
   * Verifies the {@code Return-Path} a receiver would write on delivery, such as
   * {@code "<no-reply@sample.co.jp>"} (angle brackets optional in {@code expected}).
   *
   * <pre>{@code
   * assertThat(mail).hasReturnPath("<no-reply@sample.co.jp>"); // passes for MAIL FROM:<no-reply@sample.co.jp>
   * assertThat(mail).hasReturnPath("<>");                       // fails for the same mail
   * }</pre>
   */
  public SELF hasReturnPath(String expected) {
    String bare = expected.startsWith("<") && expected.endsWith(">") ? expected.substring(1, expected.length() - 1) : expected;
    return hasEnvelopeSender(bare);
  }

  /**
   * Verifies the HELO or EHLO name exactly as the client sent it.
   *
   * <pre>{@code
   * assertThat(mail).hasHeloName("mail.sample.co.jp"); // passes for EHLO mail.sample.co.jp
   * assertThat(mail).hasHeloName("mail.sample.co.jp"); // fails for EHLO localhost.localdomain
   * }</pre>
   */
  public SELF hasHeloName(String expected) {
    isNotNull();
    if (!actual.heloName().map(expected::equals).orElse(false)) {
      throwAssertionError(shouldHaveHeloName(actual, expected));
    }
    return myself;
  }

  /**
   * Verifies the recipients ({@code RCPT TO}) exactly, in order.
   *
   * <pre>{@code
   * assertThat(mail).hasRecipients("alice@example.com", "bob@example.net"); // passes for those two RCPT TO
   * assertThat(mail).hasRecipients("alice@example.com");                    // fails: bob is there too
   * }</pre>
   */
  public SELF hasRecipients(String... expected) {
    isNotNull();
    if (!actual.recipients().equals(Arrays.asList(expected))) {
      throwAssertionError(shouldHaveRecipients(actual, Arrays.asList(expected)));
    }
    return myself;
  }

  /**
   * Verifies that {@code recipient} is among the recipients (case-insensitive).
   *
   * <pre>{@code
   * assertThat(mail).hasRecipient("alice@example.com"); // passes when Alice is a RCPT TO
   * assertThat(mail).hasRecipient("carol@example.com"); // fails when she is not
   * }</pre>
   */
  public SELF hasRecipient(String recipient) {
    isNotNull();
    if (actual.recipients().stream().noneMatch(recipient::equalsIgnoreCase)) {
      throwAssertionError(shouldHaveRecipient(actual, recipient));
    }
    return myself;
  }

  /**
   * Verifies that a header field of that name is present.
   *
   * <pre>{@code
   * assertThat(mail).hasHeader("List-Unsubscribe"); // passes when the field is there
   * assertThat(mail).hasHeader("List-Unsubscribe"); // fails otherwise, listing the fields there are
   * }</pre>
   */
  public SELF hasHeader(String name) {
    isNotNull();
    if (actual.header(name).isEmpty()) {
      throwAssertionError(shouldHaveHeader(actual, name));
    }
    return myself;
  }

  /**
   * Verifies that some header field of that name has exactly {@code value} (unfolded, trimmed).
   *
   * <pre>{@code
   * assertThat(mail).hasHeader("Subject", "Your order"); // passes for Subject: Your order
   * assertThat(mail).hasHeader("Subject", "Welcome");    // fails, showing the subject there is
   * }</pre>
   */
  public SELF hasHeader(String name, String value) {
    isNotNull();
    List<String> values = actual.headers(name);
    if (!values.contains(value)) {
      throwAssertionError(shouldHaveHeader(actual, name, value, values));
    }
    return myself;
  }

  /**
   * Verifies that no header field of that name is present.
   *
   * <pre>{@code
   * assertThat(mail).doesNotHaveHeader("X-Authentication-Warning"); // passes when absent
   * assertThat(mail).doesNotHaveHeader("X-Authentication-Warning"); // fails when sendmail added one
   * }</pre>
   */
  public SELF doesNotHaveHeader(String name) {
    isNotNull();
    List<String> values = actual.headers(name);
    if (!values.isEmpty()) {
      throwAssertionError(shouldNotHaveHeader(actual, name, values));
    }
    return myself;
  }

  /**
   * Verifies the domain of the From address (the one DMARC aligns with).
   *
   * <pre>{@code
   * assertThat(mail).hasFromDomain("sample.co.jp"); // passes for From: Shop <shop@sample.co.jp>
   * assertThat(mail).hasFromDomain("sample.co.jp"); // fails for From: root@localhost.localdomain
   * }</pre>
   */
  public SELF hasFromDomain(String domain) {
    isNotNull();
    Optional<String> seen = actual.header("From").flatMap(Addresses::firstDomain);
    if (!seen.map(domain::equalsIgnoreCase).orElse(false)) {
      throwAssertionError(shouldHaveDomain(actual, "From", domain, seen.orElse(null)));
    }
    return myself;
  }

  /**
   * Verifies the domain after the {@code @} of the Message-ID, which mail libraries take from the
   * local host name unless told otherwise.
   *
   * <pre>{@code
   * assertThat(mail).hasMessageIdDomain("sample.co.jp"); // passes for <1234.5678@sample.co.jp>
   * assertThat(mail).hasMessageIdDomain("sample.co.jp"); // fails for <1234.5678@localhost.localdomain>
   * }</pre>
   */
  public SELF hasMessageIdDomain(String domain) {
    isNotNull();
    Optional<String> seen = actual.header("Message-ID").flatMap(Addresses::firstDomain);
    if (!seen.map(domain::equalsIgnoreCase).orElse(false)) {
      throwAssertionError(shouldHaveDomain(actual, "Message-ID", domain, seen.orElse(null)));
    }
    return myself;
  }

  /**
   * Verifies that no local host name or private address shows in {@code MAIL FROM}, the HELO name,
   * or the Return-Path, From, Sender, Reply-To, Message-ID and Received header fields. The failure
   * lists each leak with where it was found, and the usual fix in sendmail, PHP and Jakarta Mail.
   *
   * <pre>{@code
   * assertThat(mail).hasNoLocalNameLeaks(); // passes for a mail from a correctly named host
   * assertThat(mail).hasNoLocalNameLeaks(); // fails for MAIL FROM:<root@localhost.localdomain>
   * }</pre>
   */
  public SELF hasNoLocalNameLeaks() {
    isNotNull();
    List<LocalNameLeak> leaks = LocalNames.findLeaks(actual);
    if (!leaks.isEmpty()) {
      throwAssertionError(shouldHaveNoLocalNameLeaks(actual, leaks, domainForFixes()));
    }
    return myself;
  }

  /** The domain to write into fixes: the From domain unless that is local too. */
  protected String domainForFixes() {
    return actual.header("From").flatMap(Addresses::firstDomain)
        .filter(d -> LocalNames.whyLocal(d).isEmpty())
        .orElse(null);
  }
}
