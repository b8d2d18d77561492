package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.MailAssertions.assertThatMails;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.testing.Mails;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapturedMailsAssertTest {

  private final List<io.github.junitmailassert.mail.CapturedMail> mails = List.of(Mails.leakySendmail(), Mails.clean());

  @Test
  void should_count_filter_and_navigate() {
    assertThatMails(mails).hasSize(2)
        .sentTo("other@example.net").hasSize(1)
        .first().hasEnvelopeSenderDomain("sample.co.jp");
  }

  @Test
  void should_report_every_failing_mail_of_every_mail() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThatMails(mails).everyMail(m -> m.hasHeloName("mail.sample.co.jp")))
        .withMessage(String.format("1 of 2 mail(s) failed:%n"
            + "Expecting the HELO/EHLO name of%n"
            + "  mail #1 from <root@localhost.localdomain> to [user@example.com] \"Welcome\"%n"
            + "to be:%n  \"mail.sample.co.jp\"%nbut was:%n  \"localhost.localdomain\""));
  }

  @Test
  void should_report_the_mails_that_leak_local_names() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThatMails(mails).haveNoLocalNameLeaks())
        .withMessageStartingWith(String.format("%nExpecting no local host names in 2 captured mail(s) but 1 leak them:%n"
            + "mail #1 from <root@localhost.localdomain> to [user@example.com] \"Welcome\"%n"
            + "  - MAIL FROM <root@localhost.localdomain>: localhost.localdomain is the name every machine gives itself"));
  }

  @Test
  void should_collect_every_failure_with_soft_assertions() {
    MailSoftAssertions softly = new MailSoftAssertions();
    softly.assertThat(Mails.leakySendmail()).hasEnvelopeSenderDomain("sample.co.jp");
    softly.assertThat(Mails.leakySendmail()).hasHeloName("mail.sample.co.jp");
    softly.assertThat(Mails.clean()).hasHeloName("mail.sample.co.jp");

    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(softly::assertAll)
        .withMessageContaining("Multiple Failures (2 failures)")
        .withMessageContaining("to be in domain:")
        .withMessageContaining("but was:%n  \"localhost.localdomain\"".formatted());
  }
}
