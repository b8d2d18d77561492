package io.github.junitmailassert.internal.check;

import io.github.junitmailassert.check.LocalNameLeak.Place;
import io.github.junitmailassert.check.LocalNames;
import io.github.junitmailassert.dkim.DkimSignatureResult;
import io.github.junitmailassert.dmarc.DmarcResult;
import io.github.junitmailassert.spf.SpfResult;
import java.net.Inet6Address;
import java.util.List;

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

  /** The fix for an SPF result other than pass, or "" for pass. */
  public static String forSpf(SpfResult spf) {
    String domain = spf.domain();
    String ip = spf.clientIp().getHostAddress();
    String term = (spf.clientIp() instanceof Inet6Address ? "ip6:" : "ip4:") + ip;
    if (LocalNames.whyLocal(domain).isPresent()) {
      return "no SPF record can exist for " + domain + ": put the envelope sender in your own domain first, then"
          + " publish TXT \"v=spf1 " + term + " -all\" there";
    }
    switch (spf.code()) {
      case PASS:
        return "";
      case NONE:
        return "publish an SPF record: " + domain + " TXT \"v=spf1 " + term + " -all\"";
      case PERMERROR:
        return "repair the SPF record of " + domain + " (" + spf.problem() + "); receivers treat it as if there were none"
            + " or reject";
      case TEMPERROR:
        return "make the DNS of " + domain + " answer (" + spf.problem() + "); receivers defer mail while SPF cannot be"
            + " checked";
      default:
        return "list the sending address in the SPF record of " + domain + ": add " + term + " (or your mail provider's"
            + " include:) before the all term";
    }
  }

  /** The fix when no DKIM signature passes. */
  public static String forDkim(List<DkimSignatureResult> signatures, String domain) {
    String d = domain == null || domain.isBlank() ? "your-domain.example" : domain;
    if (signatures.isEmpty()) {
      return "sign the mail with DKIM (d=" + d + ") and publish the public key at <selector>._domainkey." + d;
    }
    return "make a signature verify: " + signatures.get(0).reason();
  }

  /** The fix when DMARC does not pass. */
  public static String forDmarc(DmarcResult dmarc) {
    String d = dmarc.authorDomain().isBlank() ? "your-domain.example" : dmarc.authorDomain();
    if (dmarc.record().isEmpty()) {
      return "publish a DMARC policy: _dmarc." + d + " TXT \"v=DMARC1; p=none; rua=mailto:dmarc@" + d
          + "\", then align From with SPF or DKIM";
    }
    return "align the From domain " + d + " with a passing identity: the envelope sender's domain (SPF) or the DKIM d=";
  }
}
