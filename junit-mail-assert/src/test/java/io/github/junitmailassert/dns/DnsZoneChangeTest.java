package io.github.junitmailassert.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitmailassert.internal.dns.DnsLookup;
import io.github.junitmailassert.internal.dns.LoopbackDnsServer;
import io.github.junitmailassert.internal.dns.ZoneDeclarations;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** Replacing, removing and resetting records, and TXT text as given, read back by a real DNS client over loopback. */
class DnsZoneChangeTest {

  private static final String SPF = "v=spf1 ip4:203.0.113.25 -all";

  /** The zone as the extension declares it: domain, SPF, DMARC, sending host and records. */
  private final DnsZone zone = new ZoneDeclarations("sample.co.jp", "203.0.113.25", "mail.sample.co.jp", SPF,
      "v=DMARC1; p=reject", List.of("@ IN MX 10 mail", "@ IN MX 20 backup", "@ IN TXT \"site-verification=abc\"",
          "*.wild IN A 192.0.2.9", "host.wild IN A 192.0.2.10"),
      List.of(), "").snapshot().newZone();
  private final LoopbackDnsServer server = LoopbackDnsServer.start(zone, InetAddress.getLoopbackAddress());
  private final SimpleResolver client = client(server);

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void should_replace_only_the_spf_record_and_keep_the_other_txt_records() throws IOException {
    zone.replaceSpf("sample.co.jp", "v=spf1 -all");

    assertThat(txt("sample.co.jp")).containsExactlyInAnyOrder("v=spf1 -all", "site-verification=abc");
  }

  @Test
  void should_remove_the_spf_record_and_keep_the_other_txt_records() throws IOException {
    zone.removeSpf("sample.co.jp");

    assertThat(txt("sample.co.jp")).containsExactly("site-verification=abc");
  }

  @Test
  void should_replace_and_remove_the_dmarc_record() throws IOException {
    zone.replaceDmarc("sample.co.jp", "v=DMARC1; p=none");
    assertThat(txt("_dmarc.sample.co.jp")).containsExactly("v=DMARC1; p=none");

    zone.removeDmarc("sample.co.jp");
    assertThat(ask("_dmarc.sample.co.jp", Type.TXT).getRcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void should_remove_one_type_at_a_name_and_answer_nodata_for_it() throws IOException {
    zone.remove("sample.co.jp", Type.MX);

    Message mx = ask("sample.co.jp", Type.MX);
    assertThat(mx.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(mx.getSection(Section.ANSWER)).isEmpty();
    assertThat(txt("sample.co.jp")).hasSize(2); // the other types stay
  }

  @Test
  void should_answer_nxdomain_for_a_name_whose_records_were_all_removed() throws IOException {
    zone.remove("mail.sample.co.jp");
    assertThat(ask("mail.sample.co.jp", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);

    // a removed name no longer exists, so the wildcard above it answers for it again
    zone.remove("host.wild.sample.co.jp");
    assertThat(ask("host.wild.sample.co.jp", Type.A).getSection(Section.ANSWER)).extracting(Record::rdataToString)
        .containsExactly("192.0.2.9");
  }

  @Test
  void should_answer_from_a_wildcard_that_a_replacement_wrote_into_a_zone_that_had_none() throws IOException {
    // Each way of replacing, on a zone of its own: one that has answered a name without records before
    DnsZone byLines = DnsZone.create().records("sample.co.jp", "@ IN TXT \"apex\"");
    DnsZone byRecord = DnsZone.create().records("sample.co.jp", "@ IN TXT \"apex\"");
    for (DnsZone plain : List.of(byLines, byRecord)) {
      try (LoopbackDnsServer own = LoopbackDnsServer.start(plain, InetAddress.getLoopbackAddress())) {
        SimpleResolver resolver = client(own);
        Message query = Message.newQuery(Record.newRecord(Name.fromString("any.sample.co.jp."), Type.TXT, DClass.IN));
        assertThat(resolver.send(query).getRcode()).isEqualTo(Rcode.NXDOMAIN);

        if (plain == byLines) {
          plain.replaceRecords("sample.co.jp", "* IN TXT \"wild\"");
        } else {
          plain.replace(new TXTRecord(Name.fromString("*.sample.co.jp."), DClass.IN, 300, "wild"));
        }

        assertThat(resolver.send(query).getSection(Section.ANSWER)).extracting(r -> ((TXTRecord) r).getStrings())
            .containsExactly(List.of("wild"));
      }
    }
  }

  @Test
  void should_replace_the_records_of_each_name_and_type_given() throws IOException {
    zone.replaceRecords("sample.co.jp", "@ IN MX 30 mx1", "@ IN MX 40 mx2", "new IN A 198.51.100.1");
    assertThat(ask("sample.co.jp", Type.MX).getSection(Section.ANSWER)).extracting(Record::rdataToString)
        .containsExactlyInAnyOrder("30 mx1.sample.co.jp.", "40 mx2.sample.co.jp.");
    assertThat(ask("new.sample.co.jp", Type.A).getSection(Section.ANSWER)).extracting(Record::rdataToString)
        .containsExactly("198.51.100.1");

    zone.replace(new MXRecord(Name.fromString("sample.co.jp."), DClass.IN, 300, 5, Name.fromString("only.example.")));
    assertThat(ask("sample.co.jp", Type.MX).getSection(Section.ANSWER)).extracting(Record::rdataToString)
        .containsExactly("5 only.example.");
    assertThat(txt("sample.co.jp")).hasSize(2);
  }

  @Test
  void should_name_the_line_of_a_replacing_record_that_cannot_be_parsed() {
    assertThatThrownBy(() -> zone.replaceRecords("sample.co.jp", "@ IN MX ten mail"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("DNS record \"@ IN MX ten mail\" cannot be parsed: ");
  }

  @Test
  void should_reset_to_exactly_what_was_declared_after_changes_and_after_clear() throws IOException {
    Set<String> declared = texts(zone.records());
    zone.replaceSpf("sample.co.jp", "v=spf1 -all").remove("mail.sample.co.jp").a("added.sample.co.jp", "198.51.100.2")
        .timeout("slow.sample.co.jp");

    zone.reset();

    assertThat(texts(zone.records())).isEqualTo(declared);
    assertThat(txt("sample.co.jp")).containsExactlyInAnyOrder(SPF, "site-verification=abc");
    assertThat(ask("mail.sample.co.jp", Type.A).getSection(Section.ANSWER)).extracting(Record::rdataToString)
        .containsExactly("203.0.113.25");
    assertThat(ask("added.sample.co.jp", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(ask("slow.sample.co.jp", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);

    // clear() drops the declared records too (SOA, the sending host's A and PTR); reset() brings them back
    zone.clear();
    assertThat(zone.records()).isEmpty();
    assertThat(ask("25.113.0.203.in-addr.arpa", Type.PTR).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    zone.reset();
    assertThat(texts(zone.records())).isEqualTo(declared);
    assertThat(ask("25.113.0.203.in-addr.arpa", Type.PTR).getSection(Section.ANSWER))
        .extracting(Record::rdataToString).containsExactly("mail.sample.co.jp.");
  }

  @Test
  void should_reset_a_zone_made_in_code_to_empty() {
    DnsZone made = DnsZone.create().a("a.example", "192.0.2.1");
    assertThat(made.reset().records()).isEmpty();
  }

  @Test
  void should_store_txt_strings_as_given_backslashes_and_quotes_included() throws IOException {
    zone.txt("text.sample.co.jp", "a\\b \"quoted\" \\065");

    TXTRecord answer = (TXTRecord) ask("text.sample.co.jp", Type.TXT).getSection(Section.ANSWER).get(0);
    assertThat(answer.getStringsAsByteArrays()).extracting(b -> new String(b, StandardCharsets.UTF_8))
        .containsExactly("a\\b \"quoted\" \\065");
    assertThat(txtInProcess("text.sample.co.jp")).containsExactly("a\\b \"quoted\" \\065");
  }

  @Test
  void should_read_zone_file_escapes_in_records_but_not_in_txt() throws IOException {
    zone.records("sample.co.jp", "escaped IN TXT \"a\\\\b \\065\"");

    assertThat(txt("escaped.sample.co.jp")).containsExactly("a\\b A");
  }

  @Test
  void should_store_utf8_text_and_split_long_text_between_characters() throws IOException {
    String longText = "é".repeat(200); // 400 bytes: two character-strings, neither ending inside a character
    zone.txt("utf8.sample.co.jp", "日本語").txt("long.sample.co.jp", longText);

    assertThat(txt("utf8.sample.co.jp")).containsExactly("日本語");
    TXTRecord split = (TXTRecord) ask("long.sample.co.jp", Type.TXT).getSection(Section.ANSWER).get(0);
    assertThat(split.getStringsAsByteArrays()).extracting(b -> b.length).containsExactly(254, 146);
    assertThat(txt("long.sample.co.jp")).containsExactly(longText);
  }

  @Test
  void should_publish_an_empty_txt_record() throws IOException {
    zone.txt("empty.sample.co.jp", "");

    List<Record> answer = ask("empty.sample.co.jp", Type.TXT).getSection(Section.ANSWER);
    assertThat(answer).hasSize(1);
    assertThat(((TXTRecord) answer.get(0)).getStringsAsByteArrays()).singleElement()
        .satisfies(b -> assertThat(b).isEmpty());
    assertThat(answer.get(0).rdataToString()).isEqualTo("\"\"");
    assertThatThrownBy(() -> zone.txt("none.sample.co.jp"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a TXT record needs at least one string (txt(name, \"\") publishes an empty one)");
  }

  @Test
  void should_append_and_replace_many_records_at_one_name() throws IOException {
    for (int i = 0; i < 2_000; i++) {
      zone.a("many.sample.co.jp", "10.0." + (i / 250) + "." + (i % 250));
    }
    assertThat(new DnsLookup(zone.resolver()).lookup("many.sample.co.jp", Type.A).records()).hasSize(2_000);

    zone.replaceRecords("sample.co.jp", "many IN A 192.0.2.1");
    assertThat(ask("many.sample.co.jp", Type.A).getSection(Section.ANSWER)).extracting(Record::rdataToString)
        .containsExactly("192.0.2.1");
  }

  // ---------------------------------------------------------------- helpers

  private List<String> txt(String name) throws IOException {
    List<String> texts = new ArrayList<>();
    for (Record r : ask(name, Type.TXT).getSection(Section.ANSWER)) {
      StringBuilder text = new StringBuilder();
      ((TXTRecord) r).getStringsAsByteArrays().forEach(b -> text.append(new String(b, StandardCharsets.UTF_8)));
      texts.add(text.toString());
    }
    return texts;
  }

  private List<String> txtInProcess(String name) {
    DnsLookup dns = new DnsLookup(zone.resolver());
    return dns.txtStrings(dns.lookup(name, Type.TXT));
  }

  private Message ask(String name, int type) throws IOException {
    return client.send(Message.newQuery(Record.newRecord(Name.fromString(name + "."), type, DClass.IN)));
  }

  private static Set<String> texts(List<Record> records) {
    Set<String> texts = new HashSet<>();
    records.forEach(r -> texts.add(r.toString()));
    return texts;
  }

  private static SimpleResolver client(LoopbackDnsServer server) {
    SimpleResolver resolver = new SimpleResolver(server.address());
    resolver.setPort(server.port());
    resolver.setTimeout(Duration.ofSeconds(5));
    return resolver;
  }
}
