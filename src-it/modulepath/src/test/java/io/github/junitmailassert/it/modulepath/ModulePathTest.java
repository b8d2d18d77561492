package io.github.junitmailassert.it.modulepath;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpEndpoint;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The extension, the capture server and the assertions, with the library an automatic module on the module path. */
@MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", spf = "v=spf1 ip4:203.0.113.25 -all")
class ModulePathTest {

  @Test
  void should_capture_and_check_a_mail_when_the_library_is_on_the_module_path(SmtpEndpoint smtp, CapturedMails mails)
      throws Exception {
    // GIVEN the test runs in a named module
    Assertions.assertThat(getClass().getModule().getName()).isEqualTo("io.github.junitmailassert.it.modulepath");
    Assertions.assertThat(MailDeliverability.class.getModule().getName()).isEqualTo("io.github.junitmailassert");

    // WHEN the module's sender sends through the capture server
    PlainSmtpSender.send(smtp.host(), smtp.port(), "no-reply@sample.co.jp", "user@example.com",
        "From: <no-reply@sample.co.jp>\r\nTo: <user@example.com>\r\nSubject: Hello\r\n\r\nHello.");

    // THEN the receiver checks run there too
    assertThat(mails.single()).hasEnvelopeSenderDomain("sample.co.jp").spf().isPass();
    assertThatThrownBy(() -> assertThat(mails.single()).hasEnvelopeSenderDomain("example.com"))
        .isInstanceOf(AssertionError.class);
  }
}
