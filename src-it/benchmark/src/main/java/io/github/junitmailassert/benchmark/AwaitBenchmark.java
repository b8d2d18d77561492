package io.github.junitmailassert.benchmark;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.internal.extension.MailEnvironment;
import java.util.List;

/**
 * Row 6: a test that sends mail after mail and awaits each, {@code await(1)}, {@code await(2)},
 * ... {@code await(n)}: the time per mail at n = 10,000 against n = 1,000. If awaiting is linear
 * in what it waits for, the ratio stays near 1.
 */
final class AwaitBenchmark {

  private AwaitBenchmark() {}

  static void run() throws Exception {
    try (MailEnvironment env = new MailEnvironment(CaptureBenchmark.SETTINGS)) {
      int port = env.smtpEndpoint().port();
      int small = 1_000;
      int large = 10_000;
      Harness.Ratio ratio = Harness.paired(1, 3, awaitEach(env, port, large), large, awaitEach(env, port, small), small);
      Harness.row("6", "await(1) ... await(n) in one test, time per mail at n=10,000 vs n=1,000",
          Harness.micros(ratio.aNanos(), 1), Harness.micros(ratio.bNanos(), 1), ratio, "~1x (linear)", false);
    }
  }

  /** One test's worth: {@code n} mails on one connection, each awaited before the next is sent. */
  private static Harness.Round awaitEach(MailEnvironment env, int port, int n) {
    return () -> {
      env.mails().clear();
      try (SmtpClient c = new SmtpClient(port)) {
        c.command("EHLO mail.sample.co.jp");
        for (int i = 1; i <= n; i++) {
          c.mail(i);
          List<CapturedMail> mails = env.mails().await(i);
          if (mails.size() != i) {
            throw new IllegalStateException("await(" + i + ") returned " + mails.size() + " mails");
          }
        }
      }
    };
  }
}
