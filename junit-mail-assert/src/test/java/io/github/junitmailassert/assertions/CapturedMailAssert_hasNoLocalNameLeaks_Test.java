package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.testing.Mails;
import org.junit.jupiter.api.Test;

class CapturedMailAssert_hasNoLocalNameLeaks_Test {

  @Test
  void should_pass_when_no_local_name_shows() {
    assertThat(Mails.clean()).hasNoLocalNameLeaks();
  }

  @Test
  void should_fail_listing_each_leak_with_its_place_and_fix() {
    // GIVEN a mail from sendmail masqueraded as sample.co.jp for the envelope and From only
    CapturedMail mail = CapturedMail.builder()
        .sequence(3)
        .helo("EHLO", "localhost.localdomain")
        .envelopeSender("root@sample.co.jp")
        .recipient("user@example.com")
        .rawMessage("From: root@sample.co.jp\r\nMessage-Id: <1.2@localhost.localdomain>\r\nSubject: hi\r\n\r\nx\r\n")
        .build();
    // WHEN / THEN
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasNoLocalNameLeaks())
        .withMessage(String.format("%n"
            + "Expecting no local host names in%n"
            + "  mail #3 from <root@sample.co.jp> to [user@example.com] \"hi\"%n"
            + "but found 2:%n"
            + "  - HELO/EHLO localhost.localdomain: localhost.localdomain is the name every machine gives itself%n"
            + "  - Message-ID <1.2@localhost.localdomain>: localhost.localdomain is the name every machine gives itself%n"
            + "Receivers take these for a misconfigured server: SPF cannot pass for them, and strict receivers"
            + " reject the mail.%n"
            + "How to fix:%n"
            + "  - set the name the client greets with: Jakarta Mail mail.smtp.localhost=mail.sample.co.jp;"
            + " sendmail define(`confDOMAIN_NAME', `mail.sample.co.jp'); Postfix myhostname = mail.sample.co.jp%n"
            + "  - make Message-ID end in your domain: Jakarta Mail takes it from mail.from"
            + " (set mail.from=no-reply@sample.co.jp) or from mail.user and mail.host;"
            + " sendmail define(`confDOMAIN_NAME', `mail.sample.co.jp')"));
  }

  @Test
  void should_use_a_placeholder_domain_in_fixes_when_the_from_domain_is_local_too() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(Mails.leakySendmail()).hasNoLocalNameLeaks())
        .withMessageContaining("but found 5:")
        .withMessageContaining("mail.smtp.from=no-reply@your-domain.example");
  }
}
