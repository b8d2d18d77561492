package io.github.junitmailassert.faults;

import static io.github.junitmailassert.assertions.MailAssertions.assertThatAttempts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpAttempt;
import io.github.junitmailassert.mail.SmtpAttempt.Outcome;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.mail.SmtpFaults;
import io.github.junitmailassert.mail.SmtpReply;
import io.github.junitmailassert.mail.SmtpStage;
import io.github.junitmailassert.testing.RawSmtpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The capture server answers as a refusing, slow or hanging-up receiver, over real sockets, reply by reply. */
@MailDeliverability(receivingHost = "mx.receiver.test")
class SmtpFaultsTest {

  private static final String MESSAGE = "Subject: hi\r\n\r\nhello\r\n";
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void should_refuse_at_each_stage_with_the_reply_given(SmtpEndpoint smtp, SmtpFaults faults, CapturedMails mails)
      throws IOException {
    faults.refuse(SmtpStage.MAIL, SmtpReply.of(550, "5.7.1 Sender blocked"), 1)
        .refuse(SmtpStage.DATA, SmtpReply.of(554, "5.7.1 No DATA for you"), 1)
        .refuse(SmtpStage.END_OF_DATA, SmtpReply.UNAUTHENTICATED_SENDER, 1);
    try (RawSmtpClient client = new RawSmtpClient(smtp.host(), smtp.port())) {
      client.command("EHLO mail.sample.co.jp");
      assertThat(client.command("MAIL FROM:<a@sample.co.jp>")).isEqualTo("550 5.7.1 Sender blocked");
      assertThat(client.command("MAIL FROM:<b@sample.co.jp>")).isEqualTo("250 2.1.0 OK");
      assertThat(client.command("RCPT TO:<user@example.com>")).isEqualTo("250 2.1.5 OK");
      assertThat(client.command("DATA")).isEqualTo("554 5.7.1 No DATA for you");
      assertThat(client.sendMail("c@sample.co.jp", MESSAGE, "user@example.com")).isEqualTo("550 5.7.26 This mail is"
          + " unauthenticated, which poses a security risk to the sender and recipients: authenticate it with SPF or DKIM");
      assertThat(client.sendMail("d@sample.co.jp", MESSAGE, "user@example.com")).isEqualTo("250 2.0.0 OK: captured");
    }
    assertThat(mails.all()).extracting(m -> m.envelopeSender()).containsExactly("d@sample.co.jp");
    List<String> shown = new ArrayList<>();
    mails.awaitAttempts(4, WAIT).forEach(a -> shown.add(a.toString()));
    assertThat(shown).containsExactly(
        "attempt #1 <a@sample.co.jp> to []: refused at MAIL: 550 5.7.1 Sender blocked",
        "attempt #2 <b@sample.co.jp> to [user@example.com]: refused at DATA: 554 5.7.1 No DATA for you",
        "attempt #3 <c@sample.co.jp> to [user@example.com]: refused at END_OF_DATA: 550 5.7.26 This mail is"
            + " unauthenticated, which poses a security risk to the sender and recipients: authenticate it with SPF or DKIM",
        "attempt #4 <d@sample.co.jp> to [user@example.com]: accepted as mail #1");
  }

  @Test
  void should_refuse_one_recipient_and_deliver_to_the_others(SmtpEndpoint smtp, SmtpFaults faults, CapturedMails mails)
      throws IOException {
    faults.refuseRecipient("Gone@Example.com", SmtpReply.NO_SUCH_USER);
    try (RawSmtpClient client = new RawSmtpClient(smtp.host(), smtp.port())) {
      client.command("EHLO mail.sample.co.jp");
      client.command("MAIL FROM:<a@sample.co.jp>");
      assertThat(client.command("RCPT TO:<gone@example.com>"))
          .isEqualTo("550 5.1.1 The email account that you tried to reach does not exist");
      assertThat(client.command("RCPT TO:<here@example.com>")).isEqualTo("250 2.1.5 OK");
      client.command("DATA");
      client.send(MESSAGE.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      assertThat(client.command(".")).isEqualTo("250 2.0.0 OK: captured");
    }
    assertThat(mails.single().recipients()).containsExactly("here@example.com");
    SmtpAttempt attempt = mails.awaitAttempts(1, WAIT).get(0);
    assertThat(attempt.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(attempt.recipients()).containsExactly("gone@example.com", "here@example.com");
  }

  @Test
  void should_greylist_the_first_attempt_of_a_sender_and_recipient_and_accept_the_retry(SmtpEndpoint smtp,
      SmtpFaults faults, CapturedMails mails) throws IOException {
    faults.greylist();
    List<String> replies = new ArrayList<>();
    for (int attempt = 0; attempt < 3; attempt++) { // a sender's retry queue, without its waiting
      try (RawSmtpClient client = new RawSmtpClient(smtp.host(), smtp.port())) {
        client.command("EHLO mail.sample.co.jp");
        client.command("MAIL FROM:<no-reply@sample.co.jp>");
        String rcpt = client.command("RCPT TO:<user@example.com>");
        replies.add(rcpt);
        if (rcpt.startsWith("250")) {
          client.command("DATA");
          client.send(MESSAGE.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
          replies.add(client.command("."));
          break;
        }
        client.command("RSET");
      }
    }
    assertThat(replies).containsExactly("451 4.7.1 Greylisted, please try again later", "250 2.1.5 OK",
        "250 2.0.0 OK: captured");
    assertThat(mails.all()).hasSize(1);
    assertThatAttempts(mails.awaitAttempts(2, WAIT)).hasReplyCodes(451, 250).hasOutcomes(Outcome.REFUSED,
        Outcome.ACCEPTED).hasAccepted(1);
  }

  @Test
  void should_greylist_each_sender_and_recipient_pair_on_its_own(SmtpEndpoint smtp, SmtpFaults faults)
      throws IOException {
    faults.greylist();
    try (RawSmtpClient client = new RawSmtpClient(smtp.host(), smtp.port())) {
      client.command("EHLO mail.sample.co.jp");
      client.command("MAIL FROM:<a@sample.co.jp>");
      assertThat(client.command("RCPT TO:<one@example.com>")).startsWith("451 4.7.1");
      assertThat(client.command("RCPT TO:<one@example.com>")).isEqualTo("250 2.1.5 OK");
      assertThat(client.command("RCPT TO:<two@example.com>")).startsWith("451 4.7.1");
      client.command("RSET");
      client.command("MAIL FROM:<b@sample.co.jp>");
      assertThat(client.command("RCPT TO:<one@example.com>")).startsWith("451 4.7.1");
    }
  }

  @Test
  void should_greylist_retries_until_the_minimum_delay_has_passed(SmtpEndpoint smtp, SmtpFaults faults)
      throws IOException {
    faults.greylist(Duration.ofMillis(300));
    long start = System.nanoTime();
    try (RawSmtpClient client = new RawSmtpClient(smtp.host(), smtp.port())) {
      client.command("EHLO mail.sample.co.jp");
      client.command("MAIL FROM:<a@sample.co.jp>");
      assertThat(client.command("RCPT TO:<one@example.com>")).startsWith("451 4.7.1");
      String retry;
      int retries = 0;
      do { // a client that retries at once, again and again, as a busy sender's queue may
        retry = client.command("RCPT TO:<one@example.com>");
        retries++;
      } while (retry.startsWith("451") && retries < 100_000);
      assertThat(retry).isEqualTo("250 2.1.5 OK");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
      assertThat(retries).isGreaterThan(1);
    }
  }

  @Test
  void should_wait_before_the_reply_at_the_stage_it_delays(SmtpEndpoint smtp, SmtpFaults faults) throws IOException {
    faults.delay(SmtpStage.MAIL, Duration.ofMillis(200));
    try (RawSmtpClient client = new RawSmtpClient(smtp.host(), smtp.port())) {
      client.command("EHLO mail.sample.co.jp");
      long start = System.nanoTime();
      assertThat(client.command("MAIL FROM:<a@sample.co.jp>")).isEqualTo("250 2.1.0 OK");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
  }

  @Test
  void should_drop_the_connection_after_reading_the_message_and_capture_nothing(SmtpEndpoint smtp, SmtpFaults faults,
      CapturedMails mails) throws IOException {
    faults.drop(SmtpStage.END_OF_DATA);
    try (RawSmtpClient client = new RawSmtpClient(smtp.host(), smtp.port())) {
      client.command("EHLO mail.sample.co.jp");
      assertThatThrownBy(() -> client.sendMail("a@sample.co.jp", MESSAGE, "user@example.com"))
          .isInstanceOf(IOException.class);
    }
    SmtpAttempt attempt = mails.awaitAttempts(1, WAIT).get(0);
    assertThat(attempt).hasToString("attempt #1 <a@sample.co.jp> to [user@example.com]: dropped at END_OF_DATA"
        + " (the server closed the connection)");
    assertThat(attempt.reply()).isEmpty();
    assertThat(attempt.replyCode()).isZero();
    assertThat(mails.all()).isEmpty();
  }

  @Test
  void should_close_the_connection_after_421_and_record_a_connection_refused_at_connect(SmtpEndpoint smtp,
      SmtpFaults faults, CapturedMails mails) throws IOException {
    faults.refuse(SmtpStage.CONNECT, SmtpReply.TRY_AGAIN_LATER);
    try (java.net.Socket socket = new java.net.Socket(smtp.host(), smtp.port());
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
            java.nio.charset.StandardCharsets.US_ASCII))) {
      socket.setSoTimeout(10_000);
      assertThat(in.readLine()).isEqualTo("421 4.7.0 Try again later, closing connection");
      assertThat(in.readLine()).isNull(); // closed by the server
    }
    assertThat(mails.awaitAttempts(1, WAIT).get(0))
        .hasToString("attempt #1 (no MAIL FROM): refused at CONNECT: 421 4.7.0 Try again later, closing connection");
  }

  @Test
  void should_answer_503_after_a_refusing_greeting_until_quit(SmtpEndpoint smtp, SmtpFaults faults) throws IOException {
    faults.refuse(SmtpStage.CONNECT, SmtpReply.of(554, "5.7.1 Client host blocked"));
    try (java.net.Socket socket = new java.net.Socket(smtp.host(), smtp.port());
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
            java.nio.charset.StandardCharsets.US_ASCII))) {
      socket.setSoTimeout(10_000);
      assertThat(in.readLine()).isEqualTo("554 5.7.1 Client host blocked");
      socket.getOutputStream().write("EHLO mail.sample.co.jp\r\nMAIL FROM:<a@sample.co.jp>\r\nQUIT\r\n".getBytes(
          java.nio.charset.StandardCharsets.US_ASCII));
      assertThat(in.readLine()).isEqualTo("503 5.5.1 Bad sequence of commands");
      assertThat(in.readLine()).isEqualTo("503 5.5.1 Bad sequence of commands");
      assertThat(in.readLine()).isEqualTo("221 2.0.0 Bye");
    }
  }

  @Test
  void should_refuse_at_ehlo_and_record_the_connection(SmtpEndpoint smtp, SmtpFaults faults, CapturedMails mails)
      throws IOException {
    faults.refuse(SmtpStage.EHLO, SmtpReply.of(550, "5.7.1 Your HELO name is not accepted"));
    try (RawSmtpClient client = new RawSmtpClient(smtp.host(), smtp.port())) {
      assertThat(client.command("EHLO localhost")).isEqualTo("550 5.7.1 Your HELO name is not accepted");
    }
    assertThat(mails.awaitAttempts(1, WAIT).get(0))
        .hasToString("attempt #1 (no MAIL FROM): refused at EHLO: 550 5.7.1 Your HELO name is not accepted");
  }

  @Test
  void should_refuse_the_same_share_of_attempts_on_every_run_for_one_seed(SmtpEndpoint smtp, SmtpFaults faults)
      throws IOException {
    List<String> first = rcptReplies(smtp, faults, 42);
    List<String> second = rcptReplies(smtp, faults.clear(), 42);
    assertThat(second).isEqualTo(first);
    assertThat(first).contains("250 2.1.5 OK", "452 4.2.2 The recipient's mailbox is out of storage space, try again later");
    assertThat(rcptReplies(smtp, faults.clear(), 7)).isNotEqualTo(first);
  }

  private static List<String> rcptReplies(SmtpEndpoint smtp, SmtpFaults faults, long seed) throws IOException {
    faults.failureRate(SmtpStage.RCPT, 0.5, SmtpReply.MAILBOX_FULL, seed);
    List<String> replies = new ArrayList<>();
    try (RawSmtpClient client = new RawSmtpClient(smtp.host(), smtp.port())) {
      client.command("EHLO mail.sample.co.jp");
      client.command("MAIL FROM:<a@sample.co.jp>");
      for (int i = 0; i < 40; i++) {
        replies.add(client.command("RCPT TO:<user" + i + "@example.com>"));
      }
    }
    return replies;
  }

  @Test
  void should_name_the_refused_attempts_when_the_wait_for_a_mail_times_out(SmtpEndpoint smtp, SmtpFaults faults,
      CapturedMails mails) throws IOException {
    faults.refuse(SmtpStage.RCPT, SmtpReply.NO_SUCH_USER);
    try (RawSmtpClient client = new RawSmtpClient(smtp.host(), smtp.port())) {
      client.command("EHLO mail.sample.co.jp");
      client.command("MAIL FROM:<a@sample.co.jp>");
      client.command("RCPT TO:<gone@example.com>");
    }
    mails.awaitAttempts(1, WAIT);
    assertThatThrownBy(() -> mails.await(1, Duration.ofMillis(50))).hasMessage(String.format(
        "Expecting 1 mail(s) within 50 ms at the capture server " + smtp.host() + ":" + smtp.port() + " but 0 arrived%n"
            + "Attempts that delivered no mail:%n"
            + "  - attempt #1 <a@sample.co.jp> to [gone@example.com]: refused at RCPT: 550 5.1.1 The email account that"
            + " you tried to reach does not exist"));
  }

  @Test
  void should_refuse_a_fault_that_is_no_refusal() {
    SmtpFaults faults = new SmtpFaults();
    assertThatThrownBy(() -> faults.refuse(SmtpStage.MAIL, SmtpReply.of(250, "2.1.0 OK")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a refusal is a 4xx or 5xx reply, not \"250 2.1.0 OK\"");
    assertThatThrownBy(() -> faults.delay(SmtpStage.MAIL, Duration.ofMinutes(6)))
        .hasMessage("delay must be from 0 to 5 minutes, not PT6M");
    assertThatThrownBy(() -> faults.failureRate(SmtpStage.RCPT, 1.5, SmtpReply.MAILBOX_FULL, 1))
        .hasMessage("rate must be from 0 to 1, not 1.5");
    assertThatThrownBy(() -> SmtpReply.of(250, "two\r\nlines"))
        .hasMessage("an SMTP reply's text is one line, without CR or LF: \"two\r\nlines\"");
    assertThatThrownBy(() -> SmtpReply.of(99, "x")).hasMessage("an SMTP reply code is 200 to 599, not 99");
    assertThat(faults.refuseRecipient("gone@example.com", SmtpReply.NO_SUCH_USER).greylist())
        .hasToString("refuse RCPT TO:<gone@example.com> with 550 5.1.1 The email account that you tried to reach does"
            + " not exist, greylist each new client, sender and recipient with 451 4.7.1 Greylisted, please try again"
            + " later for at least 0 ms");
  }
}
