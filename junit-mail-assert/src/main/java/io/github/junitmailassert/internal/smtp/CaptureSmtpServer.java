package io.github.junitmailassert.internal.smtp;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.junitmailassert.mail.CapturedMail;
import java.net.InetAddress;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * The capture SMTP server: GreenMail's server (socket, accept loop, one thread per client, orderly
 * shutdown) with our own SMTP session, because GreenMail's keeps only the parsed MIME message and
 * refuses recipients after {@code MAIL FROM:<>}. Internal.
 */
public final class CaptureSmtpServer implements AutoCloseable {

  private static final long START_TIMEOUT_MS = 10_000;

  private final Server server;

  private CaptureSmtpServer(Server server) {
    this.server = server;
  }

  /**
   * Starts a server on {@code bindAddress} and a free port; every accepted transaction goes to
   * {@code sink} as a builder to finish, in the order the server accepted them.
   */
  public static CaptureSmtpServer start(InetAddress bindAddress, String greetingName, Consumer<CapturedMail.Builder> sink) {
    return start(bindAddress, greetingName, sink, SmtpSession.MAX_MESSAGE_BYTES);
  }

  /** As above, refusing messages over {@code maxMessageBytes} with 552 (64 MiB unless told otherwise). */
  public static CaptureSmtpServer start(InetAddress bindAddress, String greetingName, Consumer<CapturedMail.Builder> sink,
      int maxMessageBytes) {
    ServerSetup setup = new ServerSetup(0, bindAddress.getHostAddress(), ServerSetup.PROTOCOL_SMTP);
    Server server = new Server(setup, greetingName, sink, maxMessageBytes);
    server.startService();
    try {
      if (!server.waitTillRunning(START_TIMEOUT_MS)) {
        server.stopService();
        throw new IllegalStateException("the capture SMTP server did not start on " + bindAddress.getHostAddress()
            + " within " + START_TIMEOUT_MS + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.stopService();
      throw new IllegalStateException("interrupted while starting the capture SMTP server", e);
    }
    return new CaptureSmtpServer(server);
  }

  public String host() {
    return server.getBindTo();
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.stopService(5_000);
  }

  private static final class Server extends SmtpServer {
    private final String greetingName;
    private final Consumer<CapturedMail.Builder> sink;
    private final int maxMessageBytes;

    Server(ServerSetup setup, String greetingName, Consumer<CapturedMail.Builder> sink, int maxMessageBytes) {
      super(setup, new Managers());
      this.greetingName = greetingName;
      this.sink = sink;
      this.maxMessageBytes = maxMessageBytes;
      setDaemon(true);
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
      return new SmtpSession(clientSocket, greetingName, sink, maxMessageBytes);
    }
  }
}
