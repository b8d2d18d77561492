package io.github.junitmailassert.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.testing.RawSmtpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The relay a route puts in front of the capture server; here on loopback, no Docker needed. */
@MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25")
class TcpRelayTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Test
  void should_pass_the_smtp_dialogue_on_byte_for_byte_when_a_client_sends_through_it(SmtpEndpoint smtp,
      CapturedMails mails) throws IOException {
    // GIVEN a relay to the capture server
    String message = "From: Sample Shop <no-reply@sample.co.jp>\r\nTo: user@example.com\r\nSubject: Your order\r\n"
        + "\r\nShipped today.\r\n";
    try (TcpRelay relay = TcpRelay.start(LOOPBACK, 0, new InetSocketAddress(smtp.host(), smtp.port()))) {
      // WHEN a client speaks SMTP to the relay
      try (RawSmtpClient client = new RawSmtpClient(LOOPBACK.getHostAddress(), relay.port())) {
        assertThat(client.command("EHLO shop-web-1")).startsWith("250 ");
        assertThat(client.sendMail("www-data@shop-web-1", message, "user@example.com")).startsWith("250 ");
      }

      // THEN the capture server saw exactly what the client sent
      CapturedMail mail = mails.single();
      assertThat(mail.heloName()).contains("shop-web-1");
      assertThat(mail.envelopeSender()).isEqualTo("www-data@shop-web-1");
      assertThat(mail.recipients()).containsExactly("user@example.com");
      assertThat(new String(mail.rawMessage(), StandardCharsets.UTF_8)).isEqualTo(message);
    }
  }

  @Test
  void should_end_open_connections_when_closed(SmtpEndpoint smtp) throws IOException {
    // GIVEN a client connected through the relay, between two commands
    TcpRelay relay = TcpRelay.start(LOOPBACK, 0, new InetSocketAddress(smtp.host(), smtp.port()));
    try (RawSmtpClient client = new RawSmtpClient(LOOPBACK.getHostAddress(), relay.port())) {
      // WHEN the relay closes
      relay.close();

      // THEN the client's connection ends instead of hanging
      Throwable thrown = catchThrowable(() -> client.command("NOOP"));
      assertThat(thrown).isInstanceOf(IOException.class);
    }
  }

  @Test
  void should_drop_the_client_when_nothing_listens_behind_it() throws IOException {
    // GIVEN a relay to a port where nothing listens (any more)
    int closedPort;
    try (ServerSocket gone = new ServerSocket(0, 1, LOOPBACK)) {
      closedPort = gone.getLocalPort();
    }
    try (TcpRelay relay = TcpRelay.start(LOOPBACK, 0, new InetSocketAddress(LOOPBACK, closedPort));
        Socket client = new Socket(LOOPBACK, relay.port())) {
      client.setSoTimeout(10_000);

      // WHEN the client waits for the greeting
      InputStream in = client.getInputStream();
      int first = readOrEnd(in);

      // THEN the connection ends
      assertThat(first).isEqualTo(-1);
    }
  }

  @Test
  void should_say_which_address_and_port_when_it_cannot_listen() throws IOException {
    // GIVEN a port that is taken
    try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
      // WHEN
      Throwable thrown = catchThrowable(() -> TcpRelay.start(LOOPBACK, taken.getLocalPort(),
          new InetSocketAddress(LOOPBACK, 25)));

      // THEN
      assertThat(thrown).isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith("cannot listen for SMTP on 127.0.0.1 port " + taken.getLocalPort() + ": ");
    }
  }

  private static int readOrEnd(InputStream in) {
    try {
      return in.read();
    } catch (IOException reset) {
      return -1; // a reset is an end too
    }
  }
}
