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
 * <p>Each server listens on a port that no earlier capture server of this JVM used until the
 * servers have gone through the OS's ephemeral range (see {@link ListeningPorts}), so a sender
 * that keeps sending after its test ended does not reach a later test's server in this JVM.
 */
@API(status = API.Status.INTERNAL)
public final class CaptureSmtpServer implements AutoCloseable {

  private final Server server;
  private final ServerSocket socket; // the server's own field is set on its thread

  private CaptureSmtpServer(Server server, ServerSocket socket) {
    this.server = server;
    this.socket = socket;
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
   * As above, on {@code port} when it is not 0. The port is bound and listening when this returns:
   * a client that connects at once waits in the backlog until the server's thread accepts it, so
   * the start does not wait for that thread.
   *
   * @throws UncheckedIOException around the {@code BindException} when the port is taken
   */
  public static CaptureSmtpServer start(InetAddress bindAddress, int port, String greetingName, CaptureSink sink,
      SmtpOptions options) {
    ServerSocket socket = bind(bindAddress, port);
    try {
      ServerSetup setup = new ServerSetup(socket.getLocalPort(), bindAddress.getHostAddress(), ServerSetup.PROTOCOL_SMTP);
      Server server = new Server(setup, greetingName, sink, options, socket);
      server.startService();
      return new CaptureSmtpServer(server, socket);
    } catch (RuntimeException | Error e) {
      closeQuietly(socket);
      throw e;
    }
  }

  private static ServerSocket bind(InetAddress bindAddress, int port) {
    try {
      return port == 0 ? ListeningPorts.EPHEMERAL.bind(bindAddress) : ListeningPorts.listen(bindAddress, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // the start failed already; that error is the one to report
    }
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
    return socket.getLocalPort();
  }

  /** Whether its port is still open: until {@link #close()} has returned. */
  boolean isListening() {
    return !socket.isClosed();
  }

  /** Whether the server's thread is still alive. */
  boolean isThreadAlive() {
    return server.isAlive();
  }

  /**
   * Stops the server: its port is closed when this returns, also when the caller's thread is
   * interrupted (its interrupt is kept), and its thread has ended unless it takes over 5 s.
   */
  @Override
  public void close() {
    boolean interrupted = Thread.interrupted(); // else the join in stopService returns at once
    try {
      server.stopService(5_000);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static final class Server extends SmtpServer {
    private final String greetingName;
    private final CaptureSink sink;
    private final SmtpOptions options;
    private final ServerSocket listening; // bound by the caller

    Server(ServerSetup setup, String greetingName, CaptureSink sink, SmtpOptions options, ServerSocket listening) {
      super(setup, new Managers());
      this.greetingName = greetingName;
      this.sink = sink;
      this.options = options;
      this.listening = listening;
      setDaemon(true);
    }

    @Override
    protected ServerSocket openServerSocket() throws IOException {
      return listening;
    }

    /**
     * GreenMail closes the socket its thread took, and that thread closes it once it has run; this
     * closes it at once, for a close whose wait for the thread ends first (after 5 s).
     */
    @Override
    protected synchronized void quit() {
      try {
        super.quit();
      } finally {
        closeQuietly(listening);
      }
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
      return new SmtpSession(clientSocket, greetingName, sink, options);
    }
  }
}
