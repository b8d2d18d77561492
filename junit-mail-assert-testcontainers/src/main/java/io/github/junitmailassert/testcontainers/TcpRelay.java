package io.github.junitmailassert.testcontainers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes TCP connections from an address a container can reach on to the capture server on
 * loopback, byte for byte: the SMTP dialogue (HELO name, MAIL FROM, message) arrives unchanged.
 */
final class TcpRelay implements AutoCloseable {

  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean open = true;

  private TcpRelay(ServerSocket server, InetSocketAddress target) {
    this.server = server;
    this.target = target;
    this.acceptor = new Thread(this::acceptLoop, "mail-assert-relay:" + server.getLocalPort());
    acceptor.setDaemon(true);
  }

  /**
   * Listens on {@code bindAddress} and {@code port}, relaying each connection to {@code target}.
   *
   * @throws UncheckedIOException when the port is taken or may not be bound
   */
  static TcpRelay start(InetAddress bindAddress, int port, InetSocketAddress target) {
    ServerSocket server = null;
    try {
      server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(bindAddress, port), 50);
    } catch (IOException e) {
      closeQuietly(server);
      throw new UncheckedIOException("cannot listen for SMTP on " + bindAddress.getHostAddress() + " port " + port
          + ": " + e.getMessage(), e);
    }
    TcpRelay relay = new TcpRelay(server, target);
    relay.acceptor.start();
    return relay;
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (open) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      Socket upstream = new Socket();
      sockets.add(client);
      sockets.add(upstream);
      try {
        upstream.connect(target, CONNECT_TIMEOUT_MILLIS);
      } catch (IOException e) {
        close(client, upstream); // the capture server is gone: the client sees the connection drop
        continue;
      }
      AtomicInteger directionsOpen = new AtomicInteger(2);
      pump(client, upstream, "->", directionsOpen);
      pump(upstream, client, "<-", directionsOpen);
    }
  }

  /** Copies one direction; the pair is closed when both directions ended, or at once on an error. */
  private void pump(Socket from, Socket to, String direction, AtomicInteger directionsOpen) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          out.write(buffer, 0, n);
          out.flush();
        }
        to.shutdownOutput(); // pass the end of the stream on; the other direction may still talk
        if (directionsOpen.decrementAndGet() == 0) {
          close(from, to);
        }
      } catch (IOException e) {
        close(from, to); // reset, or closed by the other direction or by close()
      }
    }, acceptor.getName() + direction + from.getPort());
    t.setDaemon(true);
    t.start();
  }

  private void close(Socket a, Socket b) {
    closeQuietly(a);
    closeQuietly(b);
    sockets.remove(a);
    sockets.remove(b);
  }

  @Override
  public void close() {
    open = false;
    closeQuietly(server);
    for (Socket s : sockets) {
      closeQuietly(s);
    }
    sockets.clear();
    try {
      acceptor.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      // closing anyway
    }
  }
}
