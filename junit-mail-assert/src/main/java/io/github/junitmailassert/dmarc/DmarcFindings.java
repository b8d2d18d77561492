package io.github.junitmailassert.dmarc;

import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.Finding.Severity;
import io.github.junitmailassert.check.MailCheck;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** What a DMARC result other than pass means for the sender, and its fix. The fixes live here and nowhere else. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class DmarcFindings {

  private DmarcFindings() {}

  /**
   * None for pass; else one finding.
   *
   * @param result the DMARC result
   * @return the findings, none or one
   */
  public static List<Finding> of(DmarcResult result) {
    if (result.isPass()) {
      return List.of();
    }
    return List.of(new Finding(MailCheck.DMARC, Severity.ERROR,
        result.authenticationResultsPart() + ": " + result.reason(), fix(result),
        result.mode() == DmarcMode.RFC9989 ? "RFC 9989" : "RFC 7489 section 6.6"));
  }

  /**
   * {@return the fix for {@code result}, or "" for pass}
   *
   * @param result the DMARC result
   */
  public static String fix(DmarcResult result) {
    String d = result.authorDomain().isBlank() ? "your-domain.example" : result.authorDomain();
    switch (result.code()) {
      case PASS:
        return "";
      case TEMPERROR:
        return "make the DNS of _dmarc." + d + " answer; receivers defer or ignore DMARC while it fails";
      case PERMERROR:
        return "give the mail exactly one From field with one address in your domain";
      case NONE:
        return publishFix(result) + ", then align From with SPF or DKIM";
      default:
        return alignmentFix(result);
    }
  }

  /**
   * {@return the record to publish for the From domain}
   *
   * @param result the DMARC result
   */
  public static String publishFix(DmarcResult result) {
    String d = result.authorDomain().isBlank() ? "your-domain.example" : result.authorDomain();
    return "publish a DMARC policy: _dmarc." + d + " TXT \"v=DMARC1; p=none; rua=mailto:dmarc@" + d + "\"";
  }

  /**
   * {@return how to align the From domain with an identity that passes, given what passes now and the record's modes}
   *
   * @param result the DMARC result
   */
  public static String alignmentFix(DmarcResult result) {
    String d = result.authorDomain().isBlank() ? "your-domain.example" : result.authorDomain();
    // DKIM first: a signature with the exact domain is the fix that survives forwarding.
    List<IdentifierAlignment> byMethod = result.alignments().stream()
        .sorted(java.util.Comparator.comparing(a -> a.method() == IdentifierAlignment.Method.DKIM ? 0 : 1)).toList();
    for (IdentifierAlignment a : byMethod) {
      if (a.authenticated() && a.level() == IdentifierAlignment.Level.RELAXED && a.required() == AlignmentMode.STRICT) {
        return a.method() == IdentifierAlignment.Method.DKIM
            ? "the DMARC record asks for strict DKIM alignment (adkim=s) and the signature's d=" + a.domain()
                + " is only in the same organization: sign with d=" + d + " exactly, or publish adkim=r"
            : "the DMARC record asks for strict SPF alignment (aspf=s) and the envelope sender's domain " + a.domain()
                + " is only in the same organization: send with an envelope sender @" + d + " exactly, or publish aspf=r";
      }
    }
    List<String> passing = result.alignments().stream().filter(IdentifierAlignment::authenticated)
        .map(a -> (a.method() == IdentifierAlignment.Method.SPF ? "SPF " : "DKIM d=") + a.domain())
        .collect(Collectors.toList());
    String now = passing.isEmpty() ? "neither SPF nor DKIM passes" : "what passes is " + String.join(", ", passing);
    return "align the From domain " + d + " with a passing identity (" + now + "): send with an envelope sender in " + d
        + " whose SPF record lists the sending IP (Jakarta Mail mail.smtp.from), or sign with DKIM d=" + d;
  }
}
