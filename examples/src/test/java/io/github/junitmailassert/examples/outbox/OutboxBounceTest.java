package io.github.junitmailassert.examples.outbox;

import static io.github.junitmailassert.assertions.MailAssertions.assertThatAttempts;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.examples.outbox.OutboxSender.Result;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpAttempt.Outcome;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.mail.SmtpFaults;
import io.github.junitmailassert.mail.SmtpReply;
import io.github.junitmailassert.mail.SmtpStage;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The outbox's handling of a permanent refusal: the address is marked as bouncing, never retried, never mailed again. */
@MailDeliverability(domain = "sample.co.jp")
class OutboxBounceTest {

  private static OutboxSender outbox(SmtpEndpoint smtp, BouncingAddresses bouncing) {
    Properties p = smtp.javaMailProperties();
    p.setProperty("mail.smtp.from", "no-reply@sample.co.jp");
    return new OutboxSender(p, "no-reply@sample.co.jp", bouncing, 3, Duration.ofMillis(10));
  }

  @Test
  void marks_an_unknown_recipient_as_bouncing_and_does_not_retry(SmtpEndpoint smtp, SmtpFaults faults,
      CapturedMails mails) throws Exception {
    faults.refuseRecipient("gone@example.com", SmtpReply.NO_SUCH_USER);
    BouncingAddresses bouncing = new BouncingAddresses();
    OutboxSender outbox = outbox(smtp, bouncing);

    assertThat(outbox.send("gone@example.com", "Your order", "Thank you.")).isEqualTo(Result.BOUNCED);
    assertThat(bouncing.reason("Gone@example.com"))
        .hasValue("550 5.1.1 The email account that you tried to reach does not exist");
    assertThat(outbox.send("gone@example.com", "Your invoice", "Attached.")).isEqualTo(Result.BOUNCED);

    assertThatAttempts(mails.attempts()).hasOutcomes(Outcome.REFUSED).hasReplyCodes(550);
    assertThat(mails.all()).isEmpty();
  }

  @Test
  void marks_the_address_when_the_receiver_refuses_the_message_itself(SmtpEndpoint smtp, SmtpFaults faults,
      CapturedMails mails) throws Exception {
    faults.refuse(SmtpStage.END_OF_DATA, SmtpReply.UNAUTHENTICATED_SENDER);
    BouncingAddresses bouncing = new BouncingAddresses();

    assertThat(outbox(smtp, bouncing).send("user@example.com", "Your order", "Thank you.")).isEqualTo(Result.BOUNCED);

    assertThat(bouncing.reason("user@example.com")).hasValueSatisfying(r -> assertThat(r).startsWith("550 5.7.26 "));
    assertThatAttempts(mails.attempts()).hasReplyCodes(550);
    assertThat(mails.all()).isEmpty(); // a refused mail is never captured
  }
}
