package io.github.junitmailassert.internal.check;

import io.github.junitmailassert.check.LocalNameLeak.Place;

/** The usual fix, per sender stack, for each place a local name leaks. Internal. */
public final class Fixes {

  private Fixes() {}

  /** The fix for a leak at {@code place}, with {@code domain} (or a placeholder) filled in. */
  public static String forLeak(Place place, String domain) {
    String d = domain == null || domain.isBlank() ? "your-domain.example" : domain;
    switch (place) {
      case MAIL_FROM:
      case RETURN_PATH:
        return envelopeSender(d);
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

  /** The fix for an envelope sender outside the sending domain. */
  public static String envelopeSender(String domain) {
    String d = domain == null || domain.isBlank() ? "your-domain.example" : domain;
    return "set the envelope sender to an address in " + d + ": Jakarta Mail mail.smtp.from=no-reply@" + d
        + " (Spring Boot: spring.mail.properties.mail.smtp.from); PHP -fno-reply@" + d
        + " in sendmail_path or as mail()'s fifth argument; sendmail MASQUERADE_AS(`" + d
        + "') with FEATURE(`masquerade_envelope')";
  }
}
