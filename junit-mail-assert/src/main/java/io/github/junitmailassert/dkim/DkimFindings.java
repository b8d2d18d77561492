package io.github.junitmailassert.dkim;

import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.Finding.Severity;
import io.github.junitmailassert.check.MailCheck;
import java.util.List;
import org.apiguardian.api.API;

/** What it means for the sender when no DKIM signature passes, and the fix. The fixes live here and nowhere else. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class DkimFindings {

  private static final String SOURCE = "RFC 6376 section 6.1; DMARC needs a passing, aligned signature or SPF";

  private DkimFindings() {}

  /**
   * None when a signature passes; else one finding for the mail.
   *
   * @param domain the domain to sign with, for the fix: the From domain, so that DMARC aligns
   * @param signatures the mail's DKIM signature results
   * @return the findings, none or one
   */
  public static List<Finding> of(List<DkimSignatureResult> signatures, String domain) {
    if (signatures.stream().anyMatch(DkimSignatureResult::isPass)) {
      return List.of();
    }
    String text = signatures.isEmpty() ? "the mail is not signed (dkim=none)"
        : "no DKIM signature passes (" + signatures.stream().filter(r -> r.domain().equalsIgnoreCase(domain))
            .findFirst().orElse(signatures.get(0)).authenticationResultsPart() + ")";
    return List.of(new Finding(MailCheck.DKIM, Severity.ERROR, text, fix(signatures, domain), SOURCE));
  }

  /**
   * {@return the fix when no signature passes}
   *
   * @param signatures the mail's DKIM signature results
   * @param domain the From domain, whose signature DMARC needs
   */
  public static String fix(List<DkimSignatureResult> signatures, String domain) {
    if (signatures.isEmpty()) {
      return "sign the mail with DKIM, d=" + domain + " (the From domain, so that DMARC aligns), and publish the key at"
          + " <selector>._domainkey." + domain + "; in a test, DkimKeyPair.publishedIn(zone, selector, domain, algorithm) makes"
          + " both";
    }
    // The signature of the From domain, where there is one: the one DMARC needs.
    DkimSignatureResult shown = signatures.stream().filter(r -> r.domain().equalsIgnoreCase(domain)).findFirst()
        .orElse(signatures.get(0));
    return "make a signature verify: " + shown.reason();
  }
}
