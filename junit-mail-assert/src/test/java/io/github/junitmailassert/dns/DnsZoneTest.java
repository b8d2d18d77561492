package io.github.junitmailassert.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitmailassert.internal.dns.DnsLookup;
import io.github.junitmailassert.internal.dns.LoopbackDnsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class DnsZoneTest {

  private final DnsZone zone = DnsZone.create()
      .soa("sample.co.jp")
      .a("mail.sample.co.jp", "203.0.113.25")
      .ptr("203.0.113.25", "mail.sample.co.jp")
      .txt("sample.co.jp", "v=spf1 ip4:203.0.113.25 -all")
      .cname("www.sample.co.jp", "mail.sample.co.jp")
      .a("*.wild.sample.co.jp", "192.0.2.9")
      .timeout("slow.sample.co.jp")
      .servfail("broken.sample.co.jp");

  @Test
  void should_answer_records_nodata_and_nxdomain_in_process() {
    DnsLookup dns = new DnsLookup(zone.resolver());

    assertThat(dns.lookup("mail.sample.co.jp", Type.A).records()).extracting(Record::rdataToString)
        .containsExactly("203.0.113.25");
    assertThat(dns.lookup("25.113.0.203.in-addr.arpa", Type.PTR).records()).extracting(Record::rdataToString)
        .containsExactly("mail.sample.co.jp.");
    assertThat(dns.lookup("mail.sample.co.jp", Type.MX).status()).isEqualTo(DnsAnswer.Status.NODATA);
    assertThat(dns.lookup("co.jp", Type.A).status()).isEqualTo(DnsAnswer.Status.NODATA); // empty non-terminal
    assertThat(dns.lookup("nowhere.sample.co.jp", Type.A).status()).isEqualTo(DnsAnswer.Status.NXDOMAIN);
    assertThat(dns.lookup("www.sample.co.jp", Type.A).records()).extracting(Record::rdataToString)
        .containsExactly("203.0.113.25");
    assertThat(dns.lookup("x.y.wild.sample.co.jp", Type.A).records()).extracting(Record::rdataToString)
        .containsExactly("192.0.2.9");
    assertThat(dns.lookup("slow.sample.co.jp", Type.A)).isEqualTo(DnsAnswer.temperror("timed out"));
    assertThat(dns.lookup("broken.sample.co.jp", Type.TXT)).isEqualTo(DnsAnswer.temperror("SERVFAIL"));
  }

  @Test
  void should_fail_fast_with_a_timeout_exception_through_the_resolver_interface() {
    assertThatThrownBy(() -> zone.resolver().send(query("slow.sample.co.jp", Type.A)))
        .isInstanceOf(SocketTimeoutException.class)
        .hasMessage("the fake zone simulates a timeout for slow.sample.co.jp.");
  }

  @Test
  void should_join_multi_string_txt_records_and_split_long_ones() {
    String longRecord = "v=spf1 " + "ip4:192.0.2.1 ".repeat(30) + "-all";
    zone.txt("long.sample.co.jp", longRecord).txt("multi.sample.co.jp", "v=spf1 ", "-all");
    DnsLookup dns = new DnsLookup(zone.resolver());

    assertThat(dns.txtStrings(dns.lookup("long.sample.co.jp", Type.TXT))).containsExactly(longRecord);
    assertThat(dns.txtStrings(dns.lookup("multi.sample.co.jp", Type.TXT))).containsExactly("v=spf1 -all");
  }

  @Test
  void should_serve_a_real_dns_client_over_udp_and_fall_back_to_tcp_for_large_answers() throws IOException {
    for (int i = 0; i < 20; i++) {
      zone.txt("big.sample.co.jp", "record number " + i + " " + "x".repeat(60));
    }
    try (LoopbackDnsServer server = LoopbackDnsServer.start(zone, InetAddress.getLoopbackAddress())) {
      SimpleResolver udp = new SimpleResolver(server.address());
      udp.setPort(server.port());
      udp.setTimeout(Duration.ofSeconds(2));

      Message small = udp.send(query("mail.sample.co.jp", Type.A));
      assertThat(small.getSection(Section.ANSWER)).extracting(Record::rdataToString).containsExactly("203.0.113.25");

      Message nx = udp.send(query("nowhere.sample.co.jp", Type.A));
      assertThat(nx.getRcode()).isEqualTo(Rcode.NXDOMAIN);
      assertThat(nx.getSection(Section.AUTHORITY)).extracting(Record::getType).containsExactly(Type.SOA);

      Message big = udp.send(query("big.sample.co.jp", Type.TXT)); // truncated over UDP, retried over TCP
      assertThat(big.getSection(Section.ANSWER)).hasSize(20).allMatch(r -> r instanceof TXTRecord);

      SimpleResolver tcp = new SimpleResolver(server.address());
      tcp.setPort(server.port());
      tcp.setTCP(true);
      assertThat(tcp.send(query("broken.sample.co.jp", Type.A)).getRcode()).isEqualTo(Rcode.SERVFAIL);

      udp.setTimeout(Duration.ofMillis(300));
      DnsAnswer silent = new DnsLookup(udp).lookup("slow.sample.co.jp", Type.A);
      assertThat(silent.status()).isEqualTo(DnsAnswer.Status.TEMPERROR);
    }
  }

  @Test
  void should_load_a_bind_zone_file(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("example.zone");
    Files.writeString(file, "$TTL 300\n@ IN A 198.51.100.7\nmail IN MX 10 mx.example.org.\n");
    DnsZone loaded = DnsZone.create().loadZoneFile(file, "example.org");
    DnsLookup dns = new DnsLookup(loaded.resolver());

    assertThat(dns.lookup("example.org", Type.A).records()).extracting(Record::rdataToString).containsExactly("198.51.100.7");
    assertThat(dns.lookup("mail.example.org", Type.MX).records()).extracting(Record::rdataToString)
        .containsExactly("10 mx.example.org.");
  }

  @Test
  void should_name_the_file_and_line_of_a_zone_file_error(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("broken.zone");
    Files.writeString(file, "$TTL 300\n@ IN A 198.51.100.7\nmail IN A not-an-address\n");

    assertThatThrownBy(() -> DnsZone.create().loadZoneFile(file, "example.org"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("zone file " + file + ":3:");
  }

  @Test
  void should_reject_bad_builder_input_with_a_clear_message() {
    assertThatThrownBy(() -> DnsZone.create().a("mail.example.org", "2001:db8::1"))
        .hasMessage("not an IPv4 address: \"2001:db8::1\"");
    assertThatThrownBy(() -> DnsZone.create().ptr("mail.example.org", "x"))
        .hasMessage("not an IPv4 or IPv6 address: \"mail.example.org\"");
    assertThatThrownBy(() -> DnsZone.create().a("h.example", "1.2.3")).hasMessage("not an IPv4 address: \"1.2.3\"");
    assertThatThrownBy(() -> DnsZone.create().a("h.example", "cafe")).hasMessage("not an IPv4 address: \"cafe\"");
    assertThatThrownBy(() -> DnsZone.create().txt("a..b", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a valid DNS name: \"a..b\"");
  }

  @Test
  void should_publish_internationalized_names_under_their_a_labels() {
    DnsZone idn = DnsZone.create().spf("例え.jp", "v=spf1 ip4:203.0.113.25 -all").sendingHost("メール.例え.jp", "203.0.113.25")
        .dmarc("例え.jp", "v=DMARC1; p=reject").dkimKeyRecord("sel", "例え.jp", "v=DKIM1; p=");
    assertThat(idn.records()).extracting(r -> r.getName().toString()).containsExactlyInAnyOrder("xn--r8jz45g.jp.",
        "xn--4dkua4c.xn--r8jz45g.jp.", "25.113.0.203.in-addr.arpa.", "_dmarc.xn--r8jz45g.jp.",
        "sel._domainkey.xn--r8jz45g.jp.");
    assertThat(idn.lookup("25.113.0.203.in-addr.arpa", Type.PTR).records()).extracting(Record::rdataToString)
        .containsExactly("xn--4dkua4c.xn--r8jz45g.jp.");
    DnsLookup dns = new DnsLookup(idn.resolver());
    assertThat(dns.txtStrings(dns.lookup("例え.jp", Type.TXT))).containsExactly("v=spf1 ip4:203.0.113.25 -all");
    assertThat(dns.txtStrings(dns.lookup("xn--r8jz45g.jp", Type.TXT))).containsExactly("v=spf1 ip4:203.0.113.25 -all");
    idn.replaceSpf("xn--r8jz45g.jp", "v=spf1 -all");
    assertThat(dns.txtStrings(dns.lookup("例え.jp", Type.TXT))).containsExactly("v=spf1 -all");
  }

  @Test
  void should_refuse_a_name_that_is_no_internationalized_domain_name_saying_why() {
    assertThatThrownBy(() -> DnsZone.create().a("a\u0378b.jp", "192.0.2.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a valid DNS name: \"a\u0378b.jp\" (not an internationalized domain name: An unassigned code"
            + " point was found in the input a\u0378b)");
    assertThatThrownBy(() -> DnsZone.create().spf("例".repeat(60) + ".jp", "v=spf1 -all"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a valid DNS name: \"" + "例".repeat(60) + ".jp\" (not an internationalized domain name:"
            + " The label in the input is too long)");
    assertThat(new DnsLookup(zone.resolver()).lookup("a\u0378b.jp", Type.A).status())
        .isEqualTo(DnsAnswer.Status.NXDOMAIN);
  }

  private static Message query(String name, int type) throws IOException {
    return Message.newQuery(Record.newRecord(Name.fromString(name + "."), type, DClass.IN));
  }
}
