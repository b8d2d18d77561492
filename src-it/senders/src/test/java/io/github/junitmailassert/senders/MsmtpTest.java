package io.github.junitmailassert.senders;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static io.github.junitmailassert.senders.support.ExpectedReport.EVERY_MACHINE;
import static io.github.junitmailassert.senders.support.ExpectedReport.fixHelo;
import static io.github.junitmailassert.senders.support.ExpectedReport.localNameLeaks;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.senders.support.RequiresTool;
import io.github.junitmailassert.senders.support.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * msmtp, the small sendmail-compatible client that containers and cron jobs use: it needs an
 * envelope sender, but greets with {@code EHLO localhost} unless told its domain.
 */
@MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", spf = "v=spf1 ip4:203.0.113.25 -all")
@RequiresTool(value = "msmtp", packages = "msmtp")
class MsmtpTest {

  private static final String ALERT = "To: user@example.com\nSubject: Disk almost full\n\n/var is 91% full.\n";

  @Test
  void should_report_EHLO_localhost_when_the_msmtprc_has_no_domain(@TempDir Path dir, SmtpEndpoint smtp,
      CapturedMails mails) throws IOException {
    // GIVEN the account as the usual msmtprc examples write it
    Path msmtprc = msmtprc(dir, "defaults", "auth off", "tls off",
        "account default", "host " + smtp.host(), "port " + smtp.port(), "from alerts@sample.co.jp");

    // WHEN
    msmtp(List.of("-C", msmtprc.toString(), "-t"));

    // THEN the envelope, From and Message-ID are in the domain, but not the greeting
    CapturedMail mail = mails.single();
    assertThat(mail).hasEnvelopeSender("alerts@sample.co.jp").hasFromDomain("sample.co.jp")
        .hasMessageIdDomain("sample.co.jp").spf().isPass();
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasNoLocalNameLeaks())
        .withMessage(localNameLeaks(
            "mail #1 from <alerts@sample.co.jp> to [user@example.com] \"Disk almost full\"",
            List.of("HELO/EHLO localhost: localhost is " + EVERY_MACHINE),
            List.of(fixHelo("sample.co.jp"))));
  }

  @Test
  void should_pass_when_the_msmtprc_sets_the_domain(@TempDir Path dir, SmtpEndpoint smtp, CapturedMails mails)
      throws IOException {
    // GIVEN
    Path msmtprc = msmtprc(dir, "defaults", "auth off", "tls off",
        "account default", "host " + smtp.host(), "port " + smtp.port(), "from alerts@sample.co.jp",
        "domain mail.sample.co.jp");

    // WHEN
    msmtp(List.of("-C", msmtprc.toString(), "-t"));

    // THEN
    assertThat(mails.single()).hasEnvelopeSender("alerts@sample.co.jp").hasHeloName("mail.sample.co.jp")
        .hasNoLocalNameLeaks().spf().isPass();
  }

  @Test
  void should_pass_when_the_command_line_gives_from_and_domain(@TempDir Path dir, SmtpEndpoint smtp,
      CapturedMails mails) throws IOException {
    // GIVEN no account at all (an empty private msmtprc keeps the machine's own out)
    Path empty = msmtprc(dir);

    // WHEN
    msmtp(List.of("-C", empty.toString(), "--host=" + smtp.host(), "--port=" + smtp.port(),
        "--from=alerts@sample.co.jp", "--domain=mail.sample.co.jp", "-t"));

    // THEN
    assertThat(mails.single()).hasEnvelopeSender("alerts@sample.co.jp").hasHeloName("mail.sample.co.jp")
        .hasNoLocalNameLeaks().spf().isPass();
  }

  /** A private msmtprc, mode 600 as msmtp wants it once it holds a password. */
  private static Path msmtprc(Path dir, String... lines) throws IOException {
    Path file = dir.resolve("msmtprc");
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  private static void msmtp(List<String> arguments) {
    List<String> command = new ArrayList<>(List.of(Tools.path("msmtp")));
    command.addAll(arguments);
    Tools.run(ALERT.getBytes(StandardCharsets.UTF_8), command);
  }
}
