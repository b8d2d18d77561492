package io.github.junitmailassert.benchmark;

import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.internal.dns.DnsAnswer;
import io.github.junitmailassert.spf.SpfResult;
import io.github.junitmailassert.spf.SpfVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.james.jspf.core.DNSRequest;
import org.apache.james.jspf.core.DNSService;
import org.apache.james.jspf.core.exceptions.TimeoutException;
import org.apache.james.jspf.impl.SPF;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.yaml.snakeyaml.Yaml;

/**
 * SPF evaluations per second over the whole RFC 7208 test suite, each case against its own fake
 * zone in process: this project's engine and Apache jSPF 1.0.5 side by side, both asking the same
 * zones. A plain harness: warm-up, then timed rounds, the median printed.
 */
public final class SpfBenchmark {

  private static final int WARMUP_ROUNDS = 8;
  private static final int TIMED_ROUNDS = 11;
  private static final long ROUND_NANOS = 500_000_000L;

  private record Case(String name, InetAddress ip, String ipText, String mailFrom, String helo, List<String> results,
      DnsZone zone) {}

  private SpfBenchmark() {}

  public static void main(String[] args) throws Exception {
    run();
  }

  public static void run() throws IOException {
    String folder = System.getProperty("junit.mail.assert.conformance", "../shared/conformance");
    Path suite = Path.of(folder, "spf", "rfc7208-tests.yml");
    if (!Files.exists(suite)) {
      System.out.println("spf: skipped, no conformance data at " + suite.toAbsolutePath().normalize());
      return;
    }
    List<Case> cases = load(suite);
    SpfVerifier[] ours = new SpfVerifier[cases.size()];
    SPF[] jspf = new SPF[cases.size()];
    for (int i = 0; i < cases.size(); i++) {
      ours[i] = SpfVerifier.using(cases.get(i).zone().resolver());
      jspf[i] = new SPF(new ZoneDnsService(cases.get(i).zone()));
    }
    int oursAgree = 0;
    int jspfAgree = 0;
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      if (c.results().contains(ours[i].checkMailFrom(c.ip(), c.mailFrom(), c.helo()).code().keyword())) {
        oursAgree++;
      }
      if (c.results().contains(jspf[i].checkSPF(c.ipText(), c.mailFrom(), c.helo()).getResult())) {
        jspfAgree++;
      }
    }
    Runnable oursRound = () -> {
      for (int i = 0; i < cases.size(); i++) {
        Case c = cases.get(i);
        SpfResult r = ours[i].checkMailFrom(c.ip(), c.mailFrom(), c.helo());
        sink += r.trace().size();
      }
    };
    Runnable jspfRound = () -> {
      for (int i = 0; i < cases.size(); i++) {
        Case c = cases.get(i);
        sink += jspf[i].checkSPF(c.ipText(), c.mailFrom(), c.helo()).getResult().length();
      }
    };
    // Interleaved rounds, so that both engines see the same machine load.
    double[] oursRates = new double[TIMED_ROUNDS];
    double[] jspfRates = new double[TIMED_ROUNDS];
    for (int round = 0; round < WARMUP_ROUNDS + TIMED_ROUNDS; round++) {
      double o = rate(oursRound, cases.size());
      double j = rate(jspfRound, cases.size());
      if (round >= WARMUP_ROUNDS) {
        oursRates[round - WARMUP_ROUNDS] = o;
        jspfRates[round - WARMUP_ROUNDS] = j;
      }
    }
    double oursMedian = median(oursRates);
    double jspfMedian = median(jspfRates);
    System.out.printf("spf: RFC 7208 suite, %d cases, in-process zone; median of %d rounds after %d warm-up rounds%n",
        cases.size(), TIMED_ROUNDS, WARMUP_ROUNDS);
    System.out.printf("spf: junit-mail-assert %,.0f evaluations/s (agrees with the suite on %d/%d)%n",
        oursMedian, oursAgree, cases.size());
    System.out.printf("spf: Apache jSPF 1.0.5 %,.0f evaluations/s (agrees with the suite on %d/%d)%n",
        jspfMedian, jspfAgree, cases.size());
    System.out.printf("spf: ratio %.1fx%n", oursMedian / jspfMedian);
    if (sink == 42) {
      System.out.println();
    }
  }

  private static long sink;

  /** Runs whole passes over the suite for about half a second; evaluations per second. */
  private static double rate(Runnable pass, int perPass) {
    long start = System.nanoTime();
    long passes = 0;
    long elapsed;
    do {
      pass.run();
      passes++;
      elapsed = System.nanoTime() - start;
    } while (elapsed < ROUND_NANOS);
    return passes * perPass * 1e9 / elapsed;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  // The suite's YAML, read as its own driver reads it ---------------------------------------------

  private static List<Case> load(Path file) throws IOException {
    List<Case> cases = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (Object doc : new Yaml().loadAll(reader)) {
        if (!(doc instanceof Map<?, ?> scenario)) {
          continue;
        }
        Map<?, ?> zonedata = scenario.get("zonedata") instanceof Map<?, ?> z ? z : Map.of();
        for (Map.Entry<?, ?> t : ((Map<?, ?>) scenario.get("tests")).entrySet()) {
          Map<?, ?> test = (Map<?, ?>) t.getValue();
          List<String> results = new ArrayList<>();
          if (test.get("result") instanceof List<?> list) {
            list.forEach(r -> results.add(String.valueOf(r)));
          } else {
            results.add(String.valueOf(test.get("result")));
          }
          String host = String.valueOf(test.get("host"));
          InetAddress ip = InetAddress.getByName(host); // the suite's hosts are literals
          cases.add(new Case(String.valueOf(t.getKey()), ip, host, text(test.get("mailfrom")),
              text(test.get("helo")), results, zone(zonedata)));
        }
      }
    }
    return cases;
  }

  /** SPF entries are published as TXT unless the name lists TXT itself; TIMEOUT after TXT applies to other types. */
  private static DnsZone zone(Map<?, ?> zonedata) throws IOException {
    DnsZone zone = DnsZone.create();
    for (Map.Entry<?, ?> e : zonedata.entrySet()) {
      String owner = text(e.getKey());
      Name name = name(owner);
      List<?> entries = e.getValue() instanceof List<?> l ? l : List.of();
      boolean listsTxt = entries.stream().anyMatch(x -> x instanceof Map<?, ?> m && m.containsKey("TXT"));
      boolean txtSeen = false;
      for (Object entry : entries) {
        if ("TIMEOUT".equals(entry)) {
          if (!txtSeen) {
            zone.timeout(owner);
          }
          continue;
        }
        Map.Entry<?, ?> rr = ((Map<?, ?>) entry).entrySet().iterator().next();
        Object value = rr.getValue();
        switch (text(rr.getKey())) {
          case "A" -> zone.add(new ARecord(name, DClass.IN, 300, InetAddress.getByName(text(value))));
          case "AAAA" -> zone.add(new AAAARecord(name, DClass.IN, 300, InetAddress.getByName(text(value))));
          case "MX" -> {
            List<?> mx = (List<?>) value;
            zone.add(new MXRecord(name, DClass.IN, 300, ((Number) mx.get(0)).intValue(), target(text(mx.get(1)))));
          }
          case "PTR" -> zone.add(new PTRRecord(name, DClass.IN, 300, target(text(value))));
          case "CNAME" -> zone.add(new CNAMERecord(name, DClass.IN, 300, target(text(value))));
          case "TXT" -> {
            if (!"NONE".equals(value)) {
              zone.add(text(name, Type.TXT, value));
              txtSeen = true;
            }
          }
          case "SPF" -> {
            zone.add(text(name, Type.SPF, value));
            if (!listsTxt) {
              zone.add(text(name, Type.TXT, value));
              txtSeen = true;
            }
          }
          default -> throw new IOException("unknown zonedata type at " + owner);
        }
      }
    }
    return zone;
  }

  /** A TXT record byte for byte ("\xEF" in the YAML is the byte 0xEF), split into strings of 255. */
  private static Record text(Name name, int type, Object value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(s -> strings.add(text(s)));
    } else {
      strings.add(text(value));
    }
    ByteArrayOutputStream rdata = new ByteArrayOutputStream();
    for (String s : strings) {
      byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
      int off = 0;
      do {
        int len = Math.min(255, bytes.length - off);
        rdata.write(len);
        rdata.write(bytes, off, len);
        off += len;
      } while (off < bytes.length);
    }
    byte[] data = rdata.toByteArray();
    return Record.newRecord(name, type, DClass.IN, 300, data.length, data);
  }

  /** A name from its labels, so that ':' '/' '%' and spaces stay as they are. */
  private static Name name(String text) throws IOException {
    String t = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (String label : t.split("\\.", -1)) {
      byte[] b = label.getBytes(StandardCharsets.ISO_8859_1);
      wire.write(b.length);
      wire.write(b, 0, b.length);
    }
    wire.write(0);
    return new Name(wire.toByteArray());
  }

  private static Name target(String host) throws IOException {
    return host.isEmpty() || host.equals(".") ? Name.root : name(host);
  }

  private static String text(Object o) {
    return o == null ? "" : String.valueOf(o);
  }

  /** jSPF's DNS interface answered from the same zone, as its dnsjava-based service would answer. */
  private static final class ZoneDnsService implements DNSService {
    private final DnsZone zone;
    private int recordLimit = 10;

    ZoneDnsService(DnsZone zone) {
      this.zone = zone;
    }

    @Override
    public List<String> getRecords(DNSRequest request) throws TimeoutException {
      int type = switch (request.getRecordType()) {
        case DNSRequest.A -> Type.A;
        case DNSRequest.AAAA -> Type.AAAA;
        case DNSRequest.MX -> Type.MX;
        case DNSRequest.PTR -> Type.PTR;
        case DNSRequest.TXT -> Type.TXT;
        default -> Type.SPF;
      };
      Name name;
      try {
        String host = request.getHostname();
        name = Name.fromString(host.endsWith(".") ? host : host + ".");
      } catch (TextParseException e) {
        return null;
      }
      DnsAnswer answer = zone.lookup(name, type);
      if (answer.isTempError()) {
        throw new TimeoutException(answer.detail());
      }
      List<String> out = new ArrayList<>();
      for (Record r : answer.records()) {
        if (r.getType() != type) {
          continue; // CNAMEs the zone followed
        }
        if (r instanceof ARecord a) {
          out.add(a.getAddress().getHostAddress());
        } else if (r instanceof AAAARecord aaaa) {
          out.add(aaaa.getAddress().getHostAddress());
        } else if (r instanceof MXRecord mx) {
          out.add(mx.getTarget().toString());
        } else if (r instanceof PTRRecord ptr) {
          out.add(ptr.getTarget().toString());
        } else if (r instanceof TXTRecord txt) {
          StringBuilder sb = new StringBuilder();
          for (byte[] s : txt.getStringsAsByteArrays()) {
            sb.append(new String(s, StandardCharsets.ISO_8859_1));
          }
          out.add(sb.toString());
        }
      }
      return out.isEmpty() ? null : out;
    }

    @Override
    public CompletionStage<List<String>> getRecordsAsync(DNSRequest request) {
      try {
        return CompletableFuture.completedFuture(getRecords(request));
      } catch (TimeoutException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    @Override
    public List<String> getLocalDomainNames() {
      return List.of("localhost");
    }

    @Override
    public void setTimeOut(int timeOut) {}

    @Override
    public int getRecordLimit() {
      return recordLimit;
    }

    @Override
    public void setRecordLimit(int recordLimit) {
      this.recordLimit = recordLimit;
    }
  }
}
