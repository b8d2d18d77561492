package io.github.junitmailassert.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.MailDeliverability.Lifecycle;
import io.github.junitmailassert.assertions.MailAssertions;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.receiver.ReceiverResult;
import io.github.junitmailassert.dkim.DkimAlgorithm;
import io.github.junitmailassert.dkim.DkimKeyPair;
import io.github.junitmailassert.internal.extension.MailEnvironment;
import io.github.junitmailassert.internal.extension.Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the extension costs per test and how fast it captures: start and stop of the extension's
 * environment against bare GreenMail in the same run, and mails per second over one SMTP connection
 * and over many.
 */
final class CaptureBenchmark {

  private static final Settings SETTINGS = new Settings("sample.co.jp", "203.0.113.25", "mail.sample.co.jp",
      "v=spf1 ip4:203.0.113.25 -all", "v=DMARC1; p=reject", List.of(), List.of(), "", false, Settings.DEFAULT_CHECKS, "mx.receiver.test", io.github.junitmailassert.dmarc.DmarcMode.RFC9989,
      io.github.junitmailassert.dkim.DkimPolicy.RFC8301, List.of(), Lifecycle.PER_METHOD, Clock.systemUTC());

  private CaptureBenchmark() {}

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
        try (Client c = new Client(port)) {
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
                try (Client c = new Client(port)) {
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
        try (Client c = new Client(port)) {
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

      // Full receiver checks on captured, DKIM-signed mails: SPF, DKIM (rsa-sha256, 2048 bits), DMARC.
      DkimKeyPair key = DkimKeyPair.publishedIn(env.zone(), "bench", "sample.co.jp", DkimAlgorithm.RSA_SHA256);
      byte[] signed = DkimBenchmark.sign(DkimBenchmark.message(), key);
      String data = dotStuffed(signed);
      env.mails().clear();
      try (Client c = new Client(port)) {
        c.command("EHLO mail.sample.co.jp");
        for (int i = 0; i < mails; i++) {
          c.raw(data);
        }
      }
      List<CapturedMail> captured = env.mails().await(mails);
      long fullChecks = Harness.medianNanos(1, 5, () -> {
        // A fresh receiver each round: a receiver keeps each mail's result, and the round must check again.
        Receiver receiver = fresh(Receiver.of(captured.get(0)));
        for (CapturedMail m : captured) {
          ReceiverResult checks = receiver.check(m);
          if (!checks.spf().isPass() || !checks.dkim().get(0).isPass() || !checks.dmarc().isPass()) {
            throw new IllegalStateException("the benchmark mail should pass: " + checks.authenticationResults());
          }
        }
      });
      Harness.report("full checks (SPF, DKIM rsa-2048, DMARC) per second, captured mails",
          String.format("%,.0f/s", Harness.perSecond(mails, fullChecks)));
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

  /** A minimal SMTP client, so the figures measure the server and not a mail library. */
  private static final class Client implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    Client(int port) throws IOException {
      socket = new Socket("127.0.0.1", port);
      in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      out = socket.getOutputStream();
      reply();
    }

    void mail(int i) throws IOException {
      command("MAIL FROM:<app@sample.co.jp>");
      command("RCPT TO:<user" + i + "@example.com>");
      command("DATA");
      out.write(("From: Shop <shop@sample.co.jp>\r\nTo: user" + i + "@example.com\r\nMessage-ID: <" + i
          + "@sample.co.jp>\r\nSubject: order " + i + "\r\n\r\nThank you for your order.\r\n.\r\n")
          .getBytes(StandardCharsets.UTF_8));
      out.flush();
      reply();
    }

    void raw(String message) throws IOException {
      command("MAIL FROM:<app@sample.co.jp>");
      command("RCPT TO:<user@example.com>");
      command("DATA");
      out.write(message.getBytes(StandardCharsets.UTF_8));
      out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      reply();
    }

    void command(String line) throws IOException {
      out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      reply();
    }

    private void reply() throws IOException {
      String line;
      do {
        line = in.readLine();
        if (line == null) {
          throw new IOException("server closed the connection");
        }
      } while (line.length() > 3 && line.charAt(3) == '-');
      if (line.charAt(0) != '2' && line.charAt(0) != '3') {
        throw new IOException("server refused: " + line);
      }
    }

    @Override
    public void close() throws IOException {
      command("QUIT");
      socket.close();
    }
  }
}
