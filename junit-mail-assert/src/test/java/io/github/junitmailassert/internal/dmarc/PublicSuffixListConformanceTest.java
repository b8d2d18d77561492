package io.github.junitmailassert.internal.dmarc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.junitmailassert.testing.Conformance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Public Suffix List's own tests, {@code psl/tests/test_psl.txt}, against the organizational
 * domain function of {@code DmarcMode.RFC7489_PSL} (Guava's copy of the list plus the list's default
 * rule {@code *}). The registrable domain is RFC 7489's organizational domain; null means none.
 */
class PublicSuffixListConformanceTest {

  private static final Pattern CASE =
      Pattern.compile("^(//)?checkPublicSuffix\\((null|'[^']*'), (null|'[^']*')\\);");

  @TestFactory
  List<DynamicTest> publicSuffixList() throws IOException {
    List<String> lines = Files.readAllLines(Conformance.resolve("psl/tests/test_psl.txt"), StandardCharsets.UTF_8);
    List<DynamicTest> tests = new ArrayList<>();
    for (String line : lines) {
      Matcher m = CASE.matcher(line.trim());
      if (!m.find()) {
        continue;
      }
      String domain = unquote(m.group(2));
      String expected = unquote(m.group(3));
      if (m.group(1) != null) {
        // The list's authors commented these out: .local is reserved (RFC 6762) but not on the list, so the
        // algorithm's default rule "*" makes "local" the public suffix, and the function must say so.
        String byDefaultRule = domain.indexOf('.') < 0 ? null : DomainNames.suffix(domain, 2);
        tests.add(dynamicTest("checkPublicSuffix(" + domain + ") [commented out in the source: not on the list,"
            + " so the default rule * gives " + byDefaultRule + "]",
            () -> assertThat(PublicSuffixList.organizationalDomain(domain)).isEqualTo(Optional.ofNullable(byDefaultRule))));
      } else {
        tests.add(dynamicTest("checkPublicSuffix(" + domain + ", " + expected + ")",
            () -> assertThat(PublicSuffixList.organizationalDomain(domain)).isEqualTo(Optional.ofNullable(expected))));
      }
    }
    assertThat(tests).hasSize(82);
    return tests;
  }

  private static String unquote(String s) {
    return s.equals("null") ? null : s.substring(1, s.length() - 1);
  }
}
