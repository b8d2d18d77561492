package io.github.junitmailassert.internal.smtp;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.SmtpAttempt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The capture SMTP server: GreenMail's server (socket, accept loop, one thread per client, orderly
 * shutdown) with our own SMTP session, because GreenMail's keeps only the parsed MIME message and
 * refuses recipients after {@code MAIL FROM:<>}. Internal.
 *
 * <p>Each server listens on a port that no earlier capture server of this JVM used (see {@link
 * ListeningPorts}), so a sender that keeps sending after its test ended never reaches a later
 * test's server.
 */
@API(status = API.Status.INTERNAL)
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
    CaptureSink mailsOnly = new CaptureSink() {
      @Override
      public CapturedMail mail(CapturedMail.Builder mail) {
        sink.accept(mail);
        return null;
      }

      @Override
      public void attempt(SmtpAttempt.Builder attempt) {
        // this sink keeps mails only
      }
    };
    return start(bindAddress, greetingName, mailsOnly,
        new SmtpOptions(maxMessageBytes, false, false, null));
  }

  /** Starts a server that answers as {@code options} say and hands mails and attempts to {@code sink}. */
  public static CaptureSmtpServer start(InetAddress bindAddress, String greetingName, CaptureSink sink,
      SmtpOptions options) {
    return start(bindAddress, 0, greetingName, sink, options);
  }

  /**
   * As above, on {@code port} when it is not 0. A fixed port is bound here, before the server
   * starts, so that a port another process holds fails at once.
   *
   * @throws UncheckedIOException around the {@code BindException} when the port is taken
   */
  public static CaptureSmtpServer start(InetAddress bindAddress, int port, String greetingName, CaptureSink sink,
      SmtpOptions options) {
    ServerSocket fixed = port == 0 ? null : bindFixed(bindAddress, port);
    ServerSetup setup = new ServerSetup(port, bindAddress.getHostAddress(), ServerSetup.PROTOCOL_SMTP);
    return run(new Server(setup, greetingName, sink, options, fixed), bindAddress);
  }

  private static ServerSocket bindFixed(InetAddress bindAddress, int port) {
    try {
      ServerSocket socket = new ServerSocket();
      try {
        socket.setReuseAddress(true); // a port whose last server just closed is free again, TIME_WAIT or not
        socket.bind(new InetSocketAddress(bindAddress, port));
        return socket;
      } catch (IOException e) {
        socket.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CaptureSmtpServer run(Server server, InetAddress bindAddress) {
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

  /** The certificate every capture server presents (STARTTLS and implicit TLS). */
  public static X509Certificate certificate() {
    try {
      return SmtpSession.TlsContext.certificate();
    } catch (IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
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
    private final CaptureSink sink;
    private final SmtpOptions options;
    private final ServerSocket fixedPort; // bound already; null for a free port

    Server(ServerSetup setup, String greetingName, CaptureSink sink, SmtpOptions options, ServerSocket fixedPort) {
      super(setup, new Managers());
      this.greetingName = greetingName;
      this.sink = sink;
      this.options = options;
      this.fixedPort = fixedPort;
      setDaemon(true);
    }

    @Override
    protected ServerSocket openServerSocket() throws IOException {
      return fixedPort != null ? fixedPort : ListeningPorts.EPHEMERAL.bind(bindTo);
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
      return new SmtpSession(clientSocket, greetingName, sink, options);
    }
  }
}
