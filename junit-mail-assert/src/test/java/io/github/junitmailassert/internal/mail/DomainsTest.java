package io.github.junitmailassert.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class DomainsTest {

  @Test
  void should_compare_u_labels_and_a_labels_as_one_domain() {
    assertThat(Domains.isSameOrSubdomain("例え.jp", "xn--r8jz45g.jp")).isTrue();
    assertThat(Domains.isSameOrSubdomain("XN--R8JZ45G.JP.", "例え.jp")).isTrue();
    assertThat(Domains.isSameOrSubdomain("メール.例え.jp", "例え.jp")).isTrue();
    assertThat(Domains.isSameOrSubdomain("例え.jp", "メール.例え.jp")).isFalse();
    assertThat(Domains.isSameOrSubdomain("他の例え.jp", "例え.jp")).isFalse();
    assertThat(Domains.isSameOrSubdomain("a\u0378b.jp", "a\u0378b.jp")).isTrue(); // not convertible: as written
  }

  @Test
  void should_convert_u_labels_to_a_labels_and_leave_ascii_names_as_they_are() {
    assertThat(Domains.toAscii("例え.jp")).isEqualTo("xn--r8jz45g.jp");
    assertThat(Domains.toAscii("_dmarc.例え.jp.")).isEqualTo("_dmarc.xn--r8jz45g.jp.");
    assertThat(Domains.toAscii("Mail.Sample.co.jp")).isEqualTo("Mail.Sample.co.jp");
    assertThatIllegalArgumentException().isThrownBy(() -> Domains.toAscii("a\u0378b.jp"))
        .withMessage("not a valid DNS name: \"a\u0378b.jp\" (not an internationalized domain name: An unassigned code"
            + " point was found in the input a\u0378b)");
  }
}
