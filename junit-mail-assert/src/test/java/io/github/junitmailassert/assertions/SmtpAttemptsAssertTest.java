package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.MailAssertions.assertThatAttempts;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpAttempt;
import io.github.junitmailassert.mail.SmtpAttempt.Outcome;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.mail.SmtpFaults;
import io.github.junitmailassert.testing.RawSmtpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The assertions on attempts, over attempts a real client made: greylisted once, then delivered. */
@MailDeliverability
class SmtpAttemptsAssertTest {

  private static final String LISTING = "%nAttempts:%n"
      + "  - attempt #1 <no-reply@sample.co.jp> to [user@example.com]: refused at RCPT: 451 4.7.1 Greylisted, please try"
      + " again later%n"
      + "  - attempt #2 <no-reply@sample.co.jp> to [user@example.com]: accepted as mail #1";

  private List<SmtpAttempt> attempts;

  @BeforeEach
  void greylistedThenDelivered(SmtpEndpoint smtp, SmtpFaults faults, CapturedMails mails) throws IOException {
    faults.greylist();
    for (int i = 0; i < 2; i++) {
      try (RawSmtpClient client = new RawSmtpClient(smtp.host(), smtp.port())) {
        client.command("EHLO mail.sample.co.jp");
        client.sendMail("no-reply@sample.co.jp", "Subject: hi\r\n\r\nhello\r\n", "user@example.com");
      }
    }
    attempts = mails.awaitAttempts(2, Duration.ofSeconds(10));
  }

  @Test
  void should_pass_when_the_attempts_match() {
    assertThatAttempts(attempts).hasReplyCodes(451, 250).hasOutcomes(Outcome.REFUSED, Outcome.ACCEPTED).hasAccepted(1)
        .hasSize(2).last().extracting(SmtpAttempt::mail).isNotNull();
  }

  @Test
  void should_fail_with_the_reply_codes_and_every_attempt() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThatAttempts(attempts).hasReplyCodes(250))
        .withMessage(String.format("%nExpecting the SMTP attempts to end with the reply codes%n  [250]%n"
            + "but they ended with%n  [451, 250]" + LISTING));
  }

  @Test
  void should_fail_with_the_outcomes_and_every_attempt() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThatAttempts(attempts).hasOutcomes(Outcome.ACCEPTED))
        .withMessage(String.format("%nExpecting the SMTP attempts to end%n  [ACCEPTED]%nbut they ended%n"
            + "  [REFUSED, ACCEPTED]" + LISTING));
  }

  @Test
  void should_fail_when_not_delivered_as_often_as_expected() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThatAttempts(attempts).hasAccepted(2))
        .withMessage(String.format("%nExpecting 2 SMTP attempt(s) to be accepted but 1 were" + LISTING));
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThatAttempts(List.of()).hasAccepted(1))
        .withMessage(String.format("%nExpecting 1 SMTP attempt(s) to be accepted but 0 were%n"
            + "(no attempt: nothing connected to the capture server)"));
  }

  @Test
  void should_collect_failures_with_soft_assertions() {
    MailSoftAssertions softly = new MailSoftAssertions();
    softly.assertThatAttempts(attempts).hasReplyCodes(250);
    softly.assertThatAttempts(attempts).hasAccepted(2);
    assertThatExceptionOfType(AssertionError.class).isThrownBy(softly::assertAll)
        .withMessageContaining("Multiple Failures (2 failures)");
  }
}
