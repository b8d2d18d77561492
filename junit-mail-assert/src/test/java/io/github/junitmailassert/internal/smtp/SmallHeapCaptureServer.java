package io.github.junitmailassert.internal.smtp;

import io.github.junitmailassert.mail.CapturedMail;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A capture server in its own JVM, started by {@link LargeMessageTest} with a small heap; it keeps every mail. */
public final class SmallHeapCaptureServer {

  private SmallHeapCaptureServer() {}

  public static void main(String[] args) throws Exception {
    List<CapturedMail> kept = Collections.synchronizedList(new ArrayList<>());
    AtomicLong sequence = new AtomicLong();
    try (CaptureSmtpServer server = CaptureSmtpServer.start(InetAddress.getLoopbackAddress(), "mx.receiver.test",
        b -> kept.add(b.sequence(sequence.incrementAndGet()).build()), Integer.parseInt(args[0]))) {
      System.out.println(server.port());
      System.out.flush();
      while (System.in.read() != -1) {
        // runs until the test closes our standard input
      }
    }
  }
}
