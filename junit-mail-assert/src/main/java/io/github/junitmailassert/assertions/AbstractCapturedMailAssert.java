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
import static io.github.junitmailassert.assertions.error.ShouldHaveValidHeaderFormat.shouldHaveValidHeaderFormat;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.authresults.AuthenticationResults;
import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dmarc.AuthorDomain;
import io.github.junitmailassert.envelope.LocalNameLeak;
import io.github.junitmailassert.envelope.LocalNames;
import io.github.junitmailassert.format.HeaderSanity;
import io.github.junitmailassert.internal.mail.Addresses;
import io.github.junitmailassert.internal.mail.Domains;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.receiver.ReceiverResult;
import io.github.junitmailassert.dmarc.DmarcResult;
import io.github.junitmailassert.host.SendingHostResult;
import io.github.junitmailassert.spf.SpfResult;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions on one {@link CapturedMail}, checked as a receiving MTA would check it.
 *
 * @param <SELF> the assertion type, so subclasses keep their own methods in chains
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public abstract class AbstractCapturedMailAssert<SELF extends AbstractCapturedMailAssert<SELF>>
    extends AbstractObjectAssert<SELF, CapturedMail> {

  // Set when MailSoftAssertions made this assertion, so that navigations are soft as well.
  private MailSoftAssertions softly;

  /**
   * Assertions on {@code actual}; tests start from {@link MailAssertions#assertThat}.
   *
   * @param actual what is checked
   * @param selfType the concrete assertion class, as in AssertJ
   */
  protected AbstractCapturedMailAssert(CapturedMail actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /** Called through the soft proxy by {@link MailSoftAssertions}. */
  void collectInto(MailSoftAssertions softAssertions) {
    this.softly = softAssertions;
  }

  private <A extends org.assertj.core.api.Assert<? extends A, ? extends T>, T> A navigate(Class<A> assertType,
      Class<T> actualType, T value, java.util.function.Function<T, A> plain) {
    return softly == null ? plain.apply(value) : softly.navigation(assertType, actualType, value);
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
   *
   * @param expected the expected value, as the client sent it
   * @return this assertion, to chain more
   */
  public SELF hasEnvelopeSender(String expected) {
    isNotNull();
    requireArgument(expected, "envelope sender");
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
   *
   * @param domain the domain, such as {@code sample.co.jp}
   * @return this assertion, to chain more
   */
  public SELF hasEnvelopeSenderDomain(String domain) {
    isNotNull();
    requireArgument(domain, "domain");
    if (!Domains.isSameOrSubdomain(actual.envelopeSenderDomain().orElse(""), domain)) {
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
   *
   * @return this assertion, to chain more
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
   *
   * @param expected the expected value, as the client sent it
   * @return this assertion, to chain more
   */
  public SELF hasReturnPath(String expected) {
    requireArgument(expected, "Return-Path");
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
   *
   * @param expected the expected value, as the client sent it
   * @return this assertion, to chain more
   */
  public SELF hasHeloName(String expected) {
    isNotNull();
    requireArgument(expected, "HELO name");
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
   *
   * @param expected the expected value, as the client sent it
   * @return this assertion, to chain more
   */
  public SELF hasRecipients(String... expected) {
    isNotNull();
    requireArgument(expected, "recipients");
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
   *
   * @param recipient the recipient address, without angle brackets
   * @return this assertion, to chain more
   */
  public SELF hasRecipient(String recipient) {
    isNotNull();
    requireArgument(recipient, "recipient");
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
   *
   * @param name the header field's name, in any case
   * @return this assertion, to chain more
   */
  public SELF hasHeader(String name) {
    isNotNull();
    requireArgument(name, "header name");
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
   *
   * @param name the header field's name, in any case
   * @param value the field's expected value, unfolded and trimmed
   * @return this assertion, to chain more
   */
  public SELF hasHeader(String name, String value) {
    isNotNull();
    requireArgument(name, "header name");
    requireArgument(value, "header value");
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
   *
   * @param name the header field's name, in any case
   * @return this assertion, to chain more
   */
  public SELF doesNotHaveHeader(String name) {
    isNotNull();
    requireArgument(name, "header name");
    List<String> values = actual.headers(name);
    if (!values.isEmpty()) {
      throwAssertionError(shouldNotHaveHeader(actual, name, values));
    }
    return myself;
  }

  /**
   * Verifies the domain of the From address (the one DMARC aligns with), exactly: unlike the
   * envelope sender's, a subdomain is a different From domain.
   *
   * <pre>{@code
   * assertThat(mail).hasFromDomain("sample.co.jp"); // passes for From: Shop <shop@sample.co.jp>
   * assertThat(mail).hasFromDomain("sample.co.jp"); // fails for From: root@localhost.localdomain
   * }</pre>
   *
   * @param domain the domain, such as {@code sample.co.jp}
   * @return this assertion, to chain more
   */
  public SELF hasFromDomain(String domain) {
    isNotNull();
    requireArgument(domain, "domain");
    // The From domain as DMARC reads it (RFC 5322 address list, IDNA), so both agree.
    Optional<String> seen = actual.header("From").flatMap(v -> AuthorDomain.fromFieldValue(v).domain());
    if (!seen.map(d -> d.equalsIgnoreCase(domain.replaceFirst("\\.$", ""))).orElse(false)) {
      throwAssertionError(shouldHaveDomain(actual, "From", domain, seen.orElse(null)));
    }
    return myself;
  }

  /**
   * Verifies the domain after the {@code @} of the Message-ID, exactly; mail libraries take it from
   * the local host name unless told otherwise.
   *
   * <pre>{@code
   * assertThat(mail).hasMessageIdDomain("sample.co.jp"); // passes for <1234.5678@sample.co.jp>
   * assertThat(mail).hasMessageIdDomain("sample.co.jp"); // fails for <1234.5678@localhost.localdomain>
   * }</pre>
   *
   * @param domain the domain, such as {@code sample.co.jp}
   * @return this assertion, to chain more
   */
  public SELF hasMessageIdDomain(String domain) {
    isNotNull();
    requireArgument(domain, "domain");
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
   *
   * @return this assertion, to chain more
   */
  public SELF hasNoLocalNameLeaks() {
    isNotNull();
    // The receiver's findings where there is one: found once per mail, with the fixes of the check.
    List<LocalNameLeak> leaks = actual.receiver().isPresent() ? receiverResult().localNameLeaks()
        : LocalNames.findLeaks(actual);
    if (!leaks.isEmpty()) {
      throwAssertionError(shouldHaveNoLocalNameLeaks(actual, leaks, domainForFixes()));
    }
    return myself;
  }


  /**
   * Navigates to the SPF result for the MAIL FROM identity, checked as a receiver would: against the
   * test's zone, with the declared client IP.
   *
   * <pre>{@code
   * assertThat(mail).spf().isPass();
   * }</pre>
   *
   * @return the assertions on it
   */
  @CheckReturnValue
  public SpfResultAssert spf() {
    ReceiverResult result = receiverResult();
    return navigate(SpfResultAssert.class, SpfResult.class, result.spf(), SpfResultAssert::new).within(result, this);
  }

  /**
   * Navigates to the SPF result for the HELO identity (RFC 7208 section 2.3).
   *
   * @return the assertions on it
   */
  @CheckReturnValue
  public SpfResultAssert spfForHelo() {
    ReceiverResult result = receiverResult();
    return navigate(SpfResultAssert.class, SpfResult.class, result.spfHelo(), SpfResultAssert::new).within(result, this);
  }

  /**
   * Navigates to the DKIM results, one per signature.
   *
   * <pre>{@code
   * assertThat(mail).dkim().isPassFor("sample.co.jp");
   * }</pre>
   *
   * @return the assertions on it
   */
  @CheckReturnValue
  public DkimResultsAssert dkim() {
    ReceiverResult result = receiverResult();
    @SuppressWarnings({"unchecked", "rawtypes"})
    DkimResultsAssert dkim = navigate(DkimResultsAssert.class, (Class<List>) (Class) List.class, (List) result.dkim(),
        DkimResultsAssert::new);
    return dkim.within(result, this);
  }

  /**
   * Navigates to the DMARC result for the From domain.
   *
   * <pre>{@code
   * assertThat(mail).dmarc().isPass().hasPolicy(DmarcPolicy.REJECT);
   * }</pre>
   *
   * @return the assertions on it
   */
  @CheckReturnValue
  public DmarcResultAssert dmarc() {
    ReceiverResult result = receiverResult();
    return navigate(DmarcResultAssert.class, DmarcResult.class, result.dmarc(), DmarcResultAssert::new).within(result, this);
  }

  /**
   * Navigates to the sending host's DNS: forward-confirmed reverse DNS and the HELO name.
   *
   * <pre>{@code
   * assertThat(mail).sendingHost().hasForwardConfirmedReverseDns().hasValidHeloName();
   * }</pre>
   *
   * @return the assertions on it
   */
  @CheckReturnValue
  public SendingHostResultAssert sendingHost() {
    ReceiverResult result = receiverResult();
    return navigate(SendingHostResultAssert.class, SendingHostResult.class, result.sendingHost(),
        SendingHostResultAssert::new).within(result, this);
  }

  /**
   * Navigates to the {@code Authentication-Results} header field the receiver would add: per method
   * and per property, or as text with {@code asString()}.
   *
   * <pre>{@code
   * assertThat(mail).authenticationResults().hasResult("dmarc", "pass").hasProperty("dkim", "header.d", "sample.co.jp");
   * assertThat(mail).authenticationResults().asString().contains("dmarc=pass");
   * }</pre>
   *
   * @return the assertions on it
   */
  @CheckReturnValue
  public AuthenticationResultsAssert authenticationResults() {
    return navigate(AuthenticationResultsAssert.class, AuthenticationResults.class,
        receiverResult().authenticationResults(), AuthenticationResultsAssert::new).within(this);
  }

  /**
   * Navigates to the receiver's verdict on the mail: the checks a test chooses, the receiver
   * profiles, the block lists. Every one of them renders the mail's one receiver result.
   *
   * <pre>{@code
   * assertThat(mail).receiver().passes(MailCheck.SPF, MailCheck.DKIM, MailCheck.DMARC);
   * assertThat(mail).receiver().reachesInboxUnder(ReceiverProfile.bulkSenders2024());
   * }</pre>
   *
   * @return the assertions on it
   */
  @CheckReturnValue
  public ReceiverResultAssert receiver() {
    ReceiverResult result = receiverResult();
    return navigate(ReceiverResultAssert.class, ReceiverResult.class, result, ReceiverResultAssert::new).within(this);
  }

  /**
   * Verifies the header is RFC 5322: exactly one From and Date, at most one of the single fields,
   * lines within 998 characters, 8-bit header text only with SMTPUTF8.
   *
   * <pre>{@code
   * assertThat(mail).hasValidHeaderFormat(); // passes for what mail libraries build
   * assertThat(mail).hasValidHeaderFormat(); // fails for a hand-built message with two From fields
   * }</pre>
   *
   * @return this assertion, to chain more
   */
  public SELF hasValidHeaderFormat() {
    isNotNull();
    List<Finding> errors = actual.receiver().isPresent() ? receiverResult().outcome(MailCheck.FORMAT).failures()
        : HeaderSanity.check(actual).stream().filter(Finding::failsCheck).toList();
    if (!errors.isEmpty()) {
      throwAssertionError(shouldHaveValidHeaderFormat(actual, errors));
    }
    return myself;
  }

  /** {@return the receiver's result for the mail: made once per mail, shared with the gate and the reports} */
  protected ReceiverResult receiverResult() {
    isNotNull();
    return Receiver.checkOf(actual);
  }

  /**
   * A clear error for a null argument, as AssertJ gives.
   *
   * @param argument the argument to check
   * @param what the argument's name, for the message
   */
  protected static void requireArgument(Object argument, String what) {
    if (argument == null) {
      throw new NullPointerException("The expected " + what + " should not be null");
    }
  }

  /** {@return the domain to write into fixes: the receiver's sending domain, else the From domain unless that is local too} */
  protected String domainForFixes() {
    return actual.receiver().isPresent() ? Receiver.of(actual).domainForFixes(actual)
        : actual.header("From").flatMap(Addresses::firstDomain).filter(d -> LocalNames.whyLocal(d).isEmpty()).orElse(null);
  }
}
