package io.github.junitmailassert.senders;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static io.github.junitmailassert.senders.support.ExpectedReport.EVERY_MACHINE;
import static io.github.junitmailassert.senders.support.ExpectedReport.fixEnvelopeSender;
import static io.github.junitmailassert.senders.support.ExpectedReport.fixHeaderAddresses;
import static io.github.junitmailassert.senders.support.ExpectedReport.fixHelo;
import static io.github.junitmailassert.senders.support.ExpectedReport.fixMessageId;
import static io.github.junitmailassert.senders.support.ExpectedReport.fixReceived;
import static io.github.junitmailassert.senders.support.ExpectedReport.localNameLeaks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.senders.support.RequiresTool;
import io.github.junitmailassert.senders.support.Sendmail;
import io.github.junitmailassert.spf.SpfResultCode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's real sendmail 8.17, run without a daemon on a host named {@code localhost.localdomain},
 * relaying a cron job's mail into the capture server: first with the configuration as installed,
 * then with the masquerading lines admins add, then with the host name set as well.
 */
@MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", spf = "v=spf1 ip4:203.0.113.25 -all")
@RequiresTool(value = {"sendmail", "m4", Sendmail.CF_M4}, packages = Sendmail.PACKAGES)
@RequiresTool(value = "unshare", packages = "util-linux", asRoot = true)
class SendmailTest {

  private static final String CRON_MAIL =
      "To: user@example.com\nSubject: Nightly backup finished\n\nAll 42 tables were saved.\n";

  static final String[] MASQUERADING = {
      "MASQUERADE_AS(`sample.co.jp')dnl",
      "FEATURE(`masquerade_envelope')dnl",
      "MASQUERADE_DOMAIN(`localhost')dnl",
      "MASQUERADE_DOMAIN(`localhost.localdomain')dnl"};

  @Test
  void should_report_root_at_localhost_localdomain_and_every_other_leak_when_the_mc_is_as_installed(
      @TempDir Path dir, SmtpEndpoint smtp, CapturedMails mails) {
    // GIVEN a .mc with nothing about names, as installed
    Sendmail sendmail = Sendmail.configure(dir, smtp);

    // WHEN a cron job running as root sends its report
    sendmail.send(CRON_MAIL);

    // THEN
    CapturedMail mail = mails.single();
    String messageId = mail.header("Message-ID").orElseThrow(); // queue id and time: taken from the mail
    String received = mail.header("Received").orElseThrow();
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasNoLocalNameLeaks())
        .withMessage(localNameLeaks(
            "mail #1 from <root@localhost.localdomain> to [user@example.com] \"Nightly backup finished\"",
            List.of(
                "MAIL FROM <root@localhost.localdomain>: localhost.localdomain is " + EVERY_MACHINE,
                "HELO/EHLO localhost.localdomain: localhost.localdomain is " + EVERY_MACHINE,
                "From root <root@localhost.localdomain>: localhost.localdomain is " + EVERY_MACHINE,
                "Message-ID " + messageId + ": localhost.localdomain is " + EVERY_MACHINE,
                "Received " + received + ": localhost.localdomain is " + EVERY_MACHINE),
            // The From domain is local too, so the fixes name the domain the test declared.
            List.of(fixEnvelopeSender("sample.co.jp"), fixHelo("sample.co.jp"),
                fixHeaderAddresses("sample.co.jp"), fixMessageId("sample.co.jp"),
                fixReceived("sample.co.jp"))));
    assertThat(messageId).endsWith("@localhost.localdomain>");
    // No SPF record exists for localhost.localdomain, and none could list this server.
    assertThat(mail).spf().hasCode(SpfResultCode.NONE);
    assertThat(received).contains("by localhost.localdomain (8.");
  }

  @Test
  void should_report_the_host_name_in_EHLO_Message_ID_and_Received_when_only_masquerading_is_configured(
      @TempDir Path dir, SmtpEndpoint smtp, CapturedMails mails) {
    // GIVEN the masquerading lines of the usual how-to
    Sendmail sendmail = Sendmail.configure(dir, smtp, MASQUERADING);

    // WHEN
    sendmail.send(CRON_MAIL);

    // THEN the envelope and From are fixed
    CapturedMail mail = mails.single();
    assertThat(mail).hasEnvelopeSender("root@sample.co.jp").hasFromDomain("sample.co.jp")
        .spf().isPass();
    // but the machine's name still shows
    String messageId = mail.header("Message-ID").orElseThrow();
    String received = mail.header("Received").orElseThrow();
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasNoLocalNameLeaks())
        .withMessage(localNameLeaks(
            "mail #1 from <root@sample.co.jp> to [user@example.com] \"Nightly backup finished\"",
            List.of(
                "HELO/EHLO localhost.localdomain: localhost.localdomain is " + EVERY_MACHINE,
                "Message-ID " + messageId + ": localhost.localdomain is " + EVERY_MACHINE,
                "Received " + received + ": localhost.localdomain is " + EVERY_MACHINE),
            List.of(fixHelo("sample.co.jp"), fixMessageId("sample.co.jp"), fixReceived("sample.co.jp"))));
  }

  @Test
  void should_pass_when_the_host_name_is_set_with_confDOMAIN_NAME_as_well(
      @TempDir Path dir, SmtpEndpoint smtp, CapturedMails mails) {
    // GIVEN masquerading and the host's public name
    Sendmail sendmail = Sendmail.configure(dir, smtp, append(MASQUERADING,
        "define(`confDOMAIN_NAME', `mail.sample.co.jp')dnl"));

    // WHEN
    sendmail.send(CRON_MAIL);

    // THEN
    CapturedMail mail = mails.single();
    assertThat(mail)
        .hasEnvelopeSenderDomain("sample.co.jp")
        .hasHeloName("mail.sample.co.jp")
        .hasFromDomain("sample.co.jp")
        .hasMessageIdDomain("mail.sample.co.jp")
        .spf().isPass();
    String received = mail.header("Received").orElseThrow();
    assertThat(received).startsWith("(from root@localhost)\tby mail.sample.co.jp (8.");
    assertThat(mail).hasNoLocalNameLeaks();
  }

  private static String[] append(String[] lines, String line) {
    String[] all = java.util.Arrays.copyOf(lines, lines.length + 1);
    all[lines.length] = line;
    return all;
  }
}
