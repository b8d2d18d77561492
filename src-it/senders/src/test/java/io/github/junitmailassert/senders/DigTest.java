package io.github.junitmailassert.senders;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.mail.DnsEndpoint;
import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.dkim.DkimAlgorithm;
import io.github.junitmailassert.dkim.DkimKeyPair;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.senders.support.RequiresTool;
import io.github.junitmailassert.senders.support.Tools;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * ISC's {@code dig}, a DNS client nobody here wrote, asking the extension's loopback DNS server
 * over UDP, and over TCP when the answer does not fit.
 */
@MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", clientHostName = "mail.sample.co.jp",
    spf = "v=spf1 ip4:203.0.113.25 -all")
@RequiresTool(value = "dig", packages = "dnsutils")
class DigTest {

  @Test
  void should_resolve_the_sending_host_forward_and_back_when_clientHostName_is_declared(DnsEndpoint dns) {
    assertThat(dig(dns, "+short", "mail.sample.co.jp", "A")).isEqualTo("203.0.113.25\n");
    assertThat(dig(dns, "+short", "-x", "203.0.113.25")).isEqualTo("mail.sample.co.jp.\n");
  }

  @Test
  void should_answer_the_SPF_record_as_TXT_when_spf_is_declared(DnsEndpoint dns) {
    assertThat(dig(dns, "+short", "sample.co.jp", "TXT")).isEqualTo("\"v=spf1 ip4:203.0.113.25 -all\"\n");
  }

  @Test
  void should_answer_a_DKIM_key_as_one_record_of_several_strings_when_it_is_longer_than_255_characters(DnsEndpoint dns, DnsZone zone) {
    // GIVEN a 2048-bit key: its record is longer than one DNS string (255 characters)
    DkimKeyPair key = DkimKeyPair.publishedIn(zone, "mail", "sample.co.jp", DkimAlgorithm.RSA_SHA256);

    // WHEN
    String answer = dig(dns, "+short", "mail._domainkey.sample.co.jp", "TXT");

    // THEN
    assertThat(key.publicKeyRecord()).hasSizeGreaterThan(255);
    assertThat(answer).isEqualTo(quotedStrings(chunks(key.publicKeyRecord(), 255)) + "\n");
  }

  @Test
  void should_answer_over_TCP_when_the_record_does_not_fit_in_UDP(DnsEndpoint dns, DnsZone zone) {
    // GIVEN a TXT record of 1 500 characters: more than dig's EDNS buffer of 1 232 bytes
    List<String> strings = List.of("a", "b", "c", "d", "e", "f").stream().map(c -> c.repeat(250))
        .collect(Collectors.toList());
    zone.txt("big.sample.co.jp", strings.toArray(String[]::new));

    // WHEN
    String output = dig(dns, "big.sample.co.jp", "TXT");

    // THEN the UDP answer came back truncated, and dig got the whole record over TCP, with the
    // server's own OPT record (RFC 6891: an EDNS query gets an EDNS answer)
    assertThat(output).startsWith(";; Truncated, retrying in TCP mode.\n")
        .contains(";; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n")
        .contains("; EDNS: version: 0, flags:; udp: 4096\n")
        .contains("\nbig.sample.co.jp.\t300\tIN\tTXT\t" + quotedStrings(strings) + "\n")
        .contains(";; SERVER: " + dns.host() + "#" + dns.port() + "(" + dns.host() + ") (TCP)\n");
  }

  @Test
  void should_answer_NXDOMAIN_with_the_zone_s_SOA_for_a_name_that_does_not_exist(DnsEndpoint dns) {
    String output = dig(dns, "nothing.sample.co.jp", "A");

    assertThat(output).contains(", status: NXDOMAIN, ")
        .contains(";; flags: qr aa rd; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1\n")
        .contains("\nsample.co.jp.\t\t300\tIN\tSOA\tns.sample.co.jp. hostmaster.sample.co.jp. 1 3600 600 86400 300\n")
        .contains(";; SERVER: " + dns.host() + "#" + dns.port() + "(" + dns.host() + ") (UDP)\n");
  }

  /** One try, five seconds: a server that does not answer fails the test quickly. */
  private static String dig(DnsEndpoint dns, String... query) {
    List<String> command = new ArrayList<>(List.of(Tools.path("dig"), "@" + dns.host(), "-p",
        Integer.toString(dns.port()), "+time=5", "+tries=1"));
    command.addAll(List.of(query));
    return Tools.run(new byte[0], command).stdout();
  }

  private static List<String> chunks(String text, int size) {
    List<String> chunks = new ArrayList<>();
    for (int i = 0; i < text.length(); i += size) {
      chunks.add(text.substring(i, Math.min(text.length(), i + size)));
    }
    return chunks;
  }

  private static String quotedStrings(List<String> strings) {
    return strings.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(" "));
  }
}
