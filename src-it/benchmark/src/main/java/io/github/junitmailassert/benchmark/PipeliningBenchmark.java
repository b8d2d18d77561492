package io.github.junitmailassert.benchmark;

import io.github.junitmailassert.internal.extension.MailEnvironment;

/**
 * Row 7: 100 SMTP transactions on one connection, pipelined (RFC 2920) against one command at a
 * time, in the same rounds. Pipelining saves round trips only if the capture server reads ahead.
 */
final class PipeliningBenchmark {

  private static final int TRANSACTIONS = 100;

  private PipeliningBenchmark() {}

  static void run() throws Exception {
    try (MailEnvironment env = new MailEnvironment(CaptureBenchmark.SETTINGS)) {
      int port = env.smtpEndpoint().port();
      String ehlo;
      try (SmtpClient c = new SmtpClient(port)) {
        ehlo = c.command("EHLO mail.sample.co.jp");
      }
      Harness.Round pipelined = connection(env, port, true);
      Harness.Round oneAtATime = connection(env, port, false);
      Harness.Ratio ratio;
      try {
        // Both wait on the server's thread, as rows 2 and 3's capture: timed once the JIT compiler's
        // thread, which keeps a core awake while it works, is quiet; 3 rounds gave 0.14x to 0.93x.
        Harness.report("row 7: warm-up until the JIT compiler was quiet",
            Harness.settled(Harness.settle(100, 3, pipelined, oneAtATime)));
        ratio = Harness.paired(3, 15, pipelined, oneAtATime);
      } catch (Exception e) {
        System.out.println("row 7: pipelining failed (" + e + "); the EHLO reply ended with: " + ehlo);
        return;
      }
      Harness.row("7", "100 pipelined SMTP transactions vs 100 one at a time, one connection",
          Harness.millis(ratio.aNanos()), Harness.millis(ratio.bNanos()), ratio, "< 1x", false);
    }
  }

  private static Harness.Round connection(MailEnvironment env, int port, boolean pipelining) {
    return () -> {
      env.mails().clear();
      try (SmtpClient c = new SmtpClient(port)) {
        c.command("EHLO mail.sample.co.jp");
        if (pipelining) {
          c.pipelined(TRANSACTIONS);
        } else {
          for (int i = 0; i < TRANSACTIONS; i++) {
            c.mail(i);
          }
        }
      }
      env.mails().await(TRANSACTIONS);
    };
  }
}
