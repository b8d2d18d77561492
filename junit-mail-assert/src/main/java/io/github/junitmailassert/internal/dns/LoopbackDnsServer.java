package io.github.junitmailassert.internal.dns;

import io.github.junitmailassert.dns.DnsZone;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real DNS server on a loopback port, UDP and TCP on the same port number, answering from a
 * {@link DnsZone}: for other processes (an MTA, a PHP script, a container) that resolve through it.
 * UDP answers that do not fit are truncated (TC set) so clients retry over TCP. Messages with the QR
 * bit set are responses and never answered, so a spoofed packet cannot make the server talk to itself.
 * Internal.
 */
public final class LoopbackDnsServer implements AutoCloseable {

  private final DnsZone zone;
  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final Thread udpThread;
  private final Thread tcpThread;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private volatile boolean running = true;

  private LoopbackDnsServer(DnsZone zone, DatagramSocket udp, ServerSocket tcp) {
    this.zone = zone;
    this.udp = udp;
    this.tcp = tcp;
    this.udpThread = new Thread(this::serveUdp, "mail-assert-dns-udp:" + udp.getLocalPort());
    this.tcpThread = new Thread(this::serveTcp, "mail-assert-dns-tcp:" + tcp.getLocalPort());
    udpThread.setDaemon(true);
    tcpThread.setDaemon(true);
  }

  /** Starts a server on {@code bindAddress}, on a free port shared by UDP and TCP. */
  public static LoopbackDnsServer start(DnsZone zone, InetAddress bindAddress) {
    IOException last = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        return bind(zone, bindAddress, 0);
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
      return bind(zone, bindAddress, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for DNS on " + bindAddress.getHostAddress() + " port " + port
          + ": " + e.getMessage(), e);
    }
  }

  /** UDP on {@code port} (0: any free one), then TCP on the same number; both closed if either fails. */
  private static LoopbackDnsServer bind(DnsZone zone, InetAddress bindAddress, int port) throws IOException {
    DatagramSocket udp = new DatagramSocket(new InetSocketAddress(bindAddress, port));
    ServerSocket tcp = new ServerSocket();
    try {
      tcp.setReuseAddress(true);
      tcp.bind(new InetSocketAddress(bindAddress, udp.getLocalPort()), 50);
    } catch (IOException busy) {
      tcp.close();
      udp.close();
      throw busy;
    }
    LoopbackDnsServer server = new LoopbackDnsServer(zone, udp, tcp);
    server.udpThread.start();
    server.tcpThread.start();
    return server;
  }

  public InetAddress address() {
    return udp.getLocalAddress();
  }

  public int port() {
    return udp.getLocalPort();
  }

  private void serveUdp() {
    byte[] buffer = new byte[65535];
    while (running) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
      } catch (IOException e) {
        return; // closed
      }
      byte[] reply = answer(buffer, packet.getLength(), true);
      if (reply != null) {
        try {
          udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
        } catch (IOException e) {
          if (!running) {
            return;
          }
        }
      }
    }
  }

  private void serveTcp() {
    while (running) {
      Socket socket;
      try {
        socket = tcp.accept();
      } catch (IOException e) {
        return; // closed
      }
      connections.add(socket);
      Thread t = new Thread(() -> serveConnection(socket), tcpThread.getName() + "<-" + socket.getPort());
      t.setDaemon(true);
      t.start();
    }
  }

  private void serveConnection(Socket socket) {
    try (socket;
        DataInputStream in = new DataInputStream(socket.getInputStream());
        DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
      socket.setSoTimeout(30_000);
      while (running) {
        int length;
        try {
          length = in.readUnsignedShort();
        } catch (EOFException e) {
          return;
        }
        byte[] query = new byte[length];
        in.readFully(query);
        byte[] reply = answer(query, length, false);
        if (reply == null) {
          continue; // a response, or a simulated timeout: say nothing, keep the connection
        }
        out.writeShort(reply.length);
        out.write(reply);
        out.flush();
      }
    } catch (SocketException e) {
      // closed by the client or by close()
    } catch (IOException e) {
      // a broken client: drop its connection, keep serving others
    } finally {
      connections.remove(socket);
    }
  }

  private byte[] answer(byte[] wire, int length, boolean udpTransport) {
    return DnsWire.answer(zone, wire, length, udpTransport);
  }

  @Override
  public void close() {
    running = false;
    udp.close();
    try {
      tcp.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket s : connections) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    try {
      udpThread.join(2_000);
      tcpThread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
