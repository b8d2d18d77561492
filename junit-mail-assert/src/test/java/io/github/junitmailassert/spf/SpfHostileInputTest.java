package io.github.junitmailassert.spf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.host.SendingHostResult;
import io.github.junitmailassert.host.SendingHostVerifier;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Random and hostile records end in a typed result within the limits: never an exception, a stack
 * overflow or a hang. Inputs are generated from fixed seeds, so a failure can be replayed.
 */
class SpfHostileInputTest {

  private static final Duration GUARD = Duration.ofSeconds(60);
  private static final String[] DOMAINS = {"d0.example", "d1.example", "d2.example", "d3.example", "d4.example",
      "d5.example", "d6.example", "d7.example"};

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** A TXT record holding exactly these bytes, split into strings of 255. */
  private static Record rawTxt(String owner, byte[] bytes) {
    java.io.ByteArrayOutputStream rdata = new java.io.ByteArrayOutputStream();
    int off = 0;
    do {
      int len = Math.min(255, bytes.length - off);
      rdata.write(len);
      rdata.write(bytes, off, len);
      off += len;
    } while (off < bytes.length);
    byte[] data = rdata.toByteArray();
    return Record.newRecord(Name.fromConstantString(owner + "."), Type.TXT, DClass.IN, 300, data.length, data);
  }

  private static void assertWellFormed(SpfResult r) {
    assertThat(r.code()).isNotNull();
    assertThat(r.dnsLookups()).isBetween(0, 11);
    if (r.code() == SpfResultCode.PERMERROR || r.code() == SpfResultCode.TEMPERROR) {
      assertThat(r.problem()).as("problem of %s", r).isNotEmpty();
    }
    assertThat(r.receivedSpf("mx.example.net")).startsWith("Received-SPF: " + r.code().keyword());
    assertThat(r.trace().size()).isLessThan(20_000);
  }

  @Test
  void should_end_in_a_result_for_records_of_random_bytes() {
    assertTimeoutPreemptively(GUARD, () -> {
      Random random = new Random(7208);
      int permerrors = 0;
      for (int i = 0; i < 2000; i++) {
        byte[] body = new byte[1 + random.nextInt(i % 10 == 0 ? 3000 : 120)];
        random.nextBytes(body);
        if (i % 2 == 0) { // printable half the time, so the parser gets past the first character
          for (int k = 0; k < body.length; k++) {
            body[k] = (byte) (0x20 + Math.floorMod(body[k], 0x5f));
          }
        }
        byte[] record = concat("v=spf1 ".getBytes(StandardCharsets.US_ASCII), body);
        DnsZone zone = DnsZone.create().add(rawTxt("random.example", record));
        SpfResult r = SpfVerifier.using(zone.resolver()).checkMailFrom(ip("192.0.2.1"), "x@random.example", "h.example");
        assertWellFormed(r);
        if (r.code() == SpfResultCode.PERMERROR) {
          permerrors++;
        }
        SpfLint.using(zone.resolver()).lint("random.example");
      }
      assertThat(permerrors).isGreaterThan(1500);
    });
  }

  @Test
  void should_stay_within_the_limits_for_generated_records_with_includes_redirects_and_macros() {
    assertTimeoutPreemptively(GUARD, () -> {
      Random random = new Random(4408);
      int[] seen = new int[SpfResultCode.values().length];
      for (int round = 0; round < 400; round++) {
        DnsZone zone = DnsZone.create();
        for (String d : DOMAINS) {
          if (random.nextInt(8) != 0) {
            zone.txt(d, randomRecord(random));
          }
          if (random.nextBoolean()) {
            zone.a(d, "192.0.2." + random.nextInt(4));
          }
          if (random.nextBoolean()) {
            zone.mx(d, 10, DOMAINS[random.nextInt(DOMAINS.length)]);
          }
          if (random.nextInt(10) == 0) {
            zone.timeout("t." + d);
          }
        }
        zone.ptr("192.0.2.1", DOMAINS[random.nextInt(DOMAINS.length)]);
        SpfVerifier verifier = SpfVerifier.using(zone.resolver());
        for (int c = 0; c < 5; c++) {
          InetAddress client = c % 2 == 0 ? ip("192.0.2." + random.nextInt(4)) : ip("2001:db8::" + random.nextInt(4));
          String local = random.nextInt(5) == 0 ? "a".repeat(random.nextInt(3000)) : "user" + c;
          SpfResult r = verifier.checkMailFrom(client, local + "@" + DOMAINS[random.nextInt(DOMAINS.length)],
              "helo" + c + ".example");
          assertWellFormed(r);
          seen[r.code().ordinal()]++;
        }
        SpfLintReport report = SpfLint.using(zone.resolver()).lint(DOMAINS[0]);
        assertThat(report.findings().size()).isLessThanOrEqualTo(200);
      }
      // The generator reaches every outcome, so the limits above were tested on all paths.
      assertThat(java.util.Arrays.stream(seen).boxed().toList()).as("results seen per code").allMatch(n -> n > 0);
    });
  }

  private static String randomRecord(Random random) {
    String[] qualifiers = {"", "+", "-", "~", "?"};
    String[] macros = {"%{s}", "%{l}", "%{o}", "%{d}", "%{i}", "%{p}", "%{v}", "%{h}", "%{d2}", "%{ir}", "%{l1r-}",
        "%{S}", "%%", "%_", "%-", "%{c}", "%{x}", "%"};
    StringBuilder sb = new StringBuilder("v=spf1");
    int terms = random.nextInt(12);
    for (int t = 0; t < terms; t++) {
      sb.append(' ').append(qualifiers[random.nextInt(qualifiers.length)]);
      String domain = DOMAINS[random.nextInt(DOMAINS.length)];
      switch (random.nextInt(12)) {
        case 0 -> sb.append("include:").append(domain);
        case 1 -> sb.append("a");
        case 2 -> sb.append("a:").append(domain).append(random.nextBoolean() ? "/" + random.nextInt(40) : "");
        case 3 -> sb.append("mx").append(random.nextBoolean() ? "//" + random.nextInt(140) : "");
        case 4 -> sb.append("ptr").append(random.nextBoolean() ? ":" + domain : "");
        case 5 -> sb.append("ip4:192.0.2.").append(random.nextInt(300)).append('/').append(random.nextInt(34));
        case 6 -> sb.append("ip6:2001:db8::").append(random.nextInt(9)).append('/').append(random.nextInt(130));
        case 7 -> sb.append("exists:").append(macros[random.nextInt(macros.length)]).append('.').append(domain);
        case 8 -> sb.append("redirect=").append(domain);
        case 9 -> sb.append("exp=").append(macros[random.nextInt(macros.length)]).append('.').append(domain);
        case 10 -> sb.append("a:t.").append(domain);
        default -> sb.append("all");
      }
    }
    return sb.toString();
  }

  @Test
  void should_give_permerror_for_a_deep_include_chain_and_for_loops() {
    // GIVEN
    DnsZone zone = DnsZone.create();
    for (int i = 0; i < 500; i++) {
      zone.spf("c" + i + ".example", "v=spf1 include:c" + (i + 1) + ".example -all");
    }
    zone.spf("loop.example", "v=spf1 redirect=loop.example");
    zone.spf("self.example", "v=spf1 include:self.example include:self.example");
    SpfVerifier verifier = SpfVerifier.using(zone.resolver());
    // WHEN
    SpfResult chain = verifier.checkMailFrom(ip("192.0.2.1"), "x@c0.example", "h.example");
    SpfResult redirectLoop = verifier.checkMailFrom(ip("192.0.2.1"), "x@loop.example", "h.example");
    SpfResult includeLoop = verifier.checkMailFrom(ip("192.0.2.1"), "x@self.example", "h.example");
    // THEN
    assertThat(List.of(chain.code(), redirectLoop.code(), includeLoop.code())).containsOnly(SpfResultCode.PERMERROR);
    assertThat(chain.dnsLookups()).isEqualTo(11);
    assertThat(redirectLoop.problem()).isEqualTo("more than 10 DNS-querying terms (include, a, mx, ptr, exists, redirect);"
        + " the limit was hit at redirect=loop.example");
    assertThat(SpfLint.using(zone.resolver()).lint("c0.example").hasErrors()).isTrue();
  }

  @Test
  void should_evaluate_thousands_of_terms_and_huge_macro_expansions() {
    assertTimeoutPreemptively(GUARD, () -> {
      // GIVEN
      StringBuilder many = new StringBuilder("v=spf1");
      for (int i = 0; i < 5000; i++) {
        many.append(" ip4:198.51.").append(i / 250).append('.').append(i % 250);
      }
      many.append(" -all");
      String macros = "v=spf1 exists:" + "%{s}.%{s}.%{l}.%{o}.%{h}.".repeat(40) + "example.com a:%{S}%{L}%{H}.x.example -all";
      DnsZone zone = DnsZone.create()
          .add(rawTxt("many.example", many.toString().getBytes(StandardCharsets.US_ASCII)))
          .spf("macro.example", macros);
      SpfVerifier verifier = SpfVerifier.using(zone.resolver());
      String hugeLocal = "x".repeat(50_000);
      // WHEN
      SpfResult manyTerms = verifier.checkMailFrom(ip("192.0.2.1"), "x@many.example", "h.example");
      SpfResult hugeNames = verifier.checkMailFrom(ip("192.0.2.1"), hugeLocal + "@macro.example", "h".repeat(10_000));
      // THEN
      assertThat(manyTerms.code()).isEqualTo(SpfResultCode.FAIL);
      assertThat(manyTerms.trace()).hasSize(5002);
      assertThat(hugeNames.code()).isEqualTo(SpfResultCode.FAIL);
      assertThat(hugeNames.dnsLookups()).isEqualTo(2);
    });
  }

  @Test
  void should_not_throw_for_hostile_inputs_to_the_entry_points() {
    // GIVEN
    DnsZone zone = DnsZone.create().spf("sample.co.jp", "v=spf1 a:%{h} -all");
    SpfVerifier verifier = SpfVerifier.using(zone.resolver());
    SendingHostVerifier host = SendingHostVerifier.using(zone.resolver());
    Random random = new Random(5321);
    List<String> inputs = new ArrayList<>(List.of("", "@", "@@", "<>", "<@sample.co.jp>", "a@", ".", "..", "[::1]",
        "a@[1.2.3.4]", "a@sample.co.jp.", "a@-sample.co.jp", "a@sample..co.jp", "\u0000@sample.co.jp",
        "\u30e6\u30fc\u30b6\u30fc@\u4f8b\u3048.jp", "%{s}@sample.co.jp"));
    for (int i = 0; i < 500; i++) {
      char[] chars = new char[random.nextInt(300)];
      for (int k = 0; k < chars.length; k++) {
        chars[k] = (char) random.nextInt(i % 2 == 0 ? 0x80 : 0x3000);
      }
      inputs.add(new String(chars) + (i % 3 == 0 ? "@sample.co.jp" : ""));
    }
    // WHEN / THEN
    for (String s : inputs) {
      assertWellFormed(verifier.checkMailFrom(ip("192.0.2.1"), s, s));
      assertWellFormed(verifier.checkHelo(ip("2001:db8::1"), s));
      SendingHostResult h = host.check(ip("192.0.2.1"), s);
      assertThat(h.toString()).isNotEmpty();
      assertThat(SpfLint.using(zone.resolver()).lint(s).toString()).isNotEmpty();
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
