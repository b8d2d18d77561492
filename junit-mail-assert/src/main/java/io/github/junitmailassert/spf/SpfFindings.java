package io.github.junitmailassert.spf;

import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.Finding.Severity;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.envelope.LocalNames;
import java.net.Inet6Address;
import java.util.List;
import org.apiguardian.api.API;

/** What an SPF result other than pass means for the sender, and its fix. The fixes live here and nowhere else. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class SpfFindings {

  private SpfFindings() {}

  /**
   * The finding of {@code result}: none for pass, else one, whose text is the {@code Received-SPF}
   * line the receiver writes.
   *
   * @param clientIpDeclared whether the test declared the client IP; if not, the fix is to declare it
   * @param result the SPF result
   * @param receivedSpf the Received-SPF header field the receiver would write
   * @return the findings, none or one
   */
  public static List<Finding> of(SpfResult result, String receivedSpf, boolean clientIpDeclared) {
    if (result.isPass()) {
      return List.of();
    }
    return List.of(new Finding(MailCheck.SPF, Severity.ERROR, receivedSpf, fix(result, clientIpDeclared),
        "RFC 7208 section 8 (" + result.code().keyword() + ")"));
  }

  /**
   * {@return the fix for {@code result}, or "" for pass}
   *
   * @param result the SPF result
   * @param clientIpDeclared whether the test declared the client IP
   */
  public static String fix(SpfResult result, boolean clientIpDeclared) {
    String domain = result.domain();
    if (result.isPass()) {
      return "";
    }
    if (!clientIpDeclared) {
      return "declare clientIp, the public address receivers see for the sending host (@MailDeliverability(clientIp ="
          + " \"203.0.113.25\") or the builder's clientIp(...)): over loopback every client is "
          + result.clientIp().getHostAddress() + ", which no SPF record in production lists";
    }
    String term = (result.clientIp() instanceof Inet6Address ? "ip6:" : "ip4:") + result.clientIp().getHostAddress();
    if (domain.isBlank() || LocalNames.whyLocal(domain).isPresent()) {
      return "no SPF record can exist for " + domain + ": put the envelope sender in your own domain first, then"
          + " publish TXT \"v=spf1 " + term + " -all\" there";
    }
    switch (result.code()) {
      case NONE:
        return "publish an SPF record: " + domain + " TXT \"v=spf1 " + term + " -all\"";
      case PERMERROR:
        return "repair the SPF record of " + domain + " (" + result.problem() + "); receivers treat it as if there"
            + " were none or reject";
      case TEMPERROR:
        return "make the DNS of " + domain + " answer (" + result.problem() + "); receivers defer mail while SPF"
            + " cannot be checked";
      default:
        return "list the sending address in the SPF record of " + domain + ": add " + term + " (or your mail provider's"
            + " include:) before the all term";
    }
  }
}
