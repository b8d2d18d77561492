package io.github.junitmailassert.senders.support;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.mail.CapturedMail;
import java.util.List;

/**
 * The failure messages the library's assertions give, written out here so that every test compares
 * them exactly: a change in the library's wording fails these tests on purpose.
 */
public final class ExpectedReport {

  private static final String NL = System.lineSeparator();

  private ExpectedReport() {}

  /** The failure of {@code hasNoLocalNameLeaks()} for {@code mail} (its {@code toString()}) with these findings and fixes. */
  public static String localNameLeaks(String mail, List<String> findings, List<String> fixes) {
    StringBuilder sb = new StringBuilder();
    sb.append(NL).append("Expecting no local host names in").append(NL)
        .append("  ").append(mail).append(NL)
        .append("but found ").append(findings.size()).append(':');
    for (String finding : findings) {
      sb.append(NL).append("  - ").append(finding);
    }
    sb.append(NL).append("Receivers take these for a misconfigured server: SPF cannot pass for them, and strict"
        + " receivers reject the mail.").append(NL).append("How to fix:");
    for (String fix : fixes) {
      sb.append(NL).append("  - ").append(fix);
    }
    return sb.toString();
  }

  /**
   * The failure of {@code hasEnvelopeSenderDomain(domain)}.
   *
   * @param mailCommand the {@code MAIL} command as the sender wrote it
   */
  public static String envelopeSenderDomain(String mail, String domain, String returnPath, String mailCommand) {
    return NL + "Expecting the envelope sender (MAIL FROM) of" + NL
        + "  " + mail + NL
        + "to be in domain:" + NL
        + "  " + domain + NL
        + "but was:" + NL
        + "  " + returnPath + NL
        + "as the client sent it:" + NL
        + "  " + mailCommand + NL
        + "Receivers check SPF for this domain, write it as Return-Path and send bounces there." + NL
        + "Fix: " + fixEnvelopeSender(domain);
  }

  /** The reason a local name is local, for {@code localhost} and {@code localhost.localdomain}. */
  public static final String EVERY_MACHINE = "the name every machine gives itself";

  /** The reason for a dotless host name. */
  public static final String DOTLESS = "a dotless host name (a machine or container name, not a domain)";

  public static String fixEnvelopeSender(String d) {
    return "set the envelope sender to an address in " + d + ": Jakarta Mail mail.smtp.from=no-reply@" + d
        + " (Spring Boot: spring.mail.properties.mail.smtp.from); PHP -fno-reply@" + d
        + " in sendmail_path or as mail()'s fifth argument; sendmail MASQUERADE_AS(`" + d
        + "') with FEATURE(`masquerade_envelope')";
  }

  public static String fixHelo(String d) {
    return "set the name the client greets with: Jakarta Mail mail.smtp.localhost=mail." + d
        + "; sendmail define(`confDOMAIN_NAME', `mail." + d + "'); Postfix myhostname = mail." + d;
  }

  public static String fixHeaderAddresses(String d) {
    return "write addresses in " + d + " into the header: set From in the application; sendmail rewrites"
        + " local names with MASQUERADE_AS(`" + d + "') and MASQUERADE_DOMAIN(`localhost.localdomain')";
  }

  public static String fixMessageId(String d) {
    return "make Message-ID end in your domain: Jakarta Mail takes it from mail.from (set mail.from=no-reply@" + d
        + ") or from mail.user and mail.host; sendmail define(`confDOMAIN_NAME', `mail." + d + "')";
  }

  public static String fixReceived(String d) {
    return "give the sending MTA its real name: sendmail define(`confDOMAIN_NAME', `mail." + d
        + "'); Postfix myhostname = mail." + d + "; or set the machine's host name to a name in " + d;
  }

  /**
   * Asserts the exact leak report of a mail sent with Jakarta Mail's defaults, which every Java
   * library here builds on: EHLO and the Message-ID carry the machine's own name.
   *
   * @param mailLine the mail as the report names it ({@code mail #1 from <...> to [...] "subject"})
   */
  public static void assertMachineNameLeaks(CapturedMail mail, String mailLine) {
    String machine = MachineName.asJakartaMailSeesIt(); // whatever this machine is called
    String why = MachineName.whyLocal(machine);
    String messageId = mail.header("Message-ID").orElseThrow(); // unique per mail
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasNoLocalNameLeaks())
        .withMessage(localNameLeaks(mailLine,
            List.of("HELO/EHLO " + machine + ": " + machine + " is " + why,
                "Message-ID " + messageId + ": " + machine + " is " + why),
            List.of(fixHelo("sample.co.jp"), fixMessageId("sample.co.jp"))));
    assertThat(messageId).endsWith("@" + machine + ">");
  }
}
