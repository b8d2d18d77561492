package io.github.junitmailassert.internal.check;

import io.github.junitmailassert.CapturedMail;
import io.github.junitmailassert.check.HeaderSanity;
import io.github.junitmailassert.check.LocalNameLeak;
import io.github.junitmailassert.check.LocalNames;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.check.ReceiverChecks;
import io.github.junitmailassert.dkim.DkimSignatureResult;
import io.github.junitmailassert.dmarc.DmarcResult;
import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.spf.SpfResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The receiver checks behind the CI gate ({@code verifyEachTest}) and
 * {@code passesReceiverChecks}: each problem found, with its fix, and the one report. Internal.
 */
public final class EachTestVerification {

  /** One thing a receiver would hold against a mail, and how to fix it. */
  public record Problem(String text, String fix) {}

  private EachTestVerification() {}

  /** The problems of one mail for the chosen checks; empty when the mail passes them all. */
  public static List<Problem> problems(CapturedMail mail, String domain, Set<MailCheck> checks) {
    return problems(mail, domain, checks, ReceiverChecks::of);
  }

  /**
   * As above, with the receiver checks taken from {@code checksOf}, so that callers that also
   * print or write a report of the mail run SPF, DKIM and DMARC once.
   */
  public static List<Problem> problems(CapturedMail mail, String domain, Set<MailCheck> checks,
      Function<CapturedMail, ReceiverChecks> checksOf) {
    List<Problem> problems = new ArrayList<>();
    if (checks.contains(MailCheck.ENVELOPE_DOMAIN) && domain != null && !domain.isBlank() && !mail.isNullSender()) {
      if (!Domains.isSameOrSubdomain(mail.envelopeSenderDomain().orElse(""), domain)) {
        problems.add(new Problem("envelope sender <" + mail.envelopeSender() + "> is not in " + domain,
            Fixes.envelopeSender(domain)));
      }
    }
    if (checks.contains(MailCheck.LOCAL_NAMES)) {
      for (LocalNameLeak leak : LocalNames.findLeaks(mail)) {
        problems.add(new Problem(leak.describe(), Fixes.forLeak(leak.place(), domain)));
      }
    }
    if (checks.contains(MailCheck.FORMAT)) {
      for (Finding finding : HeaderSanity.check(mail)) {
        if (finding.severity() == Finding.Severity.ERROR) {
          problems.add(new Problem(finding.text(), finding.fix()));
        }
      }
    }
    boolean needsDns = checks.contains(MailCheck.SPF) || checks.contains(MailCheck.REVERSE_DNS)
        || checks.contains(MailCheck.DKIM) || checks.contains(MailCheck.DMARC);
    if (!needsDns) {
      return problems;
    }
    ReceiverChecks receiver = checksOf.apply(mail);
    if (checks.contains(MailCheck.SPF)) {
      SpfResult spf = receiver.spf();
      if (!spf.isPass()) {
        problems.add(new Problem(receiver.receivedSpf(), Fixes.forSpf(spf)));
      }
    }
    if (checks.contains(MailCheck.REVERSE_DNS)) {
      for (Finding finding : receiver.sendingHost().findings()) {
        if (finding.severity() != Finding.Severity.INFO) {
          problems.add(new Problem(finding.text(), finding.fix()));
        }
      }
    }
    if (checks.contains(MailCheck.DKIM)) {
      List<DkimSignatureResult> signatures = receiver.dkim();
      if (signatures.stream().noneMatch(DkimSignatureResult::isPass)) {
        String text = signatures.isEmpty() ? "DKIM: the mail is not signed"
            : "DKIM: no signature passes (" + signatures.get(0).authenticationResultsPart() + ")";
        problems.add(new Problem(text, Fixes.forDkim(signatures, domain)));
      }
    }
    if (checks.contains(MailCheck.DMARC)) {
      DmarcResult dmarc = receiver.dmarc();
      if (!dmarc.isPass()) {
        problems.add(new Problem("DMARC " + dmarc.status().keyword() + ": " + dmarc.reason(), Fixes.forDmarc(dmarc)));
      }
    }
    return problems;
  }

  /** The report for all captured mails, or null when every mail passes. */
  public static String report(List<CapturedMail> mails, String domain, Set<MailCheck> checks) {
    return report(mails, domain, checks, ReceiverChecks::of);
  }

  /** As above, with the receiver checks taken from {@code checksOf}. */
  public static String report(List<CapturedMail> mails, String domain, Set<MailCheck> checks,
      Function<CapturedMail, ReceiverChecks> checksOf) {
    StringBuilder report = new StringBuilder();
    Set<String> fixes = new LinkedHashSet<>();
    int bad = 0;
    for (CapturedMail mail : mails) {
      List<Problem> problems = problems(mail, domain, checks, checksOf);
      if (problems.isEmpty()) {
        continue;
      }
      bad++;
      report.append(String.format("%n%s%n", mail));
      for (Problem p : problems) {
        report.append(String.format("  - %s%n", p.text()));
        if (!p.fix().isEmpty()) {
          fixes.add(p.fix());
        }
      }
    }
    if (bad == 0) {
      return null;
    }
    StringBuilder out = new StringBuilder(String.format(
        "%d of %d captured mail(s) would not pass a receiver's checks (%s):%n", bad, mails.size(), names(checks)));
    out.append(report);
    out.append(String.format("%nHow to fix:%n"));
    for (String fix : fixes) {
      out.append(String.format("  - %s%n", fix));
    }
    return out.toString().stripTrailing();
  }

  static String names(Set<MailCheck> checks) {
    List<String> names = new ArrayList<>();
    for (MailCheck c : MailCheck.values()) {
      if (checks.contains(c)) {
        names.add(c.name());
      }
    }
    return String.join(", ", names);
  }
}
