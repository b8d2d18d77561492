package io.github.junitmailassert.examples.outbox;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static io.github.junitmailassert.assertions.MailAssertions.assertThatAttempts;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.examples.outbox.OutboxSender.Result;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.mail.SmtpFaults;
import io.github.junitmailassert.mail.SmtpReply;
import io.github.junitmailassert.mail.SmtpStage;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The outbox's retry, against a receiver that greylists or is busy: delivered exactly once. */
@MailDeliverability(domain = "sample.co.jp")
class OutboxRetryTest {

  private static OutboxSender outbox(SmtpEndpoint smtp, BouncingAddresses bouncing) {
    Properties p = smtp.javaMailProperties();
    p.setProperty("mail.smtp.from", "no-reply@sample.co.jp");
    p.setProperty("mail.smtp.localhost", "mail.sample.co.jp");
    return new OutboxSender(p, "no-reply@sample.co.jp", bouncing, 3, Duration.ofMillis(10));
  }

  @Test
  void retries_after_greylisting_and_delivers_once(SmtpEndpoint smtp, SmtpFaults faults, CapturedMails mails)
      throws Exception {
    faults.greylist(); // 451 4.7.1 for the first attempt of each sender and recipient

    Result result = outbox(smtp, new BouncingAddresses()).send("user@example.com", "Your order", "Thank you.");

    assertThat(result).isEqualTo(Result.DELIVERED);
    assertThatAttempts(mails.attempts()).hasReplyCodes(451, 250).hasAccepted(1);
    assertThat(mails.single()).hasEnvelopeSenderDomain("sample.co.jp");
  }

  @Test
  void retries_when_the_receiver_is_busy(SmtpEndpoint smtp, SmtpFaults faults, CapturedMails mails) throws Exception {
    faults.refuse(SmtpStage.CONNECT, SmtpReply.TRY_AGAIN_LATER, 2); // 421 twice, then the greeting

    Result result = outbox(smtp, new BouncingAddresses()).send("user@example.com", "Your order", "Thank you.");

    assertThat(result).isEqualTo(Result.DELIVERED);
    assertThatAttempts(mails.attempts()).hasReplyCodes(421, 421, 250).hasAccepted(1);
  }

  @Test
  void gives_up_after_its_last_attempt(SmtpEndpoint smtp, SmtpFaults faults, CapturedMails mails) throws Exception {
    faults.refuse(SmtpStage.RCPT, SmtpReply.MAILBOX_FULL);

    Result result = outbox(smtp, new BouncingAddresses()).send("user@example.com", "Your order", "Thank you.");

    assertThat(result).isEqualTo(Result.GAVE_UP);
    assertThatAttempts(mails.attempts()).hasReplyCodes(452, 452, 452).hasAccepted(0);
    assertThat(mails.all()).isEmpty();
  }

  @Test
  void gives_up_at_once_when_closed_during_its_back_off(SmtpEndpoint smtp, SmtpFaults faults, CapturedMails mails)
      throws Exception {
    faults.refuse(SmtpStage.RCPT, SmtpReply.MAILBOX_FULL);
    Properties p = smtp.javaMailProperties();
    p.setProperty("mail.smtp.from", "no-reply@sample.co.jp");
    // A back-off far longer than the test may take: only closing can end it.
    OutboxSender outbox = new OutboxSender(p, "no-reply@sample.co.jp", new BouncingAddresses(), 3, Duration.ofHours(1));
    try {
      CompletableFuture<Result> sending = CompletableFuture.supplyAsync(() -> {
        try {
          return outbox.send("user@example.com", "Your order", "Thank you.");
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });

      mails.awaitAttempts(1, Duration.ofSeconds(10)); // refused once, now waiting to try again
      outbox.close();

      assertThat(sending.get(10, TimeUnit.SECONDS)).isEqualTo(Result.GAVE_UP);
    } finally {
      outbox.close(); // also when the test fails before: no thread waits out the hour
    }
    assertThatAttempts(mails.attempts()).hasReplyCodes(452).hasAccepted(0);
  }
}
