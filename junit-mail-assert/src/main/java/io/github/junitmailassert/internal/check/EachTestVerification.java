package io.github.junitmailassert.internal.check;

import io.github.junitmailassert.CapturedMail;
import io.github.junitmailassert.check.LocalNameLeak;
import io.github.junitmailassert.check.LocalNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks the extension runs on every captured mail after each test when asked to
 * ({@code verifyEachTest}), and the one report it fails with. Internal.
 */
public final class EachTestVerification {

  private EachTestVerification() {}

  /** The problems of one mail, each a line for the report; empty when the mail is fine. */
  public static List<String> problems(CapturedMail mail, String domain) {
    List<String> problems = new ArrayList<>();
    if (domain != null && !domain.isBlank() && !mail.isNullSender()) {
      String senderDomain = mail.envelopeSenderDomain().orElse("");
      String d = domain.toLowerCase(Locale.ROOT);
      if (!senderDomain.equals(d) && !senderDomain.endsWith("." + d)) {
        problems.add("envelope sender <" + mail.envelopeSender() + "> is not in " + domain);
      }
    }
    for (LocalNameLeak leak : LocalNames.findLeaks(mail)) {
      problems.add(leak.describe());
    }
    return problems;
  }

  /** The report for all captured mails, or null when every mail is fine. */
  public static String report(List<CapturedMail> mails, String domain) {
    StringBuilder report = new StringBuilder();
    int bad = 0;
    Set<String> fixes = new LinkedHashSet<>();
    for (CapturedMail mail : mails) {
      List<String> problems = problems(mail, domain);
      if (problems.isEmpty()) {
        continue;
      }
      bad++;
      report.append(String.format("%n%s%n", mail));
      for (String p : problems) {
        report.append(String.format("  - %s%n", p));
      }
      if (!problems.isEmpty() && problems.get(0).startsWith("envelope sender")) {
        fixes.add(Fixes.envelopeSender(domain));
      }
      for (LocalNameLeak leak : LocalNames.findLeaks(mail)) {
        fixes.add(Fixes.forLeak(leak.place(), domain));
      }
    }
    if (bad == 0) {
      return null;
    }
    StringBuilder out = new StringBuilder(String.format(
        "%d of %d captured mail(s) would not pass a receiver's checks:%n", bad, mails.size()));
    out.append(report);
    out.append(String.format("%nHow to fix:%n"));
    for (String fix : fixes) {
      out.append(String.format("  - %s%n", fix));
    }
    return out.toString().stripTrailing();
  }
}
