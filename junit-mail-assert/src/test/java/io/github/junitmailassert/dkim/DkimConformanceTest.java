package io.github.junitmailassert.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.testing.Conformance;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared DKIM conformance sets, one dynamic test per case, each with its own DNS zone. Where
 * the project's policy (shared/conformance/README.md) decides a case differently from its source,
 * the display name says "[policy: ...]" and the expectation is the policy's.
 */
class DkimConformanceTest {

  /** After every t= in the sets, and after ignore_7's x= (2007). */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

  static final String V1_REQUIRED = "RFC 6376 v=1 required";
  static final String RFC8301 = "RFC 8301 no rsa-sha1, no RSA key under 1024 bits";
  static final String G_IGNORED = "RFC 6376 g= ignored";
  static final String DKIM_ONLY = "DKIM only, DomainKeys (RFC 4870) signatures are not DKIM";
  static final String NO_UNSIGNED_HEADER_POLICY = "RFC 6376 verification, the add-on's unsigned-header policy is local";

  @TestFactory
  Stream<DynamicTest> rfc6376_appendix_A() {
    Path set = Conformance.resolve("dkim/rfc6376-appendixA");
    return Stream.of(
        DynamicTest.dynamicTest("rfc6376-A2-signed.eml verifies (rsa-sha256, simple/simple)", () -> {
          List<DkimSignatureResult> results = verify(ConformanceDns.fromTabSeparated(set.resolve("dns.txt")),
              set.resolve("rfc6376-A2-signed.eml"));
          assertThat(results).hasSize(1);
          assertThat(results.get(0).result()).as(results.get(0).reason()).isEqualTo(DkimResult.PASS);
          assertThat(results.get(0).authenticationResultsPart())
              .isEqualTo("dkim=pass header.d=example.com header.s=brisbane header.b=AuUoFEfD");
          assertThat(results.get(0).keyBits()).isEqualTo(1024);
        }),
        DynamicTest.dynamicTest("rfc6376-A2-as-printed-2spaces.eml fails on the body hash", () -> {
          List<DkimSignatureResult> results = verify(ConformanceDns.fromTabSeparated(set.resolve("dns.txt")),
              set.resolve("rfc6376-A2-as-printed-2spaces.eml"));
          assertThat(results).hasSize(1);
          assertThat(results.get(0).result()).isEqualTo(DkimResult.FAIL);
          assertThat(results.get(0).reason()).startsWith("body hash did not verify");
        }));
  }

  @TestFactory
  Stream<DynamicTest> rfc8463_appendix_A() {
    Path set = Conformance.resolve("dkim/rfc8463-mailauth");
    return Stream.of(DynamicTest.dynamicTest("signed.eml: ed25519-sha256 and rsa-sha256 both verify", () -> {
      List<DkimSignatureResult> results = verify(ConformanceDns.fromMailauthJson(set.resolve("dns.json")),
          set.resolve("signed.eml"));
      assertThat(results).extracting(DkimSignatureResult::result, DkimSignatureResult::algorithm, DkimSignatureResult::keyBits)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(DkimResult.PASS, "ed25519-sha256", 256),
              org.assertj.core.groups.Tuple.tuple(DkimResult.PASS, "rsa-sha256", 1024));
    }));
  }

  @TestFactory
  Stream<DynamicTest> lieser_dkim_verifier() {
    Path set = Conformance.resolve("dkim/lieser-dkim_verifier");
    List<DynamicTest> tests = new ArrayList<>();
    for (String line : ConformanceDns.lines(set.resolve("expected-verifierSpec.tsv"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = (line + "\t\t\t\t\t").split("\t", -1);
      String file = f[0];
      String name = f[1];
      Map<Integer, String> expected = perSignature(f[2]);
      Map<Integer, String> errors = perSignature(f[3]);
      String override = f[5];
      boolean localPolicy = errors.containsValue("DKIM_POLICYERROR_UNSIGNED_HEADER_ADDED");
      String display = "lieser " + name + " (" + file + ")" + (localPolicy ? " [policy: " + NO_UNSIGNED_HEADER_POLICY + "]" : "");
      tests.add(DynamicTest.dynamicTest(display, () -> {
        DnsZone zone = lieserZone(set.resolve("dns.tsv"), override);
        List<DkimSignatureResult> results = verify(zone, set.resolve("data").resolve(file));
        for (Map.Entry<Integer, String> e : expected.entrySet()) {
          assertThat(results).hasSizeGreaterThan(e.getKey());
          DkimSignatureResult r = results.get(e.getKey());
          String error = errors.getOrDefault(e.getKey(), "");
          if (e.getValue().equals("SUCCESS") || localPolicy) {
            // The add-on fails these by its own policy (RFC 6376 section 8.15 advice); the
            // signatures themselves verify, which is what an RFC 6376 verifier reports.
            assertThat(r.result()).as(r.reason()).isEqualTo(DkimResult.PASS);
          } else {
            assertThat(r.result()).as(r.reason()).isEqualTo(LIESER_ERRORS.get(error).result);
            assertThat(r.reason()).contains(LIESER_ERRORS.get(error).reasonFragment);
          }
        }
      }));
    }
    assertThat(tests).hasSize(32);
    return tests.stream();
  }

  private record Expected(DkimResult result, String reasonFragment) {}

  private static final Map<String, Expected> LIESER_ERRORS = Map.of(
      "DKIM_SIGERROR_MISSING_V", new Expected(DkimResult.PERMERROR, "has no v= tag"),
      "DKIM_SIGERROR_KEY_REVOKED", new Expected(DkimResult.PERMERROR, "is revoked (empty p=)"),
      "DKIM_SIGERROR_KEY_HASHNOTINCLUDED", new Expected(DkimResult.PERMERROR, "allows only h=sha1"),
      "DKIM_SIGERROR_KEY_MISMATCHED_K", new Expected(DkimResult.PERMERROR, "but the signature is a="),
      "DKIM_SIGERROR_KEY_NOTEMAILKEY", new Expected(DkimResult.PERMERROR, "is for service s=other, not email"),
      "DKIM_SIGERROR_DOMAIN_I", new Expected(DkimResult.PERMERROR, "has t=s (strict)"),
      "DKIM_SIGERROR_CORRUPT_BH", new Expected(DkimResult.FAIL, "body hash did not verify"),
      "DKIM_SIGERROR_BADSIG", new Expected(DkimResult.FAIL, "signature did not verify"));

  private static DnsZone lieserZone(Path dnsTsv, String override) {
    DnsZone zone = DnsZone.create();
    String overriddenName = override.isEmpty() ? null : override.substring(0, override.indexOf(" => "));
    for (String line : ConformanceDns.lines(dnsTsv)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      String name = line.substring(0, tab).trim();
      if (!name.equals(overriddenName)) {
        zone.txt(name, line.substring(tab + 1));
      }
    }
    if (overriddenName != null) {
      zone.txt(overriddenName, override.substring(override.indexOf(" => ") + 4));
    }
    return zone;
  }

  /** "sig0=SUCCESS;sig1=PERMFAIL" to {0: SUCCESS, 1: PERMFAIL}. */
  private static Map<Integer, String> perSignature(String column) {
    Map<Integer, String> map = new LinkedHashMap<>();
    for (String part : column.split(";")) {
      if (part.startsWith("sig")) {
        int eq = part.indexOf('=');
        map.put(Integer.parseInt(part.substring(3, eq)), part.substring(eq + 1));
      }
    }
    return map;
  }

  static List<DkimSignatureResult> verify(DnsZone zone, Path message) {
    return DkimVerifier.builder(zone.resolver()).clock(CLOCK).build().verify(ConformanceDns.bytes(message));
  }

  static String summary(List<DkimSignatureResult> results) {
    return results.stream().map(r -> r.result() + ": " + r.reason()).collect(Collectors.joining("\n"));
  }
}
