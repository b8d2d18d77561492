package io.github.junitmailassert.internal.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitmailassert.dns.DnsZone;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

class LoopbackDnsServerTest {

  /** How long silence must last to count as no answer; answers on loopback take well under a millisecond. */
  private static final int SILENCE_MILLIS = 300;
  private static final int ANSWER_MILLIS = 5_000;

  private final DnsZone zone = DnsZone.create()
      .soa("sample.co.jp")
      .a("mail.sample.co.jp", "203.0.113.25");
  private final LoopbackDnsServer server = LoopbackDnsServer.start(zone, InetAddress.getLoopbackAddress());

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void should_not_answer_a_response_and_keep_answering_queries() throws IOException {
    // GIVEN a response: a query with QR set
    Message response = query("mail.sample.co.jp", Type.A);
    response.getHeader().setFlag(Flags.QR);

    try (DatagramSocket client = client()) {
      // WHEN
      send(client, response.toWire());
      // THEN
      assertThat(receive(client, SILENCE_MILLIS)).as("an answer to a response").isNull();
    }
    assertThat(resolver().send(query("mail.sample.co.jp", Type.A)).getSection(Section.ANSWER))
        .extracting(Record::rdataToString).containsExactly("203.0.113.25");
  }

  @Test
  void should_not_answer_its_own_answer_sent_back_to_it() throws IOException {
    // A packet spoofed from the server's own address makes it receive its own answers: each must end there.
    try (DatagramSocket client = client()) {
      send(client, query("mail.sample.co.jp", Type.A).toWire());
      byte[] own = receive(client, ANSWER_MILLIS);
      assertThat(own).isNotNull();

      send(client, own);

      assertThat(receive(client, SILENCE_MILLIS)).as("an answer to the server's own answer").isNull();
    }
  }

  @Test
  void should_not_answer_a_response_over_tcp_and_keep_the_connection() throws IOException {
    Message response = query("nowhere.sample.co.jp", Type.A);
    response.getHeader().setFlag(Flags.QR);
    Message query = query("mail.sample.co.jp", Type.A);

    try (Socket tcp = new Socket(server.address(), server.port())) {
      writeFramed(tcp, response.toWire());
      writeFramed(tcp, query.toWire());

      Message answer = new Message(readFramed(tcp));

      assertThat(answer.getHeader().getID()).as("the first answer's ID").isEqualTo(query.getHeader().getID());
      assertThat(answer.getSection(Section.ANSWER)).extracting(Record::rdataToString).containsExactly("203.0.113.25");
    }
  }

  @Test
  void should_answer_badvers_to_an_edns_version_it_does_not_implement() throws IOException {
    // GIVEN EDNS version 1 (RFC 6891 6.1.3)
    Message query = query("mail.sample.co.jp", Type.A);
    query.addRecord(new OPTRecord(1232, 0, 1, 0), Section.ADDITIONAL);

    // WHEN
    Message answer = exchangeUdp(query.toWire());

    // THEN
    assertThat(Rcode.string(answer.getRcode())).isEqualTo("BADVERS");
    assertThat(answer.getHeader().getRcode()).isZero();
    assertThat(answer.getOPT().getExtendedRcode()).isEqualTo(1);
    assertThat(answer.getOPT().getVersion()).isZero();
    assertThat(answer.getSection(Section.ANSWER)).isEmpty();
  }

  @Test
  void should_answer_edns_version_0_with_an_opt_record() throws IOException {
    Message query = query("mail.sample.co.jp", Type.A);
    query.addRecord(new OPTRecord(1232, 0, 0, 0), Section.ADDITIONAL);

    Message answer = exchangeUdp(query.toWire());

    assertThat(Rcode.string(answer.getRcode())).isEqualTo("NOERROR");
    assertThat(answer.getOPT().getVersion()).isZero();
    assertThat(answer.getSection(Section.ANSWER)).extracting(Record::rdataToString).containsExactly("203.0.113.25");
  }

  @Test
  void should_answer_formerr_to_two_opt_records() throws IOException {
    // GIVEN two OPT records (RFC 6891 6.1.1); dnsjava writes only one, so the second is appended by hand
    Message query = query("mail.sample.co.jp", Type.A);
    query.addRecord(new OPTRecord(1232, 0, 0, 0), Section.ADDITIONAL);
    byte[] one = query.toWire();
    byte[] second = new OPTRecord(512, 0, 0, 0).toWire(Section.ADDITIONAL);
    byte[] two = Arrays.copyOf(one, one.length + second.length);
    System.arraycopy(second, 0, two, one.length, second.length);
    two[11] = 2; // ARCOUNT

    // WHEN
    Message answer = exchangeUdp(two);

    // THEN
    assertThat(Rcode.string(answer.getRcode())).isEqualTo("FORMERR");
    assertThat(answer.getHeader().getID()).isEqualTo(query.getHeader().getID());
    assertThat(answer.getSection(Section.ANSWER)).isEmpty();
  }

  @Test
  void should_refuse_zone_transfers() throws IOException {
    Message axfr = query("sample.co.jp", Type.AXFR);
    Message ixfr = query("sample.co.jp", Type.IXFR);

    Message overTcp;
    try (Socket tcp = new Socket(server.address(), server.port())) {
      tcp.setSoTimeout(ANSWER_MILLIS);
      writeFramed(tcp, axfr.toWire());
      overTcp = new Message(readFramed(tcp));
    }
    Message overUdp = exchangeUdp(ixfr.toWire());

    assertThat(Rcode.string(overTcp.getRcode())).isEqualTo("REFUSED");
    assertThat(overTcp.getSection(Section.ANSWER)).isEmpty();
    assertThat(Rcode.string(overUdp.getRcode())).isEqualTo("REFUSED");
  }

  @Test
  void should_free_its_port_when_closed() throws IOException {
    int port = server.port();

    server.close();

    try (LoopbackDnsServer again = LoopbackDnsServer.start(zone, InetAddress.getLoopbackAddress(), port)) {
      assertThat(again.port()).isEqualTo(port);
      SimpleResolver resolver = new SimpleResolver(again.address());
      resolver.setPort(port);
      resolver.setTimeout(Duration.ofMillis(ANSWER_MILLIS));
      assertThat(resolver.send(query("mail.sample.co.jp", Type.A)).getRcode()).isEqualTo(Rcode.NOERROR);
    }
    assertThatThrownBy(() -> {
      try (DatagramSocket client = client()) {
        send(client, query("mail.sample.co.jp", Type.A).toWire());
        client.setSoTimeout(SILENCE_MILLIS);
        client.receive(new DatagramPacket(new byte[512], 512));
      }
    }).isInstanceOfAny(SocketTimeoutException.class, java.net.PortUnreachableException.class);
  }

  @Test
  void should_serve_every_server_from_one_io_thread_each_on_its_own_port() throws IOException {
    // A thread per server (two, before) cost more than the rest of a test's start.
    List<LoopbackDnsServer> servers = new ArrayList<>();
    try {
      for (int i = 0; i < 10; i++) {
        servers.add(LoopbackDnsServer.start(DnsZone.create().a("host.example", "192.0.2." + (i + 1)),
            InetAddress.getLoopbackAddress()));
      }
      long threads = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().startsWith("mail-assert-dns")).count();

      assertThat(threads).isEqualTo(1);
      assertThat(servers).extracting(LoopbackDnsServer::port).doesNotHaveDuplicates();
      servers.remove(0).close();
      for (int i = 0; i < servers.size(); i++) {
        SimpleResolver resolver = new SimpleResolver(servers.get(i).address());
        resolver.setPort(servers.get(i).port());
        resolver.setTimeout(Duration.ofMillis(ANSWER_MILLIS));
        assertThat(resolver.send(query("host.example", Type.A)).getSection(Section.ANSWER))
            .extracting(Record::rdataToString).containsExactly("192.0.2." + (i + 2));
      }
    } finally {
      servers.forEach(LoopbackDnsServer::close);
    }
  }

  // ---------------------------------------------------------------- helpers

  private SimpleResolver resolver() throws IOException {
    SimpleResolver resolver = new SimpleResolver(server.address());
    resolver.setPort(server.port());
    resolver.setTimeout(Duration.ofMillis(ANSWER_MILLIS));
    return resolver;
  }

  private DatagramSocket client() throws IOException {
    DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    socket.connect(server.address(), server.port());
    return socket;
  }

  private Message exchangeUdp(byte[] wire) throws IOException {
    try (DatagramSocket client = client()) {
      send(client, wire);
      byte[] answer = receive(client, ANSWER_MILLIS);
      assertThat(answer).as("an answer").isNotNull();
      return new Message(answer);
    }
  }

  private static void send(DatagramSocket socket, byte[] wire) throws IOException {
    socket.send(new DatagramPacket(wire, wire.length));
  }

  /** The next datagram within {@code millis}, or null when none came. */
  private static byte[] receive(DatagramSocket socket, int millis) throws IOException {
    DatagramPacket packet = new DatagramPacket(new byte[65535], 65535);
    socket.setSoTimeout(millis);
    try {
      socket.receive(packet);
    } catch (SocketTimeoutException e) {
      return null;
    }
    return Arrays.copyOf(packet.getData(), packet.getLength());
  }

  private static void writeFramed(Socket socket, byte[] wire) throws IOException {
    DataOutputStream out = new DataOutputStream(socket.getOutputStream());
    out.writeShort(wire.length);
    out.write(wire);
    out.flush();
  }

  private static byte[] readFramed(Socket socket) throws IOException {
    socket.setSoTimeout(ANSWER_MILLIS);
    DataInputStream in = new DataInputStream(socket.getInputStream());
    byte[] wire = new byte[in.readUnsignedShort()];
    in.readFully(wire);
    return wire;
  }

  private static Message query(String name, int type) throws IOException {
    return Message.newQuery(Record.newRecord(Name.fromString(name + "."), type, DClass.IN));
  }
}
