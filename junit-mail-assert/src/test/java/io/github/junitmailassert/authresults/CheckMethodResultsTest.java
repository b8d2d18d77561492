package io.github.junitmailassert.authresults;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.dkim.DkimResultCode;
import io.github.junitmailassert.dkim.DkimSignatureResult;
import io.github.junitmailassert.dmarc.AuthorDomain;
import io.github.junitmailassert.dmarc.DmarcInput;
import io.github.junitmailassert.dmarc.DmarcResult;
import io.github.junitmailassert.dmarc.DmarcVerifier;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.spf.SpfIdentity;
import io.github.junitmailassert.spf.SpfResult;
import io.github.junitmailassert.spf.SpfResultCode;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each check gives its result in the one shape, and its text is that result written. */
class CheckMethodResultsTest {

  private static SpfResult spf(SpfIdentity identity, String domain) throws Exception {
    return new SpfResult(SpfResultCode.SOFTFAIL, identity, domain, "info@" + domain, "mail.sample.co.jp",
        InetAddress.getByName("203.0.113.25"), "~all", "", 1, "", List.of());
  }

  @Test
  void should_give_the_checked_identity_as_a_property_when_spf_is_written() throws Exception {
    assertThat(spf(SpfIdentity.MAILFROM, "sample.co.jp").methodResult())
        .isEqualTo(MethodResult.of("spf", "softfail").withProperty("smtp", "mailfrom", "sample.co.jp"));
    assertThat(spf(SpfIdentity.HELO, "mail.sample.co.jp").methodResult())
        .isEqualTo(MethodResult.of("spf", "softfail").withProperty("smtp", "helo", "mail.sample.co.jp"));
    assertThat(spf(SpfIdentity.MAILFROM, "").authenticationResultsPart()).isEqualTo("spf=softfail smtp.mailfrom=\"\"");
  }

  @Test
  void should_leave_out_the_tags_that_could_not_be_read_when_a_dkim_signature_is_written() {
    // GIVEN
    DkimSignatureResult signed = new DkimSignatureResult(DkimResultCode.FAIL, "sample.co.jp", "sel", "@sample.co.jp",
        "rsa-sha256", 2048, "ab/+cd=e", "the body hash does not match", false);
    DkimSignatureResult broken = new DkimSignatureResult(DkimResultCode.PERMERROR, "", "", "", "", 0, "", "no d= tag", false);
    // THEN
    assertThat(signed.methodResult()).isEqualTo(MethodResult.of("dkim", "fail").withProperty("header", "d", "sample.co.jp")
        .withProperty("header", "s", "sel").withProperty("header", "b", "ab/+cd=e"));
    assertThat(signed.authenticationResultsPart())
        .isEqualTo("dkim=fail header.d=sample.co.jp header.s=sel header.b=\"ab/+cd=e\"");
    assertThat(broken.methodResult()).isEqualTo(MethodResult.of("dkim", "permerror"));
  }

  @Test
  void should_give_the_policy_as_a_comment_when_dmarc_is_written() {
    // GIVEN
    DmarcVerifier verifier = DmarcVerifier.builder(DnsZone.create().dmarc("sample.co.jp", "v=DMARC1; p=reject")
        .resolver()).build();
    // WHEN
    DmarcResult fail = verifier.evaluate(DmarcInput.of("sample.co.jp", "", false, List.of()));
    DmarcResult noFrom = verifier.evaluate(DmarcInput.builder(AuthorDomain.fromMessage(
        "Subject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII))).build());
    // THEN
    assertThat(fail.methodResult()).isEqualTo(MethodResult.of("dmarc", "fail").withComment("p=reject dis=reject")
        .withProperty("header", "from", "sample.co.jp"));
    assertThat(fail.authenticationResultsPart()).isEqualTo(fail.methodResult().toString());
    assertThat(noFrom.methodResult()).isEqualTo(MethodResult.of("dmarc", "permerror").withComment("no From field"));
  }
}
