package io.github.junitmailassert.spf;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.testing.Conformance;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the openspf RFC 7208 test suite, each with its own fake zone, through the
 * in-process resolver: the result must be one the suite accepts, and the explanation the one it
 * gives ("DEFAULT" meaning: no exp= applied, so the verifier's default explanation).
 */
class SpfConformanceTest {

  static List<Rfc7208Suite.Case> cases() throws IOException {
    return Rfc7208Suite.load(Conformance.resolve("spf/rfc7208-tests.yml"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_give_the_result_the_suite_expects(Rfc7208Suite.Case c) {
    // GIVEN
    SpfVerifier verifier = SpfVerifier.using(c.zone().resolver()).withDefaultExplanation("DEFAULT");
    // WHEN
    SpfResult result = verifier.checkMailFrom(c.clientIp(), c.mailFrom(), c.helo());
    // THEN
    assertThat(c.results()).as("result of %s%n%s", c.name(), result).contains(result.code().keyword());
    if (c.explanation() != null) {
      assertThat(result.explanation()).as("explanation of %s%n%s", c.name(), result).isEqualTo(c.explanation());
    }
  }

  @org.junit.jupiter.api.Test
  void should_hold_all_203_cases_of_the_suite() throws IOException {
    assertThat(cases()).hasSize(203);
  }
}
