package io.github.junitmailassert.envelope;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.check.CheckOutcome;
import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.Finding.Severity;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.envelope.LocalNameLeak.Place;
import io.github.junitmailassert.internal.mail.Domains;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The envelope checks ({@link MailCheck#ENVELOPE_DOMAIN}, {@link MailCheck#LOCAL_NAMES}): their
 * findings, and the usual fix in each sender stack. The fixes live here and nowhere else.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class EnvelopeChecks {

  private static final String PLACEHOLDER = "your-domain.example";

  private EnvelopeChecks() {}

  /**
   * {@return whether the envelope sender is in {@code domain} or below it} Not checked without a declared
   * domain; the null sender, which bounces and auto-replies must use, passes.
   *
   * @param mail the captured mail
   * @param domain the sender's own domain, written into the fix
   */
  public static CheckOutcome envelopeDomain(CapturedMail mail, Optional<String> domain) {
    if (domain.isEmpty()) {
      return CheckOutcome.notChecked(MailCheck.ENVELOPE_DOMAIN, "no sending domain declared",
          "declare domain, the domain the application sends from");
    }
    if (mail.isNullSender()) {
      // Right for bounces and auto-replies: nothing to hold against the mail.
      return CheckOutcome.of(MailCheck.ENVELOPE_DOMAIN, List.of(new Finding(MailCheck.ENVELOPE_DOMAIN, Severity.INFO,
          "the null sender MAIL FROM:<> has no domain, as bounces and auto-replies must send", "",
          "RFC 5321 section 4.5.5")));
    }
    if (Domains.isSameOrSubdomain(mail.envelopeSenderDomain().orElse(""), domain.get())) {
      return CheckOutcome.of(MailCheck.ENVELOPE_DOMAIN, List.of());
    }
    return CheckOutcome.of(MailCheck.ENVELOPE_DOMAIN, List.of(new Finding(MailCheck.ENVELOPE_DOMAIN, Severity.ERROR,
        "envelope sender <" + mail.envelopeSender() + "> is not in " + domain.get(), envelopeSenderFix(domain.get()),
        "RFC 7208 section 2.4 (SPF checks the MAIL FROM domain)")));
  }

  /**
   * {@return one finding per leak, each with the fix for where it was found}
   *
   * @param leaks the local-name leaks found
   * @param domain the sender's own domain, written into the fix
   */
  public static List<Finding> leakFindings(List<LocalNameLeak> leaks, String domain) {
    List<Finding> findings = new ArrayList<>(leaks.size());
    for (LocalNameLeak leak : leaks) {
      findings.add(new Finding(MailCheck.LOCAL_NAMES, Severity.ERROR, leak.describe(), leakFix(leak.place(), domain),
          leak.place() == Place.HELO ? "RFC 5321 section 4.1.1.1 (the HELO name is the client's fully qualified name)"
              : "RFC 5321 section 2.3.5 (names in mail are fully qualified domain names)"));
    }
    return findings;
  }

  /**
   * {@return the fix for a leak at {@code place}, with {@code domain} (or a placeholder) filled in}
   *
   * @param place where the local name shows
   * @param domain the sender's own domain, written into the fix
   */
  public static String leakFix(Place place, String domain) {
    String d = orPlaceholder(domain);
    switch (place) {
      case MAIL_FROM:
      case RETURN_PATH:
        return envelopeSenderFix(d);
      case HELO:
        return "set the name the client greets with: Jakarta Mail mail.smtp.localhost=mail." + d
            + "; sendmail define(`confDOMAIN_NAME', `mail." + d + "'); Postfix myhostname = mail." + d;
      case MESSAGE_ID:
        return "make Message-ID end in your domain: Jakarta Mail takes it from mail.from (set mail.from=no-reply@" + d
            + ") or from mail.user and mail.host; sendmail define(`confDOMAIN_NAME', `mail." + d + "')";
      case RECEIVED:
        return "give the sending MTA its real name: sendmail define(`confDOMAIN_NAME', `mail." + d
            + "'); Postfix myhostname = mail." + d + "; or set the machine's host name to a name in " + d;
      case FROM:
      case SENDER:
      case REPLY_TO:
      default:
        return "write addresses in " + d + " into the header: set From in the application; sendmail rewrites"
            + " local names with MASQUERADE_AS(`" + d + "') and MASQUERADE_DOMAIN(`localhost.localdomain')";
    }
  }

  /**
   * {@return the fix for an envelope sender outside the sending domain}
   *
   * @param domain the sender's own domain, written into the fix
   */
  public static String envelopeSenderFix(String domain) {
    String d = orPlaceholder(domain);
    return "set the envelope sender to an address in " + d + ": Jakarta Mail mail.smtp.from=no-reply@" + d
        + " (Spring Boot: spring.mail.properties.mail.smtp.from); PHP -fno-reply@" + d
        + " in sendmail_path or as mail()'s fifth argument; sendmail MASQUERADE_AS(`" + d
        + "') with FEATURE(`masquerade_envelope')";
  }

  private static String orPlaceholder(String domain) {
    return domain == null || domain.isBlank() ? PLACEHOLDER : domain;
  }
}
