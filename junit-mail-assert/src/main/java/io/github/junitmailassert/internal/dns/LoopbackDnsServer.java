package io.github.junitmailassert.internal.dns;

import io.github.junitmailassert.dns.DnsZone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;
import org.xbill.DNS.Message;

/**
 * A real DNS server on a loopback port, UDP and TCP on the same port number, answering from a
 * {@link DnsZone}: for other processes (an MTA, a PHP script, a container) that resolve through it.
 * UDP answers that do not fit are truncated (TC set) so clients retry over TCP. Messages with the QR
 * bit set are responses and never answered, so a spoofed packet cannot make the server talk to itself
 * or to another server. Every server has its own sockets; all share one I/O thread ({@link DnsIoLoop}).
 * Internal.
 */
@API(status = API.Status.INTERNAL)
public final class LoopbackDnsServer implements AutoCloseable {

  private static final long IDLE_CONNECTION_NANOS = TimeUnit.SECONDS.toNanos(30);
  /** Answers a client has not read yet; past this it is not reading, and is dropped. */
  private static final int MAX_PENDING_OUTPUT = 1 << 20;

  /** The answer to a query, or null to stay silent (a simulated timeout). */
  private final UnaryOperator<Message> responder;
  private final DatagramChannel udp;
  private final ServerSocketChannel tcp;
  private final InetSocketAddress local;
  private final DnsIoLoop loop;
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  private LoopbackDnsServer(UnaryOperator<Message> responder, DatagramChannel udp, ServerSocketChannel tcp,
      InetSocketAddress local) {
    this.responder = responder;
    this.udp = udp;
    this.tcp = tcp;
    this.local = local;
    this.loop = DnsIoLoop.shared();
  }

  /** Starts a server on {@code bindAddress}, on a free port shared by UDP and TCP. */
  public static LoopbackDnsServer start(DnsZone zone, InetAddress bindAddress) {
    return start(query -> ZoneMessages.respond(zone, query), bindAddress);
  }

  /**
   * Starts a server on {@code bindAddress}, on a free port shared by UDP and TCP, that answers each
   * query with what {@code responder} returns for it ({@code null}: no answer, as for a timeout).
   * The responder runs on the shared I/O thread: it must answer at once, from memory.
   */
  public static LoopbackDnsServer start(UnaryOperator<Message> responder, InetAddress bindAddress) {
    IOException last = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        return bind(responder, bindAddress, 0);
      } catch (IOException e) {
        last = e; // the TCP port of the free UDP port was taken: try another pair
      }
    }
    throw new UncheckedIOException("no free port for the loopback DNS server on " + bindAddress, last);
  }

  /**
   * Starts a server on exactly {@code bindAddress} and {@code port}, UDP and TCP: for clients that
   * cannot be told a port, such as a container's resolver, which always asks port 53.
   *
   * @throws UncheckedIOException when the port is taken or may not be bound (below 1024 without privileges)
   */
  public static LoopbackDnsServer start(DnsZone zone, InetAddress bindAddress, int port) {
    try {
      UnaryOperator<Message> responder = query -> ZoneMessages.respond(zone, query);
      try {
        return bind(responder, bindAddress, port);
      } catch (IOException busy) {
        // A server just closed on this port frees it once the loop has deregistered its sockets.
        DnsIoLoop.shared().deregisterClosed();
        return bind(responder, bindAddress, port);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for DNS on " + bindAddress.getHostAddress() + " port " + port
          + ": " + e.getMessage(), e);
    }
  }

  /** UDP on {@code port} (0: any free one), then TCP on the same number; both closed if either fails. */
  private static LoopbackDnsServer bind(UnaryOperator<Message> responder, InetAddress bindAddress, int port)
      throws IOException {
    DatagramChannel udp = DatagramChannel.open();
    ServerSocketChannel tcp = null;
    try {
      udp.bind(new InetSocketAddress(bindAddress, port));
      udp.configureBlocking(false);
      InetSocketAddress local = (InetSocketAddress) udp.getLocalAddress();
      tcp = ServerSocketChannel.open();
      tcp.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      tcp.bind(new InetSocketAddress(bindAddress, local.getPort()), 50);
      tcp.configureBlocking(false);
      LoopbackDnsServer server = new LoopbackDnsServer(responder, udp, tcp, local);
      server.register();
      return server;
    } catch (IOException | RuntimeException e) {
      udp.close();
      if (tcp != null) {
        tcp.close();
      }
      throw e;
    }
  }

  // Registered on the loop thread: what arrives before that waits in the sockets' buffers.
  private void register() {
    ServerSocketChannel listener = tcp;
    loop.submit(() -> {
      if (closed.get()) {
        return;
      }
      try {
        udp.register(loop.selector(), SelectionKey.OP_READ, (DnsIoLoop.Handler) key -> receiveDatagrams());
        listener.register(loop.selector(), SelectionKey.OP_ACCEPT, (DnsIoLoop.Handler) key -> accept());
      } catch (IOException e) {
        if (!closed.get()) {
          throw new UncheckedIOException(e);
        }
      }
    });
  }

  /** The error answer to {@code query} with {@code rcode} (such as {@code Rcode.REFUSED}), for responders. */
  public static Message errorResponse(Message query, int rcode) {
    return ZoneMessages.error(query, rcode);
  }

  public InetAddress address() {
    return local.getAddress();
  }

  public int port() {
    return local.getPort();
  }

  // ---------------------------------------------------------------- UDP

  private void receiveDatagrams() {
    // A bounded batch, so that one flooded server cannot starve the others on the shared thread.
    ByteBuffer datagram = loop.datagramBuffer();
    for (int i = 0; i < 64; i++) {
      SocketAddress from;
      datagram.clear();
      try {
        from = udp.receive(datagram);
      } catch (IOException e) {
        return; // an ICMP error for an earlier answer, or closed: nothing to read now
      }
      if (from == null) {
        return;
      }
      if (from.equals(local) || from instanceof InetSocketAddress a && a.getPort() == 0) {
        continue; // spoofed: only this server sends from its own address, and port 0 cannot be answered
      }
      byte[] reply = DnsWire.answer(responder, datagram.array(), datagram.position(), true);
      if (reply != null) {
        try {
          udp.send(ByteBuffer.wrap(reply), from); // a full send buffer drops it, as a network would
        } catch (IOException e) {
          // the client went away: UDP has nobody to tell
        }
      }
    }
  }

  // ---------------------------------------------------------------- TCP

  private void accept() throws IOException {
    for (SocketChannel channel; (channel = tcp.accept()) != null; ) {
      channel.configureBlocking(false);
      Connection c = new Connection(channel);
      connections.add(c);
      c.key = channel.register(loop.selector(), SelectionKey.OP_READ, c);
      if (closed.get()) {
        c.close(); // close() ran while this one was being accepted
      }
    }
  }

  /** One client's TCP connection: two-byte length, message, repeated (RFC 1035 4.2.2, RFC 7766). */
  private final class Connection implements DnsIoLoop.Handler {
    private final SocketChannel channel;
    private final ByteBuffer length = ByteBuffer.allocate(2);
    private final ArrayDeque<ByteBuffer> output = new ArrayDeque<>();
    private ByteBuffer message;
    private int pending;
    private long lastActive = System.nanoTime();
    private SelectionKey key;

    Connection(SocketChannel channel) {
      this.channel = channel;
    }

    @Override
    public void ready(SelectionKey k) throws IOException {
      lastActive = System.nanoTime();
      try {
        if (k.isWritable()) {
          flush();
        }
        if (k.isValid() && k.isReadable()) {
          read();
        }
      } catch (IOException | RuntimeException e) {
        close();
      }
    }

    private void read() throws IOException {
      while (true) {
        if (message == null) {
          if (channel.read(length) < 0) {
            close();
            return;
          }
          if (length.hasRemaining()) {
            return;
          }
          message = ByteBuffer.allocate(length.getShort(0) & 0xffff);
          length.clear();
        }
        if (message.hasRemaining() && channel.read(message) < 0) {
          close();
          return;
        }
        if (message.hasRemaining()) {
          return;
        }
        byte[] reply = DnsWire.answer(responder, message.array(), message.capacity(), false);
        message = null;
        if (reply != null) { // null: a response, or a simulated timeout: say nothing, keep the connection
          send(reply);
          if (!channel.isOpen()) {
            return;
          }
        }
      }
    }

    private void send(byte[] reply) throws IOException {
      ByteBuffer framed = ByteBuffer.allocate(2 + reply.length);
      framed.putShort((short) reply.length).put(reply).flip();
      output.add(framed);
      pending += framed.capacity();
      if (pending > MAX_PENDING_OUTPUT) {
        close();
        return;
      }
      flush();
    }

    private void flush() throws IOException {
      while (!output.isEmpty()) {
        ByteBuffer head = output.peek();
        channel.write(head);
        if (head.hasRemaining()) {
          key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
          return;
        }
        pending -= head.capacity();
        output.poll();
      }
      key.interestOps(SelectionKey.OP_READ);
    }

    @Override
    public void tick(long nowNanos) {
      if (nowNanos - lastActive > IDLE_CONNECTION_NANOS) {
        close();
      }
    }

    void close() {
      connections.remove(this);
      if (key != null) {
        key.cancel();
      }
      try {
        channel.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  // ---------------------------------------------------------------- close

  /**
   * Closes both sockets and every connection, and returns once the I/O thread has deregistered
   * them: a channel registered with a selector keeps its port until then, and whoever closes a
   * server may bind its port again at once (tests that prove the server is gone do).
   */
  @Override
  public void close() {
    beginClose().run();
  }

  /**
   * Closes both sockets and every connection, and returns what waits until the I/O thread has
   * deregistered them (see {@link #close()}): whoever stops other servers too can wait for all of
   * them at once.
   */
  public Runnable beginClose() {
    if (!closed.compareAndSet(false, true)) {
      return () -> {};
    }
    for (Connection c : connections) {
      c.close();
    }
    for (SelectableChannel ch : List.of(udp, tcp)) {
      SelectionKey key = ch.keyFor(loop.selector());
      if (key != null) {
        key.cancel();
      }
      try {
        ch.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    return loop.beginDeregisterClosed();
  }
}
