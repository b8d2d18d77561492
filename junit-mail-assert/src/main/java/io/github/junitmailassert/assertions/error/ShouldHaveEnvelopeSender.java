package io.github.junitmailassert.assertions.error;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.SmtpTranscript;
import io.github.junitmailassert.envelope.EnvelopeChecks;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Failures about the envelope sender ({@code MAIL FROM}). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldHaveEnvelopeSender extends BasicErrorMessageFactory {

  private ShouldHaveEnvelopeSender(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * The failure message when it should have envelope sender but does not.
   *
   * @param actual what is checked
   * @param expected the expected value
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveEnvelopeSender(CapturedMail actual, String expected) {
    String sentAs = sentAs(actual);
    return new ShouldHaveEnvelopeSender("%nExpecting the envelope sender (MAIL FROM) of%n  %s%nto be:%n  %s%nbut was:%n  %s"
        + (sentAs.isEmpty() ? "%s" : "%nas the client sent it:%n  %s"),
        unquotedString(actual.toString()), unquotedString("<" + expected + ">"), unquotedString(actual.returnPath()),
        unquotedString(sentAs));
  }

  /**
   * The failure message when it should have envelope sender domain but does not.
   *
   * @param actual what is checked
   * @param expectedDomain the expected domain
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveEnvelopeSenderDomain(CapturedMail actual, String expectedDomain) {
    if (actual.isNullSender()) {
      // Right for a bounce, so no fix: the gate's ENVELOPE_DOMAIN passes it too.
      return new ShouldHaveEnvelopeSender("%nExpecting the envelope sender (MAIL FROM) of%n  %s%nto be in domain:%n  %s%n"
          + "but it is the null sender <>, which has no domain: bounces and auto-replies must send with it"
          + " (RFC 5321 section 4.5.5), and the CI gate lets it pass. For such a mail, assert hasNullSender().",
          unquotedString(actual.toString()), unquotedString(expectedDomain));
    }
    String sentAs = sentAs(actual);
    return new ShouldHaveEnvelopeSender("%nExpecting the envelope sender (MAIL FROM) of%n  %s%nto be in domain:%n  %s%n"
        + "but was:%n  %s%n"
        + (sentAs.isEmpty() ? "%s" : "as the client sent it:%n  %s%n")
        + "Receivers check SPF for this domain, write it as Return-Path and send bounces there.%n"
        + "Fix: %s",
        unquotedString(actual.toString()), unquotedString(expectedDomain), unquotedString(actual.returnPath()),
        unquotedString(sentAs), unquotedString(EnvelopeChecks.envelopeSenderFix(expectedDomain)));
  }

  /**
   * The failure message when it should have null sender but does not.
   *
   * @param actual what is checked
   * @return the failure message, for AssertJ
   */
  public static ErrorMessageFactory shouldHaveNullSender(CapturedMail actual) {
    String sentAs = sentAs(actual);
    return new ShouldHaveEnvelopeSender("%nExpecting the envelope sender (MAIL FROM) of%n  %s%nto be the null sender <>"
        + " (as bounces and auto-replies must be, RFC 5321 section 4.5.5)%nbut was:%n  %s"
        + (sentAs.isEmpty() ? "%s" : "%nas the client sent it:%n  %s"),
        unquotedString(actual.toString()), unquotedString(actual.returnPath()), unquotedString(sentAs));
  }

  /**
   * The transaction's {@code MAIL} command as the transcript kept it (parameters such as
   * {@code SIZE=} and {@code BODY=} included), or "" for a mail built by hand without a transcript.
   */
  private static String sentAs(CapturedMail actual) {
    return actual.transcript().command("MAIL").map(SmtpTranscript.Line::text).orElse("");
  }
}
