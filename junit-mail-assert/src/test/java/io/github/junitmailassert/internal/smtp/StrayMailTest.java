package io.github.junitmailassert.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.internal.extension.MailEnvironment;
import io.github.junitmailassert.internal.extension.Settings;
import io.github.junitmailassert.mail.CapturedMail;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A sender that keeps sending after its test ended must never reach a later test's capture server.
 * Isolated, and the stray sender sends only to servers that greet with this test's name: freed
 * loopback ports may also be taken by listeners that are no capture server of this JVM (another
 * test's relay, another build's JVM), which ListeningPorts does not govern and this test must not
 * send mail to.
 */
@Isolated
class StrayMailTest {

  private static final int ENVIRONMENTS = 1_000;
  private static final long WITHIN_NANOS = TimeUnit.SECONDS.toNanos(40);
  private static final String STRAY = "stray@ended-test.example";
  private static final String RECEIVING_HOST = "mx.stray-mail-test.example";

  @MailDeliverability(receivingHost = RECEIVING_HOST)
  private static final class Defaults {}

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void should_never_let_mail_to_an_ended_environment_reach_a_later_one() throws Exception {
    Settings settings = io.github.junitmailassert.TestSettings.of(Defaults.class.getAnnotation(MailDeliverability.class));
    List<Integer> endedPorts = new CopyOnWriteArrayList<>();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger strayAttempts = new AtomicInteger();
    List<String> strayAccepted = new CopyOnWriteArrayList<>();
    // GIVEN a sender that keeps sending to every port of an environment that has ended
    Thread stray = new Thread(() -> {
      for (int i = 0; running.get(); i++) {
        if (endedPorts.isEmpty()) {
          Thread.onSpinWait();
          continue;
        }
        int port = endedPorts.get(i % endedPorts.size());
        strayAttempts.incrementAndGet();
        String reply = sendStray(port);
        if (reply != null && reply.startsWith("250")) {
          strayAccepted.add(port + ": " + reply);
        }
      }
    }, "stray sender");
    stray.setDaemon(true);
    stray.start();
    // WHEN new environments start and end, one after another
    Set<Integer> seenPorts = new HashSet<>();
    List<Integer> reusedPorts = new ArrayList<>();
    List<CapturedMail> strayCaptured = new ArrayList<>();
    long started = System.nanoTime();
    try {
      for (int n = 0; n < ENVIRONMENTS && System.nanoTime() - started < WITHIN_NANOS; n++) {
        int port;
        try (MailEnvironment env = new MailEnvironment(settings)) {
          port = env.smtpEndpoint().port();
          if (!seenPorts.add(port)) {
            reusedPorts.add(port);
          }
          strayCaptured.addAll(env.mails().from(STRAY));
        }
        endedPorts.add(port);
      }
    } finally {
      running.set(false);
      stray.join(10_000);
    }
    // THEN no environment got a port an earlier one had, and no stray mail was accepted or captured
    assertThat(reusedPorts).as("ports handed to a later environment").isEmpty();
    assertThat(strayAccepted).as("stray mails a server accepted").isEmpty();
    assertThat(strayCaptured).as("stray mails captured").isEmpty();
    assertThat(seenPorts).hasSizeGreaterThan(100);
    assertThat(strayAttempts.get()).isGreaterThan(100);
  }

  /** One transaction from the stray sender; null when nothing answered. */
  private static String sendStray(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      socket.setSoTimeout(2_000);
      try (Wire wire = new Wire(socket)) {
        String greeting = wire.last();
        if (!greeting.startsWith("220 " + RECEIVING_HOST + " ")) {
          return null; // not one of this test's servers
        }
        wire.command("HELO late.sample.co.jp");
        wire.command("MAIL FROM:<" + STRAY + ">");
        wire.command("RCPT TO:<x@example.com>");
        wire.command("DATA");
        return wire.command("Subject: late\r\n\r\nsent after the test ended\r\n.");
      }
    } catch (IOException e) {
      return null; // refused, or closed: the mail did not get through
    }
  }
}
