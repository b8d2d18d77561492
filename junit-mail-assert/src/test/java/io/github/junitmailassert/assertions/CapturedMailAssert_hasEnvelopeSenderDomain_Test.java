package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.testing.Mails;
import org.junit.jupiter.api.Test;

class CapturedMailAssert_hasEnvelopeSenderDomain_Test {

  @Test
  void should_pass_when_the_envelope_sender_is_in_the_domain_or_a_subdomain() {
    assertThat(Mails.clean()).hasEnvelopeSenderDomain("sample.co.jp").hasEnvelopeSenderDomain("SAMPLE.co.jp");
  }

  @Test
  void should_fail_with_the_fix_when_the_envelope_sender_is_local() {
    // GIVEN
    var mail = Mails.leakySendmail();
    // WHEN / THEN
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasEnvelopeSenderDomain("sample.co.jp"))
        .withMessage(String.format("%n"
            + "Expecting the envelope sender (MAIL FROM) of%n"
            + "  mail #1 from <root@localhost.localdomain> to [user@example.com] \"Welcome\"%n"
            + "to be in domain:%n"
            + "  sample.co.jp%n"
            + "but was:%n"
            + "  <root@localhost.localdomain>%n"
            + "Receivers check SPF for this domain, write it as Return-Path and send bounces there.%n"
            + "Fix: set the envelope sender to an address in sample.co.jp: Jakarta Mail"
            + " mail.smtp.from=no-reply@sample.co.jp (Spring Boot: spring.mail.properties.mail.smtp.from);"
            + " PHP -fno-reply@sample.co.jp in sendmail_path or as mail()'s fifth argument;"
            + " sendmail MASQUERADE_AS(`sample.co.jp') with FEATURE(`masquerade_envelope')"));
  }

  @Test
  void should_pass_when_the_envelope_domain_is_written_with_a_final_dot() {
    var mail = io.github.junitmailassert.mail.CapturedMail.builder().envelopeSender("bounce@sample.co.jp.").build();
    assertThat(mail).hasEnvelopeSenderDomain("sample.co.jp");
  }

  @Test
  void should_fail_when_a_domain_only_ends_with_the_same_letters() {
    var mail = io.github.junitmailassert.mail.CapturedMail.builder().envelopeSender("x@notsample.co.jp").build();
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasEnvelopeSenderDomain("sample.co.jp"))
        .withMessageContaining("but was:%n  <x@notsample.co.jp>".formatted());
  }

  @Test
  void should_fail_for_the_null_sender_without_telling_a_bounce_to_change_it() {
    // GIVEN a bounce, sent as bounces must be
    io.github.junitmailassert.mail.CapturedMail bounce = io.github.junitmailassert.mail.CapturedMail.builder().sequence(4)
        .envelopeSender("").recipient("user@example.com").rawMessage("Subject: Undelivered\r\n\r\nx\r\n").build();
    // WHEN / THEN
    org.assertj.core.api.Assertions.assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(bounce).hasEnvelopeSenderDomain("sample.co.jp"))
        .withMessage(String.format("%nExpecting the envelope sender (MAIL FROM) of%n"
            + "  mail #4 from <> to [user@example.com] \"Undelivered\"%n"
            + "to be in domain:%n  sample.co.jp%n"
            + "but it is the null sender <>, which has no domain: bounces and auto-replies must send with it"
            + " (RFC 5321 section 4.5.5), and the CI gate lets it pass. For such a mail, assert hasNullSender()."));
  }
}
