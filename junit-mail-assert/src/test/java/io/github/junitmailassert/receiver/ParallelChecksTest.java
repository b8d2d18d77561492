package io.github.junitmailassert.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitmailassert.check.CheckOutcome;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dkim.DkimAlgorithm;
import io.github.junitmailassert.dkim.DkimKeyPair;
import io.github.junitmailassert.dkim.TestSigner;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.testing.Received;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;

/** Many mails checked on all cores give what checking them one after another gives, in their order. */
class ParallelChecksTest {

  private static final Set<MailCheck> GATE = EnumSet.complementOf(EnumSet.of(MailCheck.SPAM_SCORE));

  private final DnsZone zone = DnsZone.create()
      .spf("sample.co.jp", "v=spf1 ip4:203.0.113.25 -all")
      .dmarc("sample.co.jp", "v=DMARC1; p=reject")
      .sendingHost("mail.sample.co.jp", "203.0.113.25");
  private final DkimKeyPair key = DkimKeyPair.publishedIn(zone, "s1", "sample.co.jp", DkimAlgorithm.ED25519_SHA256);

  /** Every third mail passes; the others fail one check or another: unsigned, a local sender, a bad Date. */
  private List<CapturedMail> mails(Receiver receiver, int n, Integer... brokenSenders) {
    List<CapturedMail> mails = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String message = "From: shop@sample.co.jp\r\nTo: user@example.com\r\nSubject: Order " + i + "\r\n"
          + "Date: " + (i % 5 == 4 ? "yesterday" : "Fri, 27 Nov 2026 10:00:00 +0900") + "\r\n"
          + "Message-ID: <" + i + "@sample.co.jp>\r\n\r\nThank you for order " + i + ".\r\n";
      byte[] bytes = i % 3 == 1 ? message.getBytes(StandardCharsets.UTF_8) : TestSigner.with(key).sign(message);
      String sender = List.of(brokenSenders).contains(i) ? "bounces@broken" + i + ".example"
          : i % 7 == 6 ? "apache@localhost.localdomain" : "bounces@sample.co.jp";
      mails.add(CapturedMail.builder().sequence(i + 1).helo("EHLO", "mail.sample.co.jp").envelopeSender(sender)
          .recipient("user@example.com").rawMessage(bytes).receiver(receiver).build());
    }
    return mails;
  }

  /** The results of {@code n} mails, none of their checks made yet. */
  private List<ReceiverResult> unchecked(Receiver receiver, int n, Integer... brokenSenders) {
    List<ReceiverResult> results = new ArrayList<>();
    for (CapturedMail mail : mails(receiver, n, brokenSenders)) {
      results.add(receiver.check(mail));
    }
    return results;
  }

  /** A receiver that asks {@code dns}, as {@code Received.view} does the zone. */
  private static Receiver receiver(WatchedResolver dns) throws UnknownHostException {
    return Receiver.builder(dns).clientIp(InetAddress.getByName("203.0.113.25")).clock(Received.CLOCK).build();
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

  /** Each result's outcomes; {@code dns} must not be asked again, as {@code run} made them all. */
  private static List<List<CheckOutcome>> outcomes(List<ReceiverResult> results, WatchedResolver dns) {
    int asked = dns.queries.get();
    List<List<CheckOutcome>> all = new ArrayList<>();
    for (ReceiverResult result : results) {
      List<CheckOutcome> outcomes = new ArrayList<>();
      for (MailCheck check : GATE) {
        outcomes.add(result.outcome(check));
      }
      all.add(outcomes);
    }
    assertThat(dns.queries).as("queries after the checks were made").hasValue(asked);
    return all;
  }

  @Test
  void should_give_the_outcomes_of_one_mail_after_another_when_helpers_took_every_mail() throws IOException {
    // GIVEN a helper that runs at once, on the caller's thread: it takes every mail before the caller does
    WatchedResolver dns = new WatchedResolver(zone);
    List<ReceiverResult> results = unchecked(receiver(dns), 40);
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
    assertThat(outcomes(results, dns)).isEqualTo(oneAfterAnother(40));
    assertThat(Set.copyOf(outcomes(results, dns))).as("mails that pass and fail in different ways").hasSizeGreaterThan(3);
  }

  @Test
  void should_check_fewer_than_16_mails_on_the_calling_thread_alone() throws IOException {
    for (int n : new int[] {15, 16}) {
      WatchedResolver dns = new WatchedResolver(zone);
      List<ReceiverResult> results = unchecked(receiver(dns), n);
      List<Runnable> asked = new ArrayList<>();
      assertThat(ParallelChecks.run(results, GATE, asked::add, 3)).isEqualTo(n);
      assertThat(asked).as("helpers asked for %d mails", n).hasSize(n == 15 ? 0 : 1);
      assertThat(outcomes(results, dns)).isEqualTo(oneAfterAnother(n));
    }
  }

  @Test
  void should_check_every_mail_on_the_calling_thread_when_helpers_start_late_or_refuse_work() throws IOException {
    List<Runnable> late = new ArrayList<>();
    Executor refusing = task -> {
      throw new RejectedExecutionException("shut down");
    };
    for (Executor helpers : List.<Executor>of(late::add, refusing)) {
      WatchedResolver dns = new WatchedResolver(zone);
      List<ReceiverResult> results = unchecked(receiver(dns), 40);
      assertThat(ParallelChecks.run(results, GATE, helpers, 3)).isEqualTo(40);
      late.forEach(Runnable::run); // they find nothing left to take: outcomes(...) sees no query
      assertThat(outcomes(results, dns)).isEqualTo(oneAfterAnother(40));
    }
    assertThat(late).hasSize(3);
  }

  @Test
  void should_let_a_helper_check_mails_while_the_caller_is_in_the_middle_of_one() throws Exception {
    // GIVEN DNS that holds the calling thread's queries until a helper has asked one
    WatchedResolver dns = new WatchedResolver(zone);
    List<ReceiverResult> results = unchecked(receiver(dns), 40);
    Thread caller = Thread.currentThread();
    CountDownLatch helperAsked = new CountDownLatch(1);
    dns.watch = name -> {
      if (Thread.currentThread() != caller) {
        helperAsked.countDown();
      } else {
        awaitQuietly(helperAsked);
      }
    };
    ExecutorService helper = Executors.newSingleThreadExecutor();
    try {
      // WHEN
      int takenByCaller = ParallelChecks.run(results, GATE, helper, 1);
      // THEN the helper checked mails while the caller waited inside its first, and nothing was lost or mixed
      assertThat(helperAsked.getCount()).isZero();
      assertThat(takenByCaller).isBetween(1, 39);
    } finally {
      helper.shutdownNow();
    }
    dns.watch = name -> {};
    assertThat(outcomes(results, dns)).isEqualTo(oneAfterAnother(40));
  }

  @Test
  void should_throw_on_the_calling_thread_what_the_first_failing_mail_throws() throws IOException {
    // GIVEN DNS that breaks for the envelope domains of mails 20 and 30, and helpers that take every mail first
    Executor atOnce = Runnable::run;
    for (Executor helpers : List.of(atOnce, ParallelChecks.helpers())) {
      WatchedResolver dns = new WatchedResolver(zone);
      dns.watch = name -> {
        if (name.toString().startsWith("broken")) {
          throw new AssertionError("DNS broke at " + name);
        }
      };
      List<ReceiverResult> results = unchecked(receiver(dns), 40, 20, 30);
      // THEN the caller gets mail 20's error, as checking one mail after another would give it
      assertThatThrownBy(() -> ParallelChecks.run(results, GATE, helpers, 1))
          .isInstanceOf(AssertionError.class).hasMessage("DNS broke at broken20.example.");
    }
  }

  @Test
  void should_give_each_mail_its_own_result_in_order_on_the_machines_cores() throws IOException {
    WatchedResolver dns = new WatchedResolver(zone);
    Receiver receiver = receiver(dns);
    List<CapturedMail> mails = mails(receiver, 200);
    List<ReceiverResult> results = receiver.checkAll(mails, GATE);
    assertThat(results).extracting(ReceiverResult::mail).containsExactlyElementsOf(mails);
    assertThat(results).allSatisfy(r -> assertThat(r).isSameAs(receiver.check(r.mail())));
    assertThat(outcomes(results, dns)).isEqualTo(oneAfterAnother(200));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The zone's answers over the DNS client path, each query shown to {@code watch} first (which may wait or throw). */
  private static final class WatchedResolver extends SimpleResolver {
    final AtomicInteger queries = new AtomicInteger();
    volatile Consumer<Name> watch = name -> {};
    private final Resolver zone;

    WatchedResolver(DnsZone zone) throws IOException {
      super(InetAddress.getLoopbackAddress());
      this.zone = zone.resolver();
    }

    @Override
    public Message send(Message query) throws IOException {
      queries.incrementAndGet();
      watch.accept(query.getQuestion().getName());
      try {
        return zone.sendAsync(query).toCompletableFuture().get();
      } catch (InterruptedException | ExecutionException e) {
        throw new IOException(e);
      }
    }

    @Override
    public CompletionStage<Message> sendAsync(Message query) {
      throw new UnsupportedOperationException("the checks ask with send");
    }

    @Override
    public CompletionStage<Message> sendAsync(Message query, Executor executor) {
      throw new UnsupportedOperationException("the checks ask with send");
    }
  }
}
