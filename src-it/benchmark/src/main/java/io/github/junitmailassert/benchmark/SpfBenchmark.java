package io.github.junitmailassert.benchmark;

import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.dns.DnsAnswer;
import io.github.junitmailassert.spf.Rfc7208Suite;
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
  private static final long ROUND_NANOS = 250_000_000L;

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
    List<Rfc7208Suite.Case> cases = Rfc7208Suite.load(suite);
    SpfVerifier[] ours = new SpfVerifier[cases.size()];
    SPF[] jspf = new SPF[cases.size()];
    for (int i = 0; i < cases.size(); i++) {
      ours[i] = SpfVerifier.using(cases.get(i).zone().resolver());
      jspf[i] = new SPF(new ZoneDnsService(cases.get(i).zone()));
    }
    int oursAgree = 0;
    int jspfAgree = 0;
    for (int i = 0; i < cases.size(); i++) {
      Rfc7208Suite.Case c = cases.get(i);
      if (c.results().contains(ours[i].checkMailFrom(c.clientIp(), c.mailFrom(), c.helo()).code().keyword())) {
        oursAgree++;
      }
      if (c.results().contains(jspf[i].checkSPF(c.host(), c.mailFrom(), c.helo()).getResult())) {
        jspfAgree++;
      }
    }
    Runnable oursRound = () -> {
      for (int i = 0; i < cases.size(); i++) {
        Rfc7208Suite.Case c = cases.get(i);
        SpfResult r = ours[i].checkMailFrom(c.clientIp(), c.mailFrom(), c.helo());
        sink += r.trace().size();
      }
    };
    Runnable jspfRound = () -> {
      for (int i = 0; i < cases.size(); i++) {
        Rfc7208Suite.Case c = cases.get(i);
        sink += jspf[i].checkSPF(c.host(), c.mailFrom(), c.helo()).getResult().length();
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

  /** Runs whole passes over the suite for about a quarter of a second; evaluations per second. */
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
