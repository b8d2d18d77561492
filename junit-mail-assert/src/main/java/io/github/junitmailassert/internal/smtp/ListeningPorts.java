package io.github.junitmailassert.internal.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * The ports this JVM's capture servers listen on. The OS hands a freed port out again soon, and a
 * sender still sending to an ended test's server then got a 250 from a later test's. So a server
 * does not ask the OS for any free port: it takes the next one of the OS's ephemeral range in an
 * order of this JVM's own, in which every port comes once before any comes again, passing over
 * ports that are taken or reserved. Asking for port 0 instead reaches a fraction of the range:
 * Linux 6 gives a listener with {@code SO_REUSEADDR} (Java's default) only the odd ports of the
 * range's lower half, about 7,000 of 28,000, and then hands the same ones out again.
 *
 * <p>The order starts at a random port and steps by a random stride prime to the range's size, so
 * that two JVMs on one machine do not walk the range in step.
 */
final class ListeningPorts {

  /** Linux's file, {@code "32768\t60999"} unless the machine's owner changed it. */
  private static final Path LINUX_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  /** Ports of that range that services bind by number, excluded from the OS's own choice too. */
  private static final Path LINUX_RESERVED = Path.of("/proc/sys/net/ipv4/ip_local_reserved_ports");
  /** IANA's dynamic ports, the range of macOS, Windows and the BSDs. */
  private static final int DEFAULT_LOW = 49_152;
  private static final int DEFAULT_HIGH = 65_535;
  /** Taken ports after which a start gives up: the range is (nearly) full. */
  private static final int ATTEMPTS = 100;

  static final ListeningPorts EPHEMERAL = ephemeral();

  private final int low;
  private final int size;
  private final BitSet reserved; // by port - low
  private final int stride;
  private int position; // guarded by this

  ListeningPorts(int low, int high, BitSet reserved, SplittableRandom random) {
    if (low < 1 || high > 65_535 || high < low) {
      throw new IllegalArgumentException("not a port range: " + low + "-" + high);
    }
    this.low = low;
    this.size = high - low + 1;
    this.reserved = reserved;
    // From 2 to size - 2, so as not to walk port by port either way, and prime to size, so as to visit
    // each port; a range of up to 6 ports steps by 1.
    int stride = 1;
    if (size > 6) {
      stride = 2 + random.nextInt(size - 3);
      while (gcd(stride, size) != 1) {
        stride = stride == size - 2 ? 2 : stride + 1;
      }
    }
    this.stride = stride;
    this.position = random.nextInt(size);
  }

  /** A server socket on {@code address} and the next port of the order that can be bound. */
  synchronized ServerSocket bind(InetAddress address) throws IOException {
    BindException last = null;
    for (int taken = 0, seen = 0; taken < ATTEMPTS && seen < size; seen++) {
      int offset = position;
      position = (position + stride) % size;
      if (reserved.get(offset)) {
        continue;
      }
      try {
        return listen(address, low + offset);
      } catch (BindException e) {
        if (last == null && !isLocal(address)) {
          throw withCause(new BindException(address.getHostAddress()
              + " is not an address of this machine: a capture server cannot listen on it (" + e.getMessage() + ")"), e);
        }
        last = e;
        taken++;
      }
    }
    throw withCause(new BindException("no port to listen on at " + address.getHostAddress() + " in " + range()
        + (last == null ? ": every port of it is reserved" : ": " + last.getMessage())), last);
  }

  /** A server socket on exactly {@code address} and {@code port}; nothing left open when that fails. */
  static ServerSocket listen(InetAddress address, int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.setReuseAddress(true); // a port whose last server just closed is free again, TIME_WAIT or not
      socket.bind(new InetSocketAddress(address, port));
      return socket;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private static boolean isLocal(InetAddress address) {
    try {
      return address.isAnyLocalAddress() || address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
    } catch (IOException e) {
      return true; // cannot tell: go on trying ports
    }
  }

  private static BindException withCause(BindException failure, BindException cause) {
    if (cause != null) {
      failure.initCause(cause);
    }
    return failure;
  }

  /** The range, {@code "32768-60999"}. */
  String range() {
    return low + "-" + (low + size - 1);
  }

  /** A new order over the OS's ephemeral range; {@link #EPHEMERAL} is the one capture servers walk. */
  static ListeningPorts ephemeral() {
    int low = DEFAULT_LOW;
    int high = DEFAULT_HIGH;
    BitSet reserved = new BitSet();
    try {
      String[] range = read(LINUX_RANGE).trim().split("\\s+");
      int linuxLow = range.length == 2 ? Integer.parseInt(range[0]) : 0;
      int linuxHigh = range.length == 2 ? Integer.parseInt(range[1]) : 0;
      if (linuxLow >= 1 && linuxHigh <= 65_535 && linuxLow <= linuxHigh) {
        low = linuxLow;
        high = linuxHigh;
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or not readable: IANA's range
    }
    try {
      reserved = reserved(read(LINUX_RESERVED), low, high);
    } catch (IOException | RuntimeException e) {
      // nothing reserved
    }
    return new ListeningPorts(low, high, reserved, new SplittableRandom());
  }

  /** A file of /proc, whose size reads 0: {@code Files.readString} gets only its first octet there. */
  private static String read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  /** Linux's list of reserved ports ({@code "8080,9000-9010"}), as offsets into [low, high]. */
  static BitSet reserved(String list, int low, int high) {
    BitSet reserved = new BitSet();
    for (String item : list.trim().split(",")) {
      if (item.isBlank()) {
        continue;
      }
      int dash = item.indexOf('-');
      int first = Integer.parseInt(item.substring(0, dash < 0 ? item.length() : dash).trim());
      int last = dash < 0 ? first : Integer.parseInt(item.substring(dash + 1).trim());
      for (int port = Math.max(first, low); port <= Math.min(last, high); port++) {
        reserved.set(port - low);
      }
    }
    return reserved;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
