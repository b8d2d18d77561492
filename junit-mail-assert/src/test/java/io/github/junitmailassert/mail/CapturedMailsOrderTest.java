package io.github.junitmailassert.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.internal.extension.MailEnvironment;
import io.github.junitmailassert.internal.extension.Settings;
import io.github.junitmailassert.testing.RawSmtpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** {@link CapturedMails#all()} lists mails in {@link CapturedMail#sequence()} order, whatever the clients do at once. */
class CapturedMailsOrderTest {

  private static final int CLIENTS = 8;
  private static final int MAILS_EACH = 120;

  @MailDeliverability
  private static final class Defaults {}

  @Test
  void should_list_mails_in_sequence_order_when_many_clients_send_at_once() throws Exception {
    // GIVEN a mail environment as the extension makes it
    try (MailEnvironment env = new MailEnvironment(io.github.junitmailassert.TestSettings.of(Defaults.class.getAnnotation(MailDeliverability.class)))) {
      SmtpEndpoint smtp = env.smtpEndpoint();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      CyclicBarrier start = new CyclicBarrier(CLIENTS);
      try {
        // WHEN eight clients send 120 mails each, all at once
        List<Future<?>> sent = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          int client = c;
          sent.add(pool.submit(() -> {
            try (RawSmtpClient smtpClient = new RawSmtpClient(smtp.host(), smtp.port())) {
              smtpClient.command("HELO client" + client + ".sample.co.jp");
              start.await(10, TimeUnit.SECONDS);
              for (int i = 0; i < MAILS_EACH; i++) {
                assertThat(smtpClient.sendMail("c" + client + "-" + i + "@sample.co.jp", "Subject: " + i + "\r\n\r\nx\r\n",
                    "x@example.com")).isEqualTo("250 2.0.0 OK: captured");
              }
            }
            return null;
          }));
        }
        for (Future<?> f : sent) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      // THEN all() is 1, 2, 3, ... with no inversion
      List<CapturedMail> all = env.mails().all();
      assertThat(all).extracting(CapturedMail::sequence)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, CLIENTS * MAILS_EACH).boxed().toList());
      // AND after reset the numbering starts over
      env.reset();
      try (RawSmtpClient again = new RawSmtpClient(smtp.host(), smtp.port())) {
        again.command("HELO again.sample.co.jp");
        again.sendMail("again@sample.co.jp", "Subject: again\r\n\r\nx\r\n", "x@example.com");
      }
      assertThat(env.mails().single().sequence()).isEqualTo(1);
    }
  }
}
