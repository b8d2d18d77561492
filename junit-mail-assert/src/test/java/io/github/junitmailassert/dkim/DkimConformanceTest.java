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
          assertThat(results.get(0).code()).as(results.get(0).reason()).isEqualTo(DkimResultCode.PASS);
          assertThat(results.get(0).authenticationResultsPart())
              .isEqualTo("dkim=pass header.d=example.com header.s=brisbane header.b=AuUoFEfD");
          assertThat(results.get(0).keyBits()).isEqualTo(1024);
        }),
        DynamicTest.dynamicTest("rfc6376-A2-as-printed-2spaces.eml fails on the body hash", () -> {
          List<DkimSignatureResult> results = verify(ConformanceDns.fromTabSeparated(set.resolve("dns.txt")),
              set.resolve("rfc6376-A2-as-printed-2spaces.eml"));
          assertThat(results).hasSize(1);
          assertThat(results.get(0).code()).isEqualTo(DkimResultCode.FAIL);
          assertThat(results.get(0).reason()).startsWith("body hash did not verify");
        }));
  }

  @TestFactory
  Stream<DynamicTest> rfc8463_appendix_A() {
    Path set = Conformance.resolve("dkim/rfc8463-mailauth");
    return Stream.of(DynamicTest.dynamicTest("signed.eml: ed25519-sha256 and rsa-sha256 both verify", () -> {
      List<DkimSignatureResult> results = verify(ConformanceDns.fromMailauthJson(set.resolve("dns.json")),
          set.resolve("signed.eml"));
      assertThat(results).extracting(DkimSignatureResult::code, DkimSignatureResult::algorithm, DkimSignatureResult::keyBits)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(DkimResultCode.PASS, "ed25519-sha256", 256),
              org.assertj.core.groups.Tuple.tuple(DkimResultCode.PASS, "rsa-sha256", 1024));
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
            assertThat(r.code()).as(r.reason()).isEqualTo(DkimResultCode.PASS);
          } else {
            assertThat(r.code()).as(r.reason()).isEqualTo(LIESER_ERRORS.get(error).result);
            assertThat(r.reason()).contains(LIESER_ERRORS.get(error).reasonFragment);
          }
        }
      }));
    }
    assertThat(tests).hasSize(32);
    return tests.stream();
  }

  /**
   * Our expectation for every Mail::DKIM case: file, mode, the results per signature
   * ({@code RESULT~reason fragment}, " ; " between signatures, "none" for no DKIM signature), the
   * policies that make it differ from Mail::DKIM's verdict, and what a legacy receiver
   * ({@code allowLegacyRsaSha1}, {@code minimumRsaKeyBits(512)}) sees where RFC 8301 decided.
   */
  private static final String MAIL_DKIM_EXPECTED = """
      good_ietf00_1.txt|default|PERMERROR~has no v= tag|V1|
      good_ietf00_2.txt|default|PERMERROR~has no v= tag|V1|
      good_ietf00_3.txt|default|PERMERROR~has no v= tag|V1|
      good_ietf00_4.txt|default|PERMERROR~has no v= tag|V1|
      good_ietf00_5.txt|default|PERMERROR~has no v= tag|V1|
      mine_ietf01_1.txt|default|PERMERROR~has no v= tag|V1|
      mine_ietf01_2.txt|default|PERMERROR~has no v= tag|V1|
      mine_ietf01_3.txt|default|PERMERROR~has no v= tag|V1|
      mine_ietf01_4.txt|default|PERMERROR~has no v= tag|V1|
      mine_ietf05_1.txt|default|PERMERROR~v=0.5 is not a DKIM version|V1|
      good_ietf01_1.txt|default|PERMERROR~has no v= tag|V1|
      good_ietf01_2.txt|default|PERMERROR~has no v= tag|V1|
      good_rfc4871_3.txt|default|POLICY~a=rsa-sha1 is not accepted|RFC8301|PASS
      good_rfc4871_4.txt|default|POLICY~a=rsa-sha1 is not accepted|RFC8301|PASS
      good_1878523.txt|default|POLICY~a=rsa-sha1 is not accepted|RFC8301|PASS
      good_83176.txt|default|POLICY~a=rsa-sha1 is not accepted|RFC8301|PASS
      multiple_1.txt|default|PERMERROR~has no v= tag ; PERMERROR~has no v= tag ; PERMERROR~has no v= tag ; PERMERROR~has no v= tag|V1|
      multiple_2.txt|default|PERMERROR~c=foobar ; POLICY~a=rsa-sha1 is not accepted ; FAIL~signature did not verify ; PERMERROR~not a valid tag-list|RFC8301|PERMERROR ; PASS ; FAIL ; PERMERROR
      good_qp_1.txt|default|POLICY~a=rsa-sha1 is not accepted|RFC8301|PASS
      good_qp_2.txt|default|POLICY~a=rsa-sha1 is not accepted|RFC8301|PASS
      good_qp_3.txt|default|POLICY~a=rsa-sha1 is not accepted|RFC8301|PASS
      bad_ietf01_1.txt|default|PERMERROR~has no v= tag|V1|
      bad_ietf01_2.txt|default|PERMERROR~has no v= tag|V1|
      bad_ietf01_3.txt|default|PERMERROR~has no v= tag|V1|
      bad_1.txt|default|PERMERROR~has no v= tag|V1|
      bad_1878954.txt|default|FAIL~body hash did not verify||FAIL
      good_dk_gmail.txt|default|none|DK|
      good_dk_yahoo.txt|default|none|DK|
      good_dk_1.txt|default|none|DK|
      good_dk_2.txt|default|none|DK|
      good_dk_3.txt|default|none|DK|
      good_dk_4.txt|default|none|DK|
      good_dk_5.txt|default|none|DK|
      good_dk_6.txt|default|none|DK|
      good_dk_7.txt|default|none|DK|
      dk_headers_1.txt|default|none|DK|
      dk_headers_2.txt|default|none|DK|
      bad_dk_1.txt|default|none|DK|
      bad_dk_2.txt|default|none|DK|
      bad_dk_3.txt|default|none|DK|
      bad_dk_4.txt|default|none|DK|
      bad_dk_5.txt|default|none|DK|
      dk_multiple_1.txt|default|none|DK|
      no_body_1.txt|default|PERMERROR~v=0.5 is not a DKIM version|V1|
      no_body_2.txt|default|PERMERROR~v=0.5 is not a DKIM version|V1|
      no_body_3.txt|default|PERMERROR~v=0.5 is not a DKIM version|V1|
      ignore_1.txt|default|PERMERROR~v=5 is not a DKIM version||
      ignore_2.txt|default|PERMERROR~v=0.5 is not a DKIM version||
      ignore_3.txt|default|PERMERROR~v=0.5 is not a DKIM version||
      ignore_4.txt|default|PERMERROR~v=0.5 is not a DKIM version||
      ignore_5.txt|default|PERMERROR~q=http names no key query method||
      ignore_6.txt|default|PERMERROR~q=dns/special names no key query method||
      ignore_7.txt|default|PERMERROR~signature expired at 2007-10-24T12:45:46Z (x=1193229946), clock is 2025-06-01T00:00:00Z||
      ignore_8.txt|default|PERMERROR~is not in the signing domain||
      goodkey_1.txt|default|POLICY~a=rsa-sha1 is not accepted|RFC8301|PASS
      goodkey_2.txt|default|POLICY~a=rsa-sha1 is not accepted|RFC8301|PASS
      goodkey_3.txt|default|POLICY~a=rsa-sha1 is not accepted|RFC8301|PASS
      goodkey_4.txt|default|POLICY~a=rsa-sha1 is not accepted|RFC8301|PASS
      badkey_1.txt|default|PERMERROR~v=0.5 is not a DKIM version||
      badkey_2.txt|default|PERMERROR~v=0.5 is not a DKIM version||
      badkey_3.txt|default|PERMERROR~v=0.5 is not a DKIM version||
      badkey_4.txt|default|PERMERROR~v=0.5 is not a DKIM version||
      badkey_5.txt|default|PERMERROR~v=0.5 is not a DKIM version||
      badkey_6.txt|default|PERMERROR~v=0.5 is not a DKIM version||
      badkey_7.txt|default|PERMERROR~v=0.5 is not a DKIM version||
      badkey_8.txt|default|POLICY~a=rsa-sha1 is not accepted|G|PASS
      badkey_9.txt|default|POLICY~a=rsa-sha1 is not accepted|G|PASS
      badkey_10.txt|default|PERMERROR~has t=s (strict)||
      badkey_11.txt|default|PERMERROR~allows only h=md5:sha1||
      badkey_12.txt|default|POLICY~a=rsa-sha1 is not accepted|G|PASS
      badkey_13.txt|default|POLICY~a=rsa-sha1 is not accepted|G|PASS
      badkey_14.txt|default|TEMPERROR~could not be fetched (timed out)||
      badkey_15.txt|default|TEMPERROR~could not be fetched (SERVFAIL)||
      goodkey_ed25519.txt|default|PASS~verified with the ed25519-sha256 key||
      badkey1_ed25519.txt|default|PERMERROR~is 44 octets, not 32||
      badkey2_ed25519.txt|default|FAIL~signature did not verify||
      badkey3_ed25519.txt|default|FAIL~body hash did not verify||
      badkey4_ed25519.txt|default|PERMERROR~no key record at 2023-05-ed25519-does-not-exist._domainkey.wander.science||
      badkey5_ed25519.txt|default|PERMERROR~has no p= tag||
      good_1878523.txt|strict|POLICY~a=rsa-sha1 is not accepted||
      good_ietf01_1.txt|strict|PERMERROR~has no v= tag|V1|
      good_qp_1.txt|strict|POLICY~a=rsa-sha1 is not accepted||
      mine_ietf01_3.txt|strict|PERMERROR~has no v= tag|V1|
      """;

  private static final Map<String, String> POLICY_NAMES = Map.of(
      "V1", V1_REQUIRED, "RFC8301", RFC8301, "G", RFC8301 + "; " + G_IGNORED, "DK", DKIM_ONLY);

  @TestFactory
  Stream<DynamicTest> mail_dkim() {
    Path set = Conformance.resolve("dkim/mail-dkim");
    Map<String, String[]> ours = new LinkedHashMap<>();
    for (String line : MAIL_DKIM_EXPECTED.strip().split("\n")) {
      String[] f = (line.strip() + "|").split("\\|", -1);
      ours.put(f[0] + "|" + f[1], f);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (String line : ConformanceDns.lines(set.resolve("expected.tsv"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] upstream = line.split("\t", -1);
      String file = upstream[0];
      String mode = upstream[1];
      String upstreamVerdict = upstream[2];
      String[] row = ours.remove(file + "|" + mode);
      assertThat(row).as("our expectation for " + file + " (" + mode + ")").isNotNull();
      String policy = row[3].isEmpty() ? "" : " [policy: " + POLICY_NAMES.get(row[3]) + "]";
      String display = "mail-dkim " + file + " (" + mode + ", Mail::DKIM: " + upstreamVerdict + ")" + policy
          + " expect " + row[2].replaceAll("~[^;]*", "").replace(" ; ", ",").trim();
      tests.add(DynamicTest.dynamicTest(display, () -> {
        Path message = set.resolve("corpus").resolve(file);
        List<DkimSignatureResult> results = verify(ConformanceDns.fromMailDkimFakeDns(set.resolve("FAKE_DNS.dat")), message);
        if (row[2].equals("none")) {
          assertThat(results).isEmpty();
          return;
        }
        String[] perSignature = row[2].split(" ; ");
        assertThat(results).as(summary(results)).hasSize(perSignature.length);
        for (int k = 0; k < perSignature.length; k++) {
          String[] expected = perSignature[k].split("~", 2);
          assertThat(results.get(k).code()).as(results.get(k).reason()).isEqualTo(DkimResultCode.valueOf(expected[0]));
          assertThat(results.get(k).reason()).contains(expected[1]);
        }
        if (row[3].isEmpty()) {
          // Same decision as Mail::DKIM: its "invalid" is any result but pass and fail.
          assertThat(overall(results)).isEqualTo(upstreamVerdict);
        }
        if (!row[4].isEmpty()) {
          // A legacy receiver (rsa-sha1 and 512-bit keys allowed) decides as Mail::DKIM did,
          // except where g= is ignored (RFC 6376 dropped it).
          List<DkimSignatureResult> legacy = DkimVerifier.builder(ConformanceDns.fromMailDkimFakeDns(set.resolve("FAKE_DNS.dat")).resolver())
              .clock(CLOCK).allowLegacyRsaSha1(true).minimumRsaKeyBits(512).build()
              .verify(ConformanceDns.bytes(message));
          assertThat(legacy).extracting(DkimSignatureResult::code).as(summary(legacy))
              .containsExactly(Stream.of(row[4].split(" ; ")).map(DkimResultCode::valueOf).toArray(DkimResultCode[]::new));
          if (!row[3].equals("G")) {
            assertThat(overall(legacy)).isEqualTo(upstreamVerdict);
          }
        }
      }));
    }
    assertThat(ours).as("expectations without a case in expected.tsv").isEmpty();
    assertThat(tests).hasSize(83);
    return tests.stream();
  }

  /** Mail::DKIM's overall verdict: pass if any passes, else fail if any fails, else invalid. */
  private static String overall(List<DkimSignatureResult> results) {
    if (results.stream().anyMatch(r -> r.code() == DkimResultCode.PASS)) {
      return "pass";
    }
    return results.stream().anyMatch(r -> r.code() == DkimResultCode.FAIL) ? "fail" : "invalid";
  }

  private record Expected(DkimResultCode result, String reasonFragment) {}

  private static final Map<String, Expected> LIESER_ERRORS = Map.of(
      "DKIM_SIGERROR_MISSING_V", new Expected(DkimResultCode.PERMERROR, "has no v= tag"),
      "DKIM_SIGERROR_KEY_REVOKED", new Expected(DkimResultCode.PERMERROR, "is revoked (empty p=)"),
      "DKIM_SIGERROR_KEY_HASHNOTINCLUDED", new Expected(DkimResultCode.PERMERROR, "allows only h=sha1"),
      "DKIM_SIGERROR_KEY_MISMATCHED_K", new Expected(DkimResultCode.PERMERROR, "but the signature is a="),
      "DKIM_SIGERROR_KEY_NOTEMAILKEY", new Expected(DkimResultCode.PERMERROR, "is for service s=other, not email"),
      "DKIM_SIGERROR_DOMAIN_I", new Expected(DkimResultCode.PERMERROR, "has t=s (strict)"),
      "DKIM_SIGERROR_CORRUPT_BH", new Expected(DkimResultCode.FAIL, "body hash did not verify"),
      "DKIM_SIGERROR_BADSIG", new Expected(DkimResultCode.FAIL, "signature did not verify"));

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
    return results.stream().map(r -> r.code() + ": " + r.reason()).collect(Collectors.joining("\n"));
  }
}
