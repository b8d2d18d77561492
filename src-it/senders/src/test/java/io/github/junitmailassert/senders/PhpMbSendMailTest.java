package io.github.junitmailassert.senders;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static io.github.junitmailassert.senders.support.ExpectedReport.EVERY_MACHINE;
import static io.github.junitmailassert.senders.support.ExpectedReport.envelopeSenderDomain;
import static io.github.junitmailassert.senders.support.ExpectedReport.fixEnvelopeSender;
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
import io.github.junitmailassert.senders.support.Tools;
import io.github.junitmailassert.spf.SpfResultCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PHP's {@code mb_send_mail} in Japanese, handing the mail to the real sendmail through
 * {@code sendmail_path} on a host named {@code localhost.localdomain}, with sendmail as installed.
 */
@MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", spf = "v=spf1 ip4:203.0.113.25 -all")
@RequiresTool(value = "php", packages = "php-cli php-mbstring")
@RequiresTool(value = {"sendmail", "m4", Sendmail.CF_M4}, packages = Sendmail.PACKAGES)
@RequiresTool(value = "unshare", packages = "util-linux", asRoot = true)
class PhpMbSendMailTest {

  private static final String SUBJECT = "ご注文ありがとうございます";

  /** The shop's script: From is set, the envelope sender is left to the system unless given. */
  private static final String SCRIPT = String.join("\n",
      "<?php",
      "mb_language('Japanese');",
      "mb_internal_encoding('UTF-8');",
      "$params = $argc > 1 ? $argv[1] : null;",
      "$sent = mb_send_mail('user@example.com', '" + SUBJECT + "',",
      "    \"ご注文を承りました。\\n発送まで今しばらくお待ちください。\\n\", 'From: shop@sample.co.jp', $params);",
      "exit($sent ? 0 : 1);",
      "");

  @Test
  void should_report_root_at_localhost_localdomain_with_the_decoded_subject_when_sendmail_path_has_no_f(
      @TempDir Path dir, SmtpEndpoint smtp, CapturedMails mails) throws IOException {
    // GIVEN sendmail_path as php.ini ships it (with the test's private sendmail.cf)
    Sendmail sendmail = Sendmail.configure(dir, smtp);

    // WHEN
    runScript(dir, sendmail, "-t -i");

    // THEN
    CapturedMail mail = mails.single();
    assertThat(mail.header("Subject")).hasValueSatisfying(s -> assertThat(s).startsWith("=?ISO-2022-JP?B?"));
    assertThat(mail.header("Content-Type")).hasValue("text/plain; charset=ISO-2022-JP");
    String described = "mail #1 from <root@localhost.localdomain> to [user@example.com] \"" + SUBJECT + "\"";
    // sendmail writes "From" in mixed case, announces the message's size, and repeats the sender in
    // AUTH= (which receivers ignore from a client that did not authenticate).
    String mailCommand = mail.transcript().command("MAIL").orElseThrow().text();
    assertThat(mailCommand).matches("MAIL From:<root@localhost\\.localdomain> SIZE=\\d+ AUTH=root@localhost\\.localdomain");
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasEnvelopeSenderDomain("sample.co.jp"))
        .withMessage(envelopeSenderDomain(described, "sample.co.jp", "<root@localhost.localdomain>", mailCommand));
    assertThat(mail).spf().hasCode(SpfResultCode.NONE);
    String messageId = mail.header("Message-ID").orElseThrow();
    String received = mail.header("Received").orElseThrow();
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasNoLocalNameLeaks())
        .withMessage(localNameLeaks(described,
            List.of(
                "MAIL FROM <root@localhost.localdomain>: localhost.localdomain is " + EVERY_MACHINE,
                "HELO/EHLO localhost.localdomain: localhost.localdomain is " + EVERY_MACHINE,
                "Message-ID " + messageId + ": localhost.localdomain is " + EVERY_MACHINE,
                "Received " + received + ": localhost.localdomain is " + EVERY_MACHINE),
            // The script's From is in the domain, so the fixes name it.
            List.of(fixEnvelopeSender("sample.co.jp"), fixHelo("sample.co.jp"), fixMessageId("sample.co.jp"),
                fixReceived("sample.co.jp"))));
  }

  @ParameterizedTest(name = "-f {0}")
  @CsvSource(delimiter = '|', value = {
      "in sendmail_path          | -t -i -fno-reply@sample.co.jp |",
      "as the fifth argument     | -t -i                         | -fno-reply@sample.co.jp"})
  void should_have_the_envelope_sender_in_the_domain_when_f_is_given(String where, String sendmailPathArguments,
      String fifthArgument, @TempDir Path dir, SmtpEndpoint smtp, CapturedMails mails) throws IOException {
    // GIVEN
    Sendmail sendmail = Sendmail.configure(dir, smtp);

    // WHEN
    if (fifthArgument == null) {
      runScript(dir, sendmail, sendmailPathArguments);
    } else {
      runScript(dir, sendmail, sendmailPathArguments, fifthArgument);
    }

    // THEN the envelope is fixed (the host's name still shows: that is sendmail's part, see SendmailTest)
    CapturedMail mail = mails.single();
    assertThat(mail).hasEnvelopeSender("no-reply@sample.co.jp").hasFromDomain("sample.co.jp")
        .doesNotHaveHeader("X-Authentication-Warning")
        .spf().isPass();
    assertThat(mail.subject()).hasValue(SUBJECT);
  }

  private static void runScript(Path dir, Sendmail sendmail, String sendmailPathArguments, String... scriptArguments)
      throws IOException {
    Path script = Files.writeString(dir.resolve("order-confirmation.php"), SCRIPT);
    String sendmailPath = String.join(" ", sendmail.commandLine()) + " " + sendmailPathArguments;
    List<String> command = new ArrayList<>(List.of(Tools.path("php"), "-d", "sendmail_path=" + sendmailPath,
        script.toString()));
    command.addAll(List.of(scriptArguments));
    sendmail.host().run(new byte[0], command);
  }
}
