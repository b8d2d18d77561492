package io.github.junitmailassert.internal.smtp;

import io.github.junitmailassert.mail.CapturedMails;
import java.net.InetAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A capture server of its own for each test, on loopback, its mails numbered as the extension numbers them. */
abstract class CaptureServerTestBase {

  protected final CapturedMails mails = new CapturedMails();
  protected CaptureSmtpServer server;

  @BeforeEach
  void startServer() {
    server = CaptureSmtpServer.start(InetAddress.getLoopbackAddress(), "mx.receiver.test", mails::add);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }
}
