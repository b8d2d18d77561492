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
import static io.github.junitmailassert.assertions.error.ShouldHaveAddress.shouldHaveAddresses;
import static io.github.junitmailassert.assertions.error.ShouldHaveAddress.shouldHaveFrom;
import static io.github.junitmailassert.assertions.error.ShouldHaveAddress.shouldHaveFromDisplayName;
import static io.github.junitmailassert.assertions.error.ShouldHaveAttachment.shouldHaveAttachment;
import static io.github.junitmailassert.assertions.error.ShouldHaveSubject.shouldHaveDecodedHeader;
import static io.github.junitmailassert.assertions.error.ShouldHaveSubject.shouldHaveSubject;
import static io.github.junitmailassert.assertions.error.ShouldOfferOneClickUnsubscribe.shouldOfferOneClickUnsubscribe;

import io.github.junitmailassert.assertions.error.ShouldHaveBody;
import io.github.junitmailassert.format.OneClickUnsubscribe;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.MailAddress;
import io.github.junitmailassert.mail.MailAttachment;
import io.github.junitmailassert.authresults.AuthenticationResults;
import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dmarc.AuthorDomain;
import io.github.junitmailassert.envelope.LocalNameLeak;
import io.github.junitmailassert.envelope.LocalNames;
import io.github.junitmailassert.filter.SpamFilter;
import io.github.junitmailassert.filter.SpamFilterResult;
import io.github.junitmailassert.format.HeaderSanity;
import io.github.junitmailassert.internal.mail.Addresses;
import io.github.junitmailassert.internal.mail.Domains;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.receiver.ReceiverResult;
import io.github.junitmailassert.dmarc.DmarcResult;
import io.github.junitmailassert.host.SendingHostResult;
import io.github.junitmailassert.spf.SpfResult;
import java.net.IDN;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.StringAssert;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.opentest4j.TestAbortedException;

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
   * receivers check SPF for and send bounces to. Case, a final dot and the label form do not matter
   * ({@code ユーザー@例え.jp} is in {@code xn--r8jz45g.jp}).
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
   * Verifies that some header field of that name has exactly {@code value} as written (unfolded,
   * trimmed, RFC 2047 encoded words left encoded): the text DKIM signs and filters read. For the text
   * a mail client shows, use {@link #hasDecodedHeader(String, String)} or {@link #hasSubject(String)};
   * a failure whose decoded value matches says so.
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
   * Verifies the subject as a mail client shows it: RFC 2047 encoded words decoded
   * ({@code =?ISO-2022-JP?B?...?=}, {@code =?UTF-8?Q?...?=}), raw UTF-8 (RFC 6532) read as UTF-8.
   *
   * <pre>{@code
   * assertThat(mail).hasSubject("パスワードの再設定"); // passes for Subject: =?ISO-2022-JP?B?GyRCJVElOSVvITwlSSROOkZAX0RqGyhC?=
   * assertThat(mail).hasSubject("Welcome");            // fails, showing the decoded subject and the one as written
   * }</pre>
   *
   * @param expected the subject as a mail client shows it, decoded
   * @return this assertion, to chain more
   */
  public SELF hasSubject(String expected) {
    isNotNull();
    requireArgument(expected, "subject");
    if (!actual.subject().map(expected::equals).orElse(false)) {
      throwAssertionError(shouldHaveSubject(actual, expected));
    }
    return myself;
  }

  /**
   * Verifies that some header field of that name has exactly {@code value} once its RFC 2047 encoded
   * words are decoded (unfolded, trimmed). {@link #hasHeader(String, String)} compares the field as
   * written, as DKIM and the receiver's filters read it.
   *
   * <pre>{@code
   * assertThat(mail).hasDecodedHeader("X-Campaign", "冬のセール"); // passes for X-Campaign: =?UTF-8?B?5Yas44Gu44K744O844Or?=
   * assertThat(mail).hasDecodedHeader("X-Campaign", "夏のセール"); // fails, showing the decoded value
   * }</pre>
   *
   * @param name the header field's name, in any case
   * @param value the field's expected value, decoded, unfolded and trimmed
   * @return this assertion, to chain more
   */
  public SELF hasDecodedHeader(String name, String value) {
    isNotNull();
    requireArgument(name, "header name");
    requireArgument(value, "header value");
    if (!actual.decodedHeaders(name).contains(value)) {
      throwAssertionError(shouldHaveDecodedHeader(actual, name, value));
    }
    return myself;
  }

  /**
   * Verifies that the From field holds exactly one address, {@code address} (compared without regard
   * to case; an internationalized domain matches its {@code xn--} form).
   *
   * <pre>{@code
   * assertThat(mail).hasFrom("no-reply@sample.co.jp"); // passes for From: "サンプル" <no-reply@sample.co.jp>
   * assertThat(mail).hasFrom("no-reply@sample.co.jp"); // fails for From: root@localhost.localdomain
   * }</pre>
   *
   * @param address the From address, such as {@code no-reply@sample.co.jp}, without the display name
   * @return this assertion, to chain more
   */
  public SELF hasFrom(String address) {
    isNotNull();
    requireArgument(address, "From address");
    List<MailAddress> from = actual.addresses("From");
    if (from.size() != 1 || !sameAddress(from.get(0).address(), address)) {
      throwAssertionError(shouldHaveFrom(actual, address));
    }
    return myself;
  }

  /**
   * Verifies the display name of the From address, decoded (RFC 2047), exactly.
   *
   * <pre>{@code
   * assertThat(mail).hasFromDisplayName("サンプル商店"); // passes for From: =?ISO-2022-JP?B?...?= <shop@sample.co.jp>
   * assertThat(mail).hasFromDisplayName("サンプル商店"); // fails for From: shop@sample.co.jp, which has none
   * }</pre>
   *
   * @param displayName the display name as a mail client shows it, decoded
   * @return this assertion, to chain more
   */
  public SELF hasFromDisplayName(String displayName) {
    isNotNull();
    requireArgument(displayName, "display name");
    List<MailAddress> from = actual.addresses("From");
    if (from.size() != 1 || !from.get(0).displayName().equals(displayName)) {
      throwAssertionError(shouldHaveFromDisplayName(actual, displayName));
    }
    return myself;
  }

  /**
   * Verifies the addresses of the To field exactly, in order (compared without regard to case). The
   * envelope's recipients are {@link #hasRecipients(String...)}.
   *
   * <pre>{@code
   * assertThat(mail).hasTo("user@example.com");                 // passes for To: "山田 太郎" <user@example.com>
   * assertThat(mail).hasTo("user@example.com", "b@example.net"); // fails: there is one To address
   * }</pre>
   *
   * @param addresses the To addresses, in order, without display names
   * @return this assertion, to chain more
   */
  public SELF hasTo(String... addresses) {
    return hasAddresses("To", addresses);
  }

  /**
   * Verifies the addresses of the Cc field exactly, in order; {@code hasCc()} verifies there are none.
   *
   * <pre>{@code
   * assertThat(mail).hasCc("support@sample.co.jp"); // passes for Cc: support@sample.co.jp
   * assertThat(mail).hasCc();                       // fails for the same mail
   * }</pre>
   *
   * @param addresses the Cc addresses, in order, without display names; none for no Cc field
   * @return this assertion, to chain more
   */
  public SELF hasCc(String... addresses) {
    return hasAddresses("Cc", addresses);
  }

  /**
   * Verifies the addresses of the Reply-To field exactly, in order.
   *
   * <pre>{@code
   * assertThat(mail).hasReplyTo("support@sample.co.jp"); // passes for Reply-To: Support <support@sample.co.jp>
   * assertThat(mail).hasReplyTo("support@sample.co.jp"); // fails when replies would go to no-reply@
   * }</pre>
   *
   * @param addresses the Reply-To addresses, in order, without display names
   * @return this assertion, to chain more
   */
  public SELF hasReplyTo(String... addresses) {
    return hasAddresses("Reply-To", addresses);
  }

  private SELF hasAddresses(String field, String... expected) {
    isNotNull();
    requireArgument(expected, field + " addresses");
    List<MailAddress> seen = actual.addresses(field);
    boolean same = seen.size() == expected.length;
    for (int i = 0; same && i < expected.length; i++) {
      same = sameAddress(seen.get(i).address(), expected[i]);
    }
    if (!same) {
      throwAssertionError(shouldHaveAddresses(actual, field, Arrays.asList(expected)));
    }
    return myself;
  }

  /** Without regard to case, an IDN domain equal to its A-label form. */
  private static boolean sameAddress(String seen, String expected) {
    return seen.equalsIgnoreCase(expected) || asciiDomain(seen).equalsIgnoreCase(asciiDomain(expected));
  }

  private static String asciiDomain(String address) {
    int at = address.lastIndexOf('@');
    try {
      return at < 0 ? address : address.substring(0, at + 1) + IDN.toASCII(address.substring(at + 1), IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return address;
    }
  }

  /**
   * Navigates to the mailboxes of every header field of that name ({@code "To"}, {@code "Cc"},
   * {@code "Reply-To"}, ...), display names decoded, for AssertJ's list assertions.
   *
   * <pre>{@code
   * assertThat(mail).addresses("To").extracting(MailAddress::displayName).containsExactly("山田 太郎");
   * }</pre>
   *
   * @param fieldName the header field's name, in any case
   * @return the assertions on the addresses, in the order the mail has them
   */
  @CheckReturnValue
  public ListAssert<MailAddress> addresses(String fieldName) {
    isNotNull();
    requireArgument(fieldName, "header name");
    return listOf(actual.addresses(fieldName), "the " + fieldName + " addresses of %s");
  }

  /**
   * Verifies that the text body (see {@link CapturedMail#textBody()}: the {@code text/plain} part,
   * decoded) contains {@code expected}. Line ends in the body are {@code \n}.
   *
   * <pre>{@code
   * assertThat(mail).hasTextBodyContaining("https://sample.co.jp/reset/"); // passes when the plain part has the link
   * assertThat(mail).hasTextBodyContaining("https://sample.co.jp/reset/"); // fails for an HTML-only mail, listing its parts
   * }</pre>
   *
   * @param expected the text the body must contain
   * @return this assertion, to chain more
   */
  public SELF hasTextBodyContaining(String expected) {
    return bodyContains(actual.textBody(), "text", expected);
  }

  /**
   * Verifies that some part of the text body matches the regular expression (as
   * {@link java.util.regex.Matcher#find()} does, like AssertJ's {@code containsPattern}).
   *
   * <pre>{@code
   * assertThat(mail).hasTextBodyMatching("https://sample\\.co\\.jp/reset/[a-z0-9]+"); // passes for .../reset/abc
   * assertThat(mail).hasTextBodyMatching("https://sample\\.co\\.jp/reset/[a-z0-9]+"); // fails for http://localhost:8080/reset/abc
   * }</pre>
   *
   * @param regex a regular expression, as {@link java.util.regex.Pattern} reads it
   * @return this assertion, to chain more
   */
  public SELF hasTextBodyMatching(String regex) {
    return bodyMatches(actual.textBody(), "text", regex);
  }

  /**
   * Verifies that the HTML body (see {@link CapturedMail#htmlBody()}: the {@code text/html} part,
   * decoded) contains {@code expected}.
   *
   * <pre>{@code
   * assertThat(mail).hasHtmlBodyContaining("<a href=\"https://sample.co.jp/reset/"); // passes for the HTML alternative
   * assertThat(mail).hasHtmlBodyContaining("<a href=");                              // fails for a plain-text mail
   * }</pre>
   *
   * @param expected the text (HTML source) the body must contain
   * @return this assertion, to chain more
   */
  public SELF hasHtmlBodyContaining(String expected) {
    return bodyContains(actual.htmlBody(), "HTML", expected);
  }

  /**
   * Verifies that some part of the HTML body matches the regular expression ({@link java.util.regex.Matcher#find()}).
   *
   * <pre>{@code
   * assertThat(mail).hasHtmlBodyMatching("href=\"https://[^\"]+\""); // passes for an https link
   * assertThat(mail).hasHtmlBodyMatching("href=\"https://[^\"]+\""); // fails for href="http://..."
   * }</pre>
   *
   * @param regex a regular expression, as {@link java.util.regex.Pattern} reads it
   * @return this assertion, to chain more
   */
  public SELF hasHtmlBodyMatching(String regex) {
    return bodyMatches(actual.htmlBody(), "HTML", regex);
  }

  private SELF bodyContains(Optional<String> body, String kind, String expected) {
    requireArgument(expected, "text");
    String text = body(body, kind);
    if (!text.contains(expected)) {
      throwAssertionError(ShouldHaveBody.shouldContain(actual, kind, text, expected));
    }
    return myself;
  }

  private SELF bodyMatches(Optional<String> body, String kind, String regex) {
    requireArgument(regex, "regular expression");
    String text = body(body, kind);
    if (!Pattern.compile(regex).matcher(text).find()) {
      throwAssertionError(ShouldHaveBody.shouldMatch(actual, kind, text, regex));
    }
    return myself;
  }

  /** The body, or the failure that the mail has none. */
  private String body(Optional<String> body, String kind) {
    isNotNull();
    if (body.isEmpty()) {
      throwAssertionError(ShouldHaveBody.shouldHaveBody(actual, kind));
    }
    return body.get();
  }

  /**
   * Navigates to the decoded text body, for AssertJ's string assertions; fails (softly, under soft
   * assertions) when the mail has none.
   *
   * <pre>{@code
   * assertThat(mail).textBody().contains("ご注文").doesNotContain("localhost");
   * }</pre>
   *
   * @return the string assertions on the decoded text body
   */
  @CheckReturnValue
  public AbstractStringAssert<?> textBody() {
    return stringOf(actual.textBody(), "text");
  }

  /**
   * Navigates to the decoded HTML body, for AssertJ's string assertions; fails (softly, under soft
   * assertions) when the mail has none.
   *
   * <pre>{@code
   * assertThat(mail).htmlBody().contains("<a href=\"https://sample.co.jp/").doesNotContain("http://localhost");
   * }</pre>
   *
   * @return the string assertions on the decoded HTML body
   */
  @CheckReturnValue
  public AbstractStringAssert<?> htmlBody() {
    return stringOf(actual.htmlBody(), "HTML");
  }

  private AbstractStringAssert<?> stringOf(Optional<String> body, String kind) {
    isNotNull();
    if (body.isEmpty()) {
      failHere(ShouldHaveBody.shouldHaveBody(actual, kind));
    }
    return navigate(StringAssert.class, String.class, body.orElse(null), StringAssert::new)
        .describedAs(new TextDescription("the " + kind + " body of %s", actual));
  }

  /**
   * Verifies that the mail has an attachment of that file name, decoded (RFC 2231 and RFC 2047).
   *
   * <pre>{@code
   * assertThat(mail).hasAttachment("請求書.pdf"); // passes for filename*=UTF-8''%E8%AB%8B%E6%B1%82%E6%9B%B8.pdf
   * assertThat(mail).hasAttachment("請求書.pdf"); // fails, listing the attachments there are
   * }</pre>
   *
   * @param fileName the decoded file name, exactly
   * @return this assertion, to chain more
   */
  public SELF hasAttachment(String fileName) {
    isNotNull();
    requireArgument(fileName, "file name");
    if (findAttachment(fileName).isEmpty()) {
      throwAssertionError(shouldHaveAttachment(actual, fileName));
    }
    return myself;
  }

  /**
   * Navigates to the first attachment of that decoded file name: its content type, size and content.
   * Fails (softly, under soft assertions) when there is none.
   *
   * <pre>{@code
   * assertThat(mail).attachment("請求書.pdf").hasContentType("application/pdf").hasSize(5123);
   * }</pre>
   *
   * @param fileName the decoded file name, exactly
   * @return the assertions on the attachment
   */
  @CheckReturnValue
  public MailAttachmentAssert attachment(String fileName) {
    isNotNull();
    requireArgument(fileName, "file name");
    Optional<MailAttachment> found = findAttachment(fileName);
    MailAttachmentAssert navigation = navigate(MailAttachmentAssert.class, MailAttachment.class, found.orElse(null),
        MailAttachmentAssert::new).within(actual, this);
    if (found.isEmpty()) {
      failHere(shouldHaveAttachment(actual, fileName));
      // Under soft assertions the chain goes on: its failures say which attachment was missing.
      navigation.describedAs(new TextDescription("the attachment \"%s\" of %s", fileName, actual));
    }
    return navigation;
  }

  /**
   * Navigates to every attachment, for AssertJ's list assertions.
   *
   * <pre>{@code
   * assertThat(mail).attachments().extracting(MailAttachment::fileName).containsExactly("請求書.pdf", "明細.csv");
   * }</pre>
   *
   * @return the list assertions on the attachments, in the order the mail has them
   */
  @CheckReturnValue
  public ListAssert<MailAttachment> attachments() {
    isNotNull();
    return listOf(actual.attachments(), "the attachments of %s");
  }

  private Optional<MailAttachment> findAttachment(String fileName) {
    return actual.attachments().stream().filter(a -> a.fileName().equals(fileName)).findFirst();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private <E> ListAssert<E> listOf(List<E> list, String description) {
    ListAssert<E> navigation = (ListAssert<E>) navigate(ListAssert.class, (Class<List>) (Class) List.class, (List) list,
        l -> new ListAssert<>(l));
    return navigation.describedAs(new TextDescription(description, actual));
  }

  /**
   * Verifies that the mail offers one-click unsubscribe as RFC 8058 asks and the Gmail and Yahoo bulk
   * sender requirements demand: a {@code List-Unsubscribe} field with an https URI, and
   * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}. The same judgement as the
   * {@code ReceiverProfile.bulkSenders2024()} rule.
   *
   * <pre>{@code
   * assertThat(newsletter).hasOneClickUnsubscribe(); // passes with both fields
   * assertThat(newsletter).hasOneClickUnsubscribe(); // fails for List-Unsubscribe: <mailto:...> alone, with the fix
   * }</pre>
   *
   * @return this assertion, to chain more
   */
  public SELF hasOneClickUnsubscribe() {
    isNotNull();
    OneClickUnsubscribe oneClick = OneClickUnsubscribe.of(actual);
    if (!oneClick.isOffered()) {
      throwAssertionError(shouldOfferOneClickUnsubscribe(actual, oneClick));
    }
    return myself;
  }

  /** Fails now, or under soft assertions collects the failure and lets the navigation go on. */
  private void failHere(ErrorMessageFactory failure) {
    AssertionError error = assertionError(failure);
    if (softly == null) {
      throw error;
    }
    softly.collectAssertionError(error);
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

  // ---------------------------------------------------------------- real spam filters

  /**
   * Navigates to SpamAssassin's verdict on the mail: the JVM's one spamd (started on first use)
   * scores it with its DNS answered from the test's zone. Skips the test (a visible skip that says
   * how to install it) where SpamAssassin is not installed.
   *
   * <pre>{@code
   * assertThat(mail).spamAssassin().hasScoreBelow(5.0).doesNotTrigger("RDNS_NONE");
   * }</pre>
   *
   * @return the assertions on SpamAssassin's verdict
   */
  @CheckReturnValue
  public SpamFilterResultAssert spamAssassin() {
    return spamFilter(SpamFilter.SPAMASSASSIN);
  }

  /**
   * Navigates to rspamd's verdict on the mail, scored as {@link #spamAssassin()} is; skips the test
   * where rspamd is not installed.
   *
   * <pre>{@code
   * assertThat(mail).rspamd().hasAction(FilterAction.NO_ACTION).doesNotTrigger("R_SPF_FAIL");
   * }</pre>
   *
   * @return the assertions on rspamd's verdict
   */
  @CheckReturnValue
  public SpamFilterResultAssert rspamd() {
    return spamFilter(SpamFilter.RSPAMD);
  }

  private SpamFilterResultAssert spamFilter(SpamFilter filter) {
    SpamFilterResult verdict = receiverResult().spamFilter(filter);
    if (verdict.status() == SpamFilterResult.Status.NOT_INSTALLED) {
      throw new TestAbortedException(verdict.reason());
    }
    return navigate(SpamFilterResultAssert.class, SpamFilterResult.class, verdict, SpamFilterResultAssert::new)
        .of(actual);
  }
}
