package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.spf.SpfResultCode;
import io.github.junitmailassert.testing.Received;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every SPF result has its assertion; each passes for its result and fails, with the result seen, for another. */
class SpfResultAssertTest {

  private static final DnsZone ZONE = DnsZone.create()
      .spf("pass.example", "v=spf1 ip4:192.0.2.1 -all")
      .spf("fail.example", "v=spf1 -all")
      .spf("softfail.example", "v=spf1 ~all")
      .spf("neutral.example", "v=spf1 ?all")
      .spf("permerror.example", "v=spf1 include:nowhere.example -all")
      .timeout("temperror.example")
      .a("none.example", "192.0.2.9");

  private static CapturedMail from(String domain) {
    return Received.mail(Received.view(ZONE, "192.0.2.1"), "app@" + domain, "mail.example",
        "From: app@example.com\r\nSubject: s\r\n\r\nb\r\n".getBytes(StandardCharsets.UTF_8));
  }

  private static Consumer<SpfResultAssert> assertion(SpfResultCode code) {
    switch (code) {
      case PASS: return SpfResultAssert::isPass;
      case FAIL: return SpfResultAssert::isFail;
      case SOFTFAIL: return SpfResultAssert::isSoftfail;
      case NEUTRAL: return SpfResultAssert::isNeutral;
      case NONE: return SpfResultAssert::isNone;
      case PERMERROR: return SpfResultAssert::isPermerror;
      default: return SpfResultAssert::isTemperror;
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"PASS,FAIL", "FAIL,SOFTFAIL", "SOFTFAIL,NEUTRAL", "NEUTRAL,NONE", "NONE,PERMERROR", "PERMERROR,TEMPERROR",
      "TEMPERROR,PASS"})
  void should_pass_for_its_result_and_fail_for_another(SpfResultCode code, SpfResultCode other) {
    CapturedMail mail = from(code.keyword() + ".example");
    assertion(code).accept(assertThat(mail).spf());
    assertThat(mail).spf().hasCode(code);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertion(other).accept(assertThat(mail).spf()))
        .withMessageStartingWith(String.format("%nExpecting SPF for the MAIL FROM identity of%n"
            + "  mail #1 from <app@%s.example> to [user@example.com] \"s\"%n"
            + "to be %s but it was %s, as a receiver would write it:%n  Received-SPF: %s (mx.receiver.test: ",
            code.keyword(), other.keyword(), code.keyword(), code.keyword()));
  }
}
