package io.github.junitmailassert.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.mail.CapturedMails;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The start returns once the port listens, without waiting for the server's thread; a close right
 * after it, before that thread ran, still closes the port and ends the thread.
 */
class CaptureServerLifecycleTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final String NAME = "mx.lifecycle-test.example";

  @Test
  void should_greet_a_client_that_connects_as_soon_as_the_start_returns() throws IOException {
    for (int i = 0; i < 200; i++) {
      CapturedMails mails = new CapturedMails();
      // GIVEN a server just started
      CaptureSmtpServer server = CaptureSmtpServer.start(LOOPBACK, NAME, mails::add);
      int port = server.port();
      // WHEN a client connects at once THEN it is greeted, by the server's thread
      try (Wire client = new Wire(server.host(), port)) {
        assertThat(client.line()).startsWith("220 " + NAME + " ");
        assertThat(server.isThreadAlive()).as("the server's thread").isTrue();
      } finally {
        server.close();
      }
      // AND once closed, the server no longer answers and its thread has ended
      assertStopped(server);
    }
  }

  @Test
  void should_close_the_port_and_end_the_thread_when_closed_right_after_the_start() throws IOException {
    for (int i = 0; i < 500; i++) {
      // GIVEN a server closed as soon as it started, most likely before its thread ran
      CaptureSmtpServer server = CaptureSmtpServer.start(LOOPBACK, NAME, new CapturedMails()::add);
      server.close();
      // THEN its port is closed, it does not answer and no thread of it is left
      assertStopped(server);
    }
  }

  @Test
  void should_close_the_port_when_the_closing_thread_is_interrupted() throws IOException {
    for (int i = 0; i < 200; i++) {
      // GIVEN a server started and closed by a thread whose interrupt is set
      Thread.currentThread().interrupt();
      CaptureSmtpServer server;
      boolean kept;
      try {
        server = CaptureSmtpServer.start(LOOPBACK, NAME, new CapturedMails()::add);
        server.close();
      } finally {
        kept = Thread.interrupted(); // never leave the interrupt on a worker thread the suite shares
      }
      // THEN the interrupt is kept, and the server no longer answers and has no thread left
      assertThat(kept).as("the interrupt, kept").isTrue();
      assertStopped(server);
    }
  }

  /** Its own socket closed, nothing of it answering on its port, and its thread ended. */
  private static void assertStopped(CaptureSmtpServer server) throws IOException {
    assertThat(server.isListening()).as("the port open after close()").isFalse();
    assertNotServing(server.port());
    assertThat(server.isThreadAlive()).as("the server's thread after close()").isFalse();
  }

  /**
   * Refused, or answered by a listener that is not this test's server: the suite's other tests run
   * meanwhile, and listeners that capture servers do not govern (a DNS server's TCP side takes the
   * number of its UDP port) may be handed the port just freed, or close while this connects.
   */
  private static void assertNotServing(int port) throws IOException {
    try (Socket socket = new Socket()) {
      try {
        socket.connect(new InetSocketAddress(LOOPBACK, port), 1_000);
      } catch (ConnectException refused) {
        return;
      } catch (SocketException reset) {
        return; // a listener that closed while this connected (this test's own are closed: see isListening)
      }
      socket.setSoTimeout(500);
      try (Wire wire = new Wire(socket)) {
        String greeting = wire.line();
        assertThat(greeting == null || !greeting.startsWith("220 " + NAME)).as("greeted on %s by %s", port, greeting).isTrue();
      } catch (SocketTimeoutException | SocketException other) {
        // a listener that waits for the client to speak first, or one that closed meanwhile
      }
    }
  }
}
