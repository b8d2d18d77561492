package io.github.junitmailassert.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.check.CheckOutcome;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dkim.DkimAlgorithm;
import io.github.junitmailassert.dkim.DkimKeyPair;
import io.github.junitmailassert.dkim.TestSigner;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.testing.Received;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many mails checked on all cores give what checking them one after another gives, in their order. */
class ParallelChecksTest {

  private static final Set<MailCheck> GATE = EnumSet.complementOf(EnumSet.of(MailCheck.SPAM_SCORE));

  private final DnsZone zone = DnsZone.create()
      .spf("sample.co.jp", "v=spf1 ip4:203.0.113.25 -all")
      .dmarc("sample.co.jp", "v=DMARC1; p=reject")
      .sendingHost("mail.sample.co.jp", "203.0.113.25");
  private final DkimKeyPair key = DkimKeyPair.publishedIn(zone, "s1", "sample.co.jp", DkimAlgorithm.ED25519_SHA256);

  /** Every third mail passes; the others fail one check or another: unsigned, a local sender, a bad Date. */
  private List<CapturedMail> mails(Receiver receiver, int n) {
    List<CapturedMail> mails = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String message = "From: shop@sample.co.jp\r\nTo: user@example.com\r\nSubject: Order " + i + "\r\n"
          + "Date: " + (i % 5 == 4 ? "yesterday" : "Fri, 27 Nov 2026 10:00:00 +0900") + "\r\n"
          + "Message-ID: <" + i + "@sample.co.jp>\r\n\r\nThank you for order " + i + ".\r\n";
      byte[] bytes = i % 3 == 1 ? message.getBytes(StandardCharsets.UTF_8) : TestSigner.with(key).sign(message);
      String sender = i % 7 == 6 ? "apache@localhost.localdomain" : "bounces@sample.co.jp";
      mails.add(CapturedMail.builder().sequence(i + 1).helo("EHLO", "mail.sample.co.jp").envelopeSender(sender)
          .recipient("user@example.com").rawMessage(bytes).receiver(receiver).build());
    }
    return mails;
  }

  /** The results of {@code n} mails, none of their checks made yet. */
  private List<ReceiverResult> unchecked(Receiver receiver, int n) {
    List<ReceiverResult> results = new ArrayList<>();
    for (CapturedMail mail : mails(receiver, n)) {
      results.add(receiver.check(mail));
    }
    return results;
  }

  private List<List<CheckOutcome>> oneAfterAnother(int n) {
    Receiver receiver = Received.view(zone, "203.0.113.25");
    List<List<CheckOutcome>> all = new ArrayList<>();
    for (CapturedMail mail : mails(receiver, n)) {
      List<CheckOutcome> outcomes = new ArrayList<>();
      for (MailCheck check : GATE) {
        outcomes.add(receiver.check(mail).outcome(check));
      }
      all.add(outcomes);
    }
    return all;
  }

  private static List<List<CheckOutcome>> outcomes(List<ReceiverResult> results) {
    List<List<CheckOutcome>> all = new ArrayList<>();
    for (ReceiverResult result : results) {
      List<CheckOutcome> outcomes = new ArrayList<>();
      for (MailCheck check : GATE) {
        outcomes.add(result.outcome(check));
      }
      all.add(outcomes);
    }
    return all;
  }

  @Test
  void should_give_the_outcomes_of_one_mail_after_another_when_helpers_took_every_mail() {
    // GIVEN a helper that runs at once, on the caller's thread: it takes every mail before the caller does
    Receiver receiver = Received.view(zone, "203.0.113.25");
    List<ReceiverResult> results = unchecked(receiver, 40);
    AtomicInteger helpersStarted = new AtomicInteger();
    Executor atOnce = task -> {
      helpersStarted.incrementAndGet();
      task.run();
    };
    // WHEN
    int takenByCaller = ParallelChecks.run(results, GATE, atOnce, 3);
    // THEN three helpers were asked (40 mails give up to four threads eight mails each), the first took them all
    assertThat(helpersStarted).hasValue(3);
    assertThat(takenByCaller).isZero();
    assertThat(outcomes(results)).isEqualTo(oneAfterAnother(40));
    assertThat(Set.copyOf(outcomes(results))).as("mails that pass and fail in different ways").hasSizeGreaterThan(3);
  }

  @Test
  void should_check_few_mails_on_the_calling_thread_alone() {
    Receiver receiver = Received.view(zone, "203.0.113.25");
    List<ReceiverResult> results = unchecked(receiver, 15);
    Executor none = task -> {
      throw new AssertionError("15 mails are too few to hand over");
    };
    assertThat(ParallelChecks.run(results, GATE, none, 3)).isEqualTo(15);
    assertThat(outcomes(results)).isEqualTo(oneAfterAnother(15));
  }

  @Test
  void should_check_every_mail_on_the_calling_thread_when_helpers_start_late_or_refuse_work() {
    List<Runnable> late = new ArrayList<>();
    Executor refusing = task -> {
      throw new RejectedExecutionException("shut down");
    };
    for (Executor helpers : List.<Executor>of(late::add, refusing)) {
      Receiver receiver = Received.view(zone, "203.0.113.25");
      List<ReceiverResult> results = unchecked(receiver, 40);
      assertThat(ParallelChecks.run(results, GATE, helpers, 3)).isEqualTo(40);
      late.forEach(Runnable::run); // they find nothing left to take
      assertThat(outcomes(results)).isEqualTo(oneAfterAnother(40));
    }
    assertThat(late).hasSize(3);
  }

  @Test
  void should_give_each_mail_its_own_result_in_order_on_the_machines_cores() {
    Receiver receiver = Received.view(zone, "203.0.113.25");
    List<CapturedMail> mails = mails(receiver, 200);
    List<ReceiverResult> results = receiver.checkAll(mails, GATE);
    assertThat(results).extracting(ReceiverResult::mail).containsExactlyElementsOf(mails);
    assertThat(results).allSatisfy(r -> assertThat(r).isSameAs(receiver.check(r.mail())));
    assertThat(outcomes(results)).isEqualTo(oneAfterAnother(200));
  }
}
