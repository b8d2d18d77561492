package io.github.junitmailassert.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.assertions.MailAssertions;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.receiver.ReceiverResult;
import io.github.junitmailassert.dkim.DkimAlgorithm;
import io.github.junitmailassert.dkim.DkimKeyPair;
import io.github.junitmailassert.internal.extension.MailEnvironment;
import io.github.junitmailassert.internal.extension.Settings;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.report.GateReport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the extension costs per test and how fast it captures: start and stop of the extension's
 * environment against bare GreenMail in the same run, and mails per second over one SMTP connection
 * and over many.
 */
final class CaptureBenchmark {

  static final Settings SETTINGS = new Settings("sample.co.jp", "203.0.113.25", "mail.sample.co.jp",
      "v=spf1 ip4:203.0.113.25 -all", "v=DMARC1; p=reject", List.of(), List.of(), "", false,
      java.util.Set.of(), "mx.receiver.test", io.github.junitmailassert.dmarc.DmarcMode.RFC9989,
      io.github.junitmailassert.dkim.DkimPolicy.RFC8301, List.of(), false, Clock.systemUTC(), 0, 0, null, List.of(),
      io.github.junitmailassert.internal.extension.SmtpSettings.DEFAULT, List.of(), java.util.Optional.empty());

  private CaptureBenchmark() {}

  @SuppressWarnings("try") // the spinning thread is used only by being there
  static void run() throws Exception {
    int starts = 200;
    long greenMail = Harness.medianNanos(2, 5, () -> {
      for (int i = 0; i < starts; i++) {
        GreenMail gm = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        gm.start();
        gm.stop();
      }
    });
    long extension = Harness.medianNanos(2, 5, () -> {
      for (int i = 0; i < starts; i++) {
        new MailEnvironment(SETTINGS).close();
      }
    });
    Harness.report("start+stop per test, bare GreenMail (SMTP only)", String.format("%.2f ms", greenMail / 1e6 / starts));
    Harness.report("start+stop per test, extension (capture server + zone)", String.format("%.2f ms", extension / 1e6 / starts));

    int mails = 1000;
    try (MailEnvironment env = new MailEnvironment(SETTINGS)) {
      int port = env.smtpEndpoint().port();
      long oneConnection = Harness.medianNanos(1, 5, () -> {
        env.mails().clear();
        try (SmtpClient c = new SmtpClient(port)) {
          c.command("EHLO mail.sample.co.jp");
          for (int i = 0; i < mails; i++) {
            c.mail(i);
          }
        }
        env.mails().await(mails);
      });
      Harness.report("mails captured per second, one connection (" + mails + " mails)",
          String.format("%,.0f/s", Harness.perSecond(mails, oneConnection)));

      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        long manyConnections = Harness.medianNanos(1, 5, () -> {
          env.mails().clear();
          List<Future<?>> done = new ArrayList<>();
          for (int t = 0; t < 8; t++) {
            int first = t * (mails / 8);
            done.add(pool.submit(() -> {
              for (int i = first; i < first + mails / 8; i++) {
                try (SmtpClient c = new SmtpClient(port)) {
                  c.command("EHLO mail.sample.co.jp");
                  c.mail(i);
                }
              }
              return null;
            }));
          }
          for (Future<?> f : done) {
            f.get();
          }
          env.mails().await(mails);
        });
        Harness.report("mails captured per second, a connection per mail (8 clients)",
            String.format("%,.0f/s", Harness.perSecond(mails, manyConnections)));
      } finally {
        pool.shutdownNow();
      }

      long captureAndCheck = Harness.medianNanos(1, 5, () -> {
        env.mails().clear();
        try (SmtpClient c = new SmtpClient(port)) {
          c.command("EHLO mail.sample.co.jp");
          for (int i = 0; i < mails; i++) {
            c.mail(i);
          }
        }
        for (CapturedMail m : env.mails().await(mails)) {
          MailAssertions.assertThat(m).hasEnvelopeSenderDomain("sample.co.jp").hasNoLocalNameLeaks();
        }
      });
      Harness.report("1000 mails sent, captured and checked (envelope, leaks)",
          String.format("%.0f ms", captureAndCheck / 1e6));

      // Rows 2 and 3: receiver checks on captured, DKIM-signed mails (rsa-sha256, 2048 bits),
      // against capturing the same mails, in the same rounds.
      DkimKeyPair key = DkimKeyPair.publishedIn(env.zone(), "bench", "sample.co.jp", DkimAlgorithm.RSA_SHA256);
      String data = dotStuffed(DkimBenchmark.sign(DkimBenchmark.message(), key));
      List<List<CapturedMail>> captured = new ArrayList<>();
      Harness.Round capture = () -> {
        env.mails().clear();
        try (SmtpClient c = new SmtpClient(port)) {
          c.command("EHLO mail.sample.co.jp");
          for (int i = 0; i < mails; i++) {
            c.raw(data);
          }
        }
        captured.add(0, env.mails().await(mails));
        captured.subList(1, captured.size()).clear();
      };
      capture.run();
      // The capture waits on the server's thread, and its speed on these VMs depends on whether the
      // other core is busy: the JIT compiler's thread is, until it is done (see the README).
      Harness.report("rows 2 and 3: warm-up until the JIT compiler was quiet",
          Harness.settled(Harness.settle(200, 3, () -> ciGate(captured.get(0)), capture)));
      Harness.Ratio checks = Harness.paired(5, 15, () -> receiverChecks(captured.get(0)), capture);
      Harness.row("2", "SPF + DKIM + DMARC on 1,000 captured mails vs capturing them", Harness.millis(checks.aNanos()),
          Harness.millis(checks.bNanos()), checks, "<= 0.5x", false);
      Harness.report("full checks (SPF, DKIM rsa-2048, DMARC) per second, captured mails",
          String.format("%,.0f/s", Harness.perSecond(mails, checks.aNanos())));
      Harness.Ratio gate = Harness.paired(5, 15, () -> ciGate(captured.get(0)), capture);
      Harness.row("3", "CI gate, all 7 checks, on 1,000 captured mails vs capturing them", Harness.millis(gate.aNanos()),
          Harness.millis(gate.bNanos()), gate, "<= 0.6x", false);
      // The capture at its fastest here, as on a machine whose idle cores wake at once: a thread
      // spinning while it runs, and not while the checks run, which use both cores.
      Harness.Round captureBusy = () -> {
        try (Harness.BusyCore spinning = new Harness.BusyCore()) {
          capture.run();
        }
      };
      Harness.Ratio checksBusy = Harness.paired(5, 15, () -> receiverChecks(captured.get(0)), captureBusy);
      Harness.row("2, capture kept awake", "as row 2, a thread spinning while capturing (not while checking)",
          Harness.millis(checksBusy.aNanos()), Harness.millis(checksBusy.bNanos()), checksBusy, "<= 0.5x", false);
      Harness.Ratio gateBusy = Harness.paired(5, 15, () -> ciGate(captured.get(0)), captureBusy);
      Harness.row("3, capture kept awake", "as row 3, a thread spinning while capturing (not while checking)",
          Harness.millis(gateBusy.aNanos()), Harness.millis(gateBusy.bNanos()), gateBusy, "<= 0.6x", false);
    }
  }

  /**
   * Row 2's checks through the public API. A fresh receiver each round: a receiver keeps each
   * mail's result, and every round must check again.
   */
  private static void receiverChecks(List<CapturedMail> mails) {
    Receiver receiver = fresh(Receiver.of(mails.get(0)));
    for (ReceiverResult checks : receiver.checkAll(mails, EnumSet.of(MailCheck.SPF, MailCheck.DKIM, MailCheck.DMARC))) {
      if (!checks.spf().isPass() || !checks.dkim().get(0).isPass() || !checks.dmarc().isPass()) {
        throw new IllegalStateException("the benchmark mail should pass: " + checks.authenticationResults());
      }
    }
  }

  /** Row 3's gate, what verifyEachTest runs after a test: the seven checks that need no block list. */
  private static void ciGate(List<CapturedMail> mails) {
    Receiver receiver = fresh(Receiver.of(mails.get(0)));
    Set<MailCheck> checks = EnumSet.complementOf(EnumSet.of(MailCheck.BLOCK_LISTS, MailCheck.SPAM_SCORE));
    String report = GateReport.of(receiver.checkAll(mails, checks), checks);
    if (report != null) {
      throw new IllegalStateException("the benchmark mails should pass every check: "
          + report.substring(0, Math.min(report.length(), 2000)));
    }
  }

  private static Receiver fresh(Receiver like) {
    Receiver.Builder b = Receiver.builder(like.resolver()).receivingHost(like.receivingHost()).clock(like.clock())
        .dmarcMode(like.dmarcMode()).dkimPolicy(like.dkimPolicy()).blockLists(like.blockLists());
    like.declaredClientIp().ifPresent(b::clientIp);
    like.senderDomain().ifPresent(b::senderDomain);
    return b.build();
  }

  private static String dotStuffed(byte[] message) {
    String text = new String(message, StandardCharsets.UTF_8);
    return (text.startsWith(".") ? "." : "") + text.replace("\r\n.", "\r\n..");
  }
}
