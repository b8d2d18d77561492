package io.github.junitmailassert.report;

import io.github.junitmailassert.CapturedMail;
import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.HeaderSanity;
import io.github.junitmailassert.check.LocalNameLeak;
import io.github.junitmailassert.check.LocalNames;
import io.github.junitmailassert.check.ReceiverChecks;
import io.github.junitmailassert.dkim.DkimSignatureResult;
import io.github.junitmailassert.dmarc.DmarcResult;
import io.github.junitmailassert.host.SendingHostResult;
import java.util.List;
import java.util.Map;

/**
 * A human-readable report of one captured mail: its envelope as the receiver saw it and every
 * finding of the receiver checks. The extension prints it for each mail when the configuration
 * parameter (or system property) {@value #REPORT_PARAMETER} is {@code true}.
 */
public final class MailReport {

  /** The JUnit configuration parameter that turns printed reports on. */
  public static final String REPORT_PARAMETER = "junit.mail.assert.report";

  /**
   * The JUnit configuration parameter (or system property) naming an HTML file: when set, the run
   * writes one page there with every captured mail's report and findings, for CI artifacts.
   */
  public static final String HTML_REPORT_PARAMETER = "junit.mail.assert.report.html";

  private MailReport() {}

  /** The report of {@code mail}, several lines, no trailing line end. */
  public static String of(CapturedMail mail) {
    return of(mail, mail.receiverView().isPresent() ? ReceiverChecks.of(mail) : null);
  }

  /** The report of the mail these checks were made for, reusing what they already found. */
  public static String of(ReceiverChecks checks) {
    return of(checks.mail(), checks);
  }

  private static String of(CapturedMail mail, ReceiverChecks checks) {
    StringBuilder sb = new StringBuilder();
    sb.append(mail).append(String.format("%n"));
    String socket = mail.clientAddress().getAddress().getHostAddress();
    String client = mail.receiverView().map(v -> v.clientIpNote(mail)).orElse("client IP " + socket);
    line(sb, "client IP", client.replaceFirst("^client IP ", ""));
    line(sb, "HELO", mail.heloVerb().map(v -> v + " " + mail.heloName().orElse("")).orElse("(none sent)"));
    StringBuilder mailFrom = new StringBuilder(mail.returnPath());
    for (Map.Entry<String, String> p : mail.mailFromParameters().entrySet()) {
      mailFrom.append(' ').append(p.getKey()).append(p.getValue().isEmpty() ? "" : "=" + p.getValue());
    }
    line(sb, "MAIL FROM", mailFrom.toString());
    line(sb, "RCPT TO", String.join(", ", mail.recipients()));
    line(sb, "From", mail.header("From").orElse("(none)"));
    line(sb, "Message-ID", mail.header("Message-ID").orElse("(none)"));
    line(sb, "TLS", mail.tlsProtocol().orElse("no"));
    mail.receiverView().ifPresent(v -> line(sb, "receiver", v.receivingHost()));
    List<LocalNameLeak> leaks = LocalNames.findLeaks(mail);
    if (leaks.isEmpty()) {
      line(sb, "local names", "none leak");
    } else {
      line(sb, "local names", leaks.size() + " leak(s)");
      for (LocalNameLeak leak : leaks) {
        sb.append(String.format("    - %s%n", leak.describe()));
      }
    }
    List<Finding> format = HeaderSanity.check(mail);
    line(sb, "format", format.isEmpty() ? "RFC 5322" : format.size() + " finding(s)");
    for (Finding finding : format) {
      sb.append(String.format("    - %s%n", finding.text()));
    }
    if (checks != null) {
      line(sb, "SPF", checks.receivedSpf());
      List<DkimSignatureResult> dkim = checks.dkim();
      if (dkim.isEmpty()) {
        line(sb, "DKIM", "not signed");
      }
      for (DkimSignatureResult signature : dkim) {
        line(sb, "DKIM", signature.authenticationResultsPart() + (signature.isPass() ? "" : " (" + signature.reason() + ")"));
      }
      DmarcResult dmarc = checks.dmarc();
      line(sb, "DMARC", dmarc.authenticationResultsPart() + ": " + dmarc.reason());
      SendingHostResult host = checks.sendingHost();
      line(sb, "reverse DNS", host.isConsistent() ? "consistent" : host.findings().size() + " finding(s)");
      for (Finding finding : host.findings()) {
        sb.append(String.format("    - %s%n", finding.text()));
      }
      line(sb, "auth results", checks.authenticationResults().toString().replaceFirst("^Authentication-Results: ", ""));
    }
    return sb.toString().stripTrailing();
  }

  private static void line(StringBuilder sb, String label, String value) {
    sb.append(String.format("  %-12s %s%n", label, value));
  }
}
