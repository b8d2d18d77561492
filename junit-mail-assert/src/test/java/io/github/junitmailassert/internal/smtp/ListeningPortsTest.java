package io.github.junitmailassert.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real binds on loopback. The small ranges lie below Linux's ephemeral range (32768 up, unless
 * changed), where neither the OS nor this JVM's other capture servers pick ports while these tests
 * run; a test whose range this machine's covers is skipped.
 */
class ListeningPortsTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Test
  void should_hand_out_every_port_of_its_range_once_before_any_again() throws IOException {
    // GIVEN a range of 100 ports
    ListeningPorts ports = ports(30_100, 30_199, new BitSet(), new SplittableRandom(7));
    // WHEN servers listen and close, one after another, 250 times
    List<Integer> taken = bindAndClose(ports, 250);
    // THEN the first 100 are the whole range, and the next ones repeat them in the same order
    assertThat(new HashSet<>(taken.subList(0, 100))).isEqualTo(range(30_100, 30_199));
    assertThat(taken.subList(100, 200)).isEqualTo(taken.subList(0, 100));
    assertThat(taken.subList(200, 250)).isEqualTo(taken.subList(0, 50));
  }

  @Test
  @Timeout(10) // a stride that is never prime to the size would loop for ever
  void should_go_through_ranges_of_every_small_size_whatever_the_stride_drawn() throws IOException {
    for (int size = 1; size <= 40; size++) {
      for (int seed = 1; seed <= 3; seed++) {
        ListeningPorts ports = ports(31_000, 31_000 + size - 1, new BitSet(), new SplittableRandom(seed));
        assertThat(new HashSet<>(bindAndClose(ports, size))).as("size %d, seed %d", size, seed)
            .isEqualTo(range(31_000, 31_000 + size - 1));
      }
    }
  }

  @Test
  void should_walk_the_range_in_another_order_in_each_jvm() throws IOException {
    // WHEN two orders are drawn, as two JVMs on one machine would draw them
    List<Integer> one = bindAndClose(ports(30_200, 30_299, new BitSet(), new SplittableRandom(1)), 20);
    List<Integer> other = bindAndClose(ports(30_200, 30_299, new BitSet(), new SplittableRandom(2)), 20);
    // THEN each steps by a stride of its own, and neither walks port by port
    assertThat(steps(one, 100)).hasSize(1).doesNotContain(1, 99);
    assertThat(steps(other, 100)).hasSize(1).doesNotContain(1, 99);
    assertThat(steps(one, 100)).isNotEqualTo(steps(other, 100));
  }

  @Test
  void should_pass_over_a_port_another_socket_holds_and_a_reserved_one() throws IOException {
    BitSet reserved = ListeningPorts.reserved("30310", 30_300, 30_349);
    try (ServerSocket held = new ServerSocket(30_320, 50, LOOPBACK)) {
      // GIVEN a range of 50 ports, one of them reserved and one held by another socket
      ListeningPorts ports = ports(30_300, 30_349, reserved, new SplittableRandom(3));
      // WHEN servers listen and close until the range has gone round once
      List<Integer> taken = bindAndClose(ports, 48);
      // THEN they got every other port, each once
      Set<Integer> expected = range(30_300, 30_349);
      expected.removeAll(Set.of(30_310, held.getLocalPort()));
      assertThat(new HashSet<>(taken)).hasSize(48).isEqualTo(expected);
    }
  }

  @Test
  void should_name_the_address_and_range_when_every_port_is_taken() throws IOException {
    List<ServerSocket> held = new ArrayList<>();
    try {
      // GIVEN a range of 5 ports, all of them held by other sockets
      for (int port = 30_400; port <= 30_404; port++) {
        held.add(new ServerSocket(port, 50, LOOPBACK));
      }
      ListeningPorts ports = ports(30_400, 30_404, new BitSet(), new SplittableRandom(4));
      // WHEN a server asks for a port THEN the error says where it looked, and the OS's last answer
      assertThatThrownBy(() -> ports.bind(LOOPBACK))
          .isInstanceOf(BindException.class)
          .hasMessageStartingWith("no port to listen on at 127.0.0.1 in 30400-30404: ")
          .satisfies(e -> assertThat(e.getMessage()).endsWith(": " + e.getCause().getMessage()))
          .hasCauseInstanceOf(BindException.class);
    } finally {
      for (ServerSocket socket : held) {
        socket.close();
      }
    }
  }

  @Test
  void should_stop_and_say_so_when_every_port_of_the_range_is_reserved() {
    BitSet reserved = ListeningPorts.reserved("30500-30509", 30_500, 30_509);
    ListeningPorts ports = ports(30_500, 30_509, reserved, new SplittableRandom(5));
    assertThatThrownBy(() -> ports.bind(LOOPBACK))
        .isInstanceOf(BindException.class)
        .hasMessage("no port to listen on at 127.0.0.1 in 30500-30509: every port of it is reserved");
  }

  @Test
  void should_refuse_at_once_an_address_that_is_not_this_machine_s() throws Exception {
    Path nonlocalBind = Path.of("/proc/sys/net/ipv4/ip_nonlocal_bind");
    if (Files.isReadable(nonlocalBind)) {
      try (InputStream in = Files.newInputStream(nonlocalBind)) {
        assumeFalse(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().equals("1"),
            "net.ipv4.ip_nonlocal_bind is 1 on this machine: any address binds");
      }
    }
    InetAddress elsewhere = InetAddress.getByName("192.0.2.1"); // TEST-NET-1 (RFC 5737), on no machine's interface
    assertThatThrownBy(() -> ListeningPorts.EPHEMERAL.bind(elsewhere))
        .isInstanceOf(BindException.class)
        .hasMessageStartingWith("192.0.2.1 is not an address of this machine: a capture server cannot listen on it (")
        .hasCauseInstanceOf(BindException.class);
  }

  @Test
  void should_read_linux_reserved_ports_as_offsets_into_the_range() {
    assertThat(ListeningPorts.reserved("8080,30100-30102, 30150,65000-65535\n", 30_100, 30_199))
        .isEqualTo(bits(0, 1, 2, 50));
    assertThat(ListeningPorts.reserved("\n", 30_100, 30_199)).isEqualTo(new BitSet());
  }

  @Test
  void should_walk_linux_s_ephemeral_range_as_the_machine_sets_it() throws IOException {
    Path file = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    assumeTrue(Files.isReadable(file), "not Linux: no " + file + " (the range is IANA's 49152-65535 there)");
    String[] range;
    try (InputStream in = Files.newInputStream(file)) {
      range = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
    }
    assertThat(ListeningPorts.EPHEMERAL.range()).isEqualTo(range[0] + "-" + range[1]);
  }

  /**
   * An order over the OS's whole ephemeral range, as this JVM's servers walk it (an order of its
   * own, so as not to use up the servers' one): 8,000 servers in a row get 8,000 ports. With port
   * 0, Linux 6 offers about 7,000 in all and then repeats them.
   */
  @Test
  void should_give_eight_thousand_servers_in_a_row_eight_thousand_ports() throws IOException {
    String[] range = ListeningPorts.EPHEMERAL.range().split("-");
    assumeTrue(Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1 >= 8_000,
        "this machine's ephemeral range " + ListeningPorts.EPHEMERAL.range() + " has fewer than 8,000 ports");
    List<Integer> taken = bindAndClose(ListeningPorts.ephemeral(), 8_000);
    assertThat(new HashSet<>(taken)).hasSize(8_000);
  }

  /** An order over a small range of the test's own, apart from the range this JVM's servers walk. */
  private static ListeningPorts ports(int low, int high, BitSet reserved, SplittableRandom random) {
    String[] walked = ListeningPorts.EPHEMERAL.range().split("-");
    assumeTrue(Integer.parseInt(walked[0]) > high || Integer.parseInt(walked[1]) < low,
        "this machine's ephemeral range " + ListeningPorts.EPHEMERAL.range() + " covers " + low + "-" + high);
    return new ListeningPorts(low, high, reserved, random);
  }

  private static List<Integer> bindAndClose(ListeningPorts ports, int times) throws IOException {
    List<Integer> taken = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      try (ServerSocket socket = ports.bind(LOOPBACK)) {
        taken.add(socket.getLocalPort());
      }
    }
    return taken;
  }

  /** The distinct steps, modulo the range's size, from each port of {@code order} to the next. */
  private static Set<Integer> steps(List<Integer> order, int size) {
    Set<Integer> steps = new HashSet<>();
    for (int i = 1; i < order.size(); i++) {
      steps.add(Math.floorMod(order.get(i) - order.get(i - 1), size));
    }
    return steps;
  }

  private static Set<Integer> range(int low, int high) {
    return IntStream.rangeClosed(low, high).boxed().collect(Collectors.toCollection(HashSet::new));
  }

  private static BitSet bits(int... set) {
    BitSet bits = new BitSet();
    for (int bit : set) {
      bits.set(bit);
    }
    return bits;
  }
}
