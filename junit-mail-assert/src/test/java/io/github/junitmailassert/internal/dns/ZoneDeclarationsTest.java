package io.github.junitmailassert.internal.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.junitmailassert.dns.DnsZone;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** Declarations are parsed once; each test reads them through its own copy-on-write zone. */
class ZoneDeclarationsTest {

  @TempDir
  Path dir;

  @Test
  void should_parse_equal_declarations_once() {
    ZoneSnapshot first = declarations(List.of("once IN TXT \"a\""), List.of()).snapshot();
    ZoneSnapshot second = declarations(List.of("once IN TXT \"a\""), List.of()).snapshot();

    assertThat(second).isSameAs(first);
  }

  @Test
  void should_never_share_between_different_declarations() {
    ZoneSnapshot a = declarations(List.of("own IN TXT \"a\""), List.of()).snapshot();
    ZoneSnapshot b = declarations(List.of("own IN TXT \"b\""), List.of()).snapshot();

    assertThat(b).isNotSameAs(a);
    assertThat(txt(a.newZone(), "own.declared.example")).containsExactly("a");
    assertThat(txt(b.newZone(), "own.declared.example")).containsExactly("b");
  }

  @Test
  void should_parse_a_zone_file_again_when_it_changes() throws IOException {
    Path file = Files.writeString(dir.resolve("example.zone"), "file IN TXT \"first\"\n");
    ZoneDeclarations declared = declarations(List.of(), List.of(file.toString()));
    ZoneSnapshot before = declared.snapshot();

    Files.writeString(file, "file IN TXT \"second, longer\"\n");
    ZoneSnapshot after = declared.snapshot();

    assertThat(after).isNotSameAs(before);
    assertThat(txt(after.newZone(), "file.declared.example")).containsExactly("\"second, longer\"");
  }

  @Test
  void should_parse_a_class_path_zone_file_once_for_all_declarations() {
    ZoneSnapshot a = declarations(List.of("a IN TXT \"a\""), List.of("classpath:zones/sample.zone")).snapshot();
    ZoneSnapshot b = declarations(List.of("b IN TXT \"b\""), List.of("classpath:zones/sample.zone")).snapshot();

    Name mail = Name.fromConstantString("mail.declared.example.");
    assertThat(b).isNotSameAs(a);
    assertThat(b.at(mail).get(0)).isSameAs(a.at(mail).get(0));
  }

  @Test
  void should_keep_each_zones_changes_its_own_and_restore_the_declared_records() {
    ZoneSnapshot declared = declarations(List.of("shared IN A 192.0.2.1"), List.of()).snapshot();
    DnsZone one = declared.newZone();
    DnsZone other = declared.newZone();

    one.a("shared.declared.example", "192.0.2.2").a("new.declared.example", "192.0.2.3").timeout("slow.declared.example");

    assertThat(a(one, "shared.declared.example")).containsExactly("192.0.2.1", "192.0.2.2");
    assertThat(a(other, "shared.declared.example")).containsExactly("192.0.2.1");
    assertThat(other.lookup("new.declared.example", Type.A).status().name()).isEqualTo("NXDOMAIN");
    assertThat(a(declared.newZone(), "shared.declared.example")).containsExactly("192.0.2.1");

    declared.restore(one);

    assertThat(a(one, "shared.declared.example")).containsExactly("192.0.2.1");
    assertThat(one.lookup("new.declared.example", Type.A).status().name()).isEqualTo("NXDOMAIN");
    assertThat(one.lookup("slow.declared.example", Type.A).status().name()).isEqualTo("NXDOMAIN");
    assertThat(one.clear().records()).isEmpty();
  }

  @Test
  void should_keep_parallel_tests_of_one_class_apart_through_their_dns_servers() throws Exception {
    // GIVEN four tests of one class, started together, each with its zone and server (as MailEnvironment
    // makes them) adding its own record at a declared name
    ZoneDeclarations declared = declarations(List.of("mx IN A 192.0.2.1"), List.of());
    int tests = 4;
    CyclicBarrier together = new CyclicBarrier(tests);
    ExecutorService pool = Executors.newFixedThreadPool(tests);
    try {
      List<Future<List<String>>> seen = new ArrayList<>();
      for (int i = 0; i < tests; i++) {
        String own = "192.0.2." + (10 + i);
        seen.add(pool.submit(() -> {
          DnsZone zone = declared.snapshot().newZone();
          try (LoopbackDnsServer server = LoopbackDnsServer.start(zone, InetAddress.getLoopbackAddress())) {
            together.await(10, TimeUnit.SECONDS);
            zone.a("mx.declared.example", own);
            together.await(10, TimeUnit.SECONDS); // every test has added its record
            return answer(server, "mx.declared.example");
          }
        }));
      }
      // THEN each sees the declared record and its own, over the wire
      for (int i = 0; i < tests; i++) {
        assertThat(seen.get(i).get(30, TimeUnit.SECONDS)).containsExactly("192.0.2.1", "192.0.2." + (10 + i));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void should_reset_a_shared_zone_to_the_declared_records_over_the_wire() throws IOException {
    // As MailEnvironment.reset() does before each test of a per-class environment
    ZoneSnapshot declared = declarations(List.of("mx IN A 192.0.2.1"), List.of()).snapshot();
    DnsZone zone = declared.newZone();
    try (LoopbackDnsServer server = LoopbackDnsServer.start(zone, InetAddress.getLoopbackAddress())) {
      zone.a("mx.declared.example", "192.0.2.2").a("added.declared.example", "192.0.2.3");

      declared.restore(zone);

      assertThat(answer(server, "mx.declared.example")).containsExactly("192.0.2.1");
      assertThat(resolver(server).send(query("added.declared.example")).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }
  }

  @Test
  void should_add_many_records_at_one_name_in_linear_time() {
    // Before: a copy of the whole list per record, 5 * 10^9 reference copies for these (11 s of CPU);
    // now about half a second. CPU time of this thread, so that a loaded machine does not count.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isCurrentThreadCpuTimeSupported(), "this JVM cannot measure a thread's CPU time");
    DnsZone zone = DnsZone.create();
    Name owner = Name.fromConstantString("many.example.");
    long start = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < 100_000; i++) {
      zone.add(new ARecord(owner, DClass.IN, 300, IpLiterals.parseIpv4("10.0." + (i >> 8 & 0xff) + "." + (i & 0xff))
          .orElseThrow()));
    }
    Duration took = Duration.ofNanos(threads.getCurrentThreadCpuTime() - start);

    assertThat(zone.lookup(owner, Type.A).records()).hasSize(100_000);
    assertThat(took).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void should_report_a_broken_declaration_to_every_test_that_declares_it() {
    ZoneDeclarations broken = declarations(List.of("mail IN A not-an-address"), List.of());

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(broken::snapshot).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("DNS record \"mail IN A not-an-address\" cannot be parsed: ");
    }
  }

  // ---------------------------------------------------------------- helpers

  private static ZoneDeclarations declarations(List<String> records, List<String> zoneFiles) {
    return new ZoneDeclarations("declared.example", "", "", "v=spf1 -all", "", records, zoneFiles, "");
  }

  private static List<String> answer(LoopbackDnsServer server, String name) throws IOException {
    Message answer = resolver(server).send(query(name));
    return answer.getSection(Section.ANSWER).stream().map(Record::rdataToString).toList();
  }

  private static Message query(String name) throws IOException {
    return Message.newQuery(Record.newRecord(Name.fromString(name + "."), Type.A, DClass.IN));
  }

  private static List<String> a(DnsZone zone, String name) {
    return zone.lookup(name, Type.A).records().stream().map(Record::rdataToString).toList();
  }

  private static List<String> txt(DnsZone zone, String name) {
    return zone.lookup(name, Type.TXT).records().stream().map(Record::rdataToString).toList();
  }

  private static SimpleResolver resolver(LoopbackDnsServer server) {
    SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(server.address(), server.port()));
    resolver.setTimeout(Duration.ofSeconds(5));
    return resolver;
  }
}
