package io.github.junitmailassert.report;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.check.CheckOutcome;
import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dkim.DkimSignatureResult;
import io.github.junitmailassert.envelope.EnvelopeChecks;
import io.github.junitmailassert.envelope.LocalNameLeak;
import io.github.junitmailassert.envelope.LocalNames;
import io.github.junitmailassert.filter.FilterRule;
import io.github.junitmailassert.filter.SpamFilter;
import io.github.junitmailassert.filter.SpamFilterResult;
import io.github.junitmailassert.format.HeaderSanity;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.receiver.ReceiverResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A human-readable report of one captured mail: its envelope as the receiver saw it, the verdict
 * under the checks the test declared, and what every check found. It renders the mail's
 * {@link ReceiverResult} and judges nothing itself. The extension prints it for each mail when the
 * configuration parameter (or system property) {@value #REPORT_PARAMETER} is {@code true}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class MailReport {

  /** The JUnit configuration parameter that turns printed reports on. */
  public static final String REPORT_PARAMETER = "junit.mail.assert.report";

  /**
   * The JUnit configuration parameter (or system property) naming an HTML file: when set, the run
   * writes one page there (a summary of every test, then every captured mail's report and
   * findings), the JSON run report beside it, and each JVM's part into a directory beside it
   * ({@link MergeReports}).
   */
  public static final String HTML_REPORT_PARAMETER = "junit.mail.assert.report.html";

  /**
   * The JUnit configuration parameter (or system property) that, when {@code true}, attaches each
   * test's mails ({@code mail-<n>.eml}, the raw bytes) and its printed report
   * ({@code mail-report.txt}) to the test with JUnit's file publishing (JUnit 5.12 and later).
   */
  public static final String ATTACHMENTS_PARAMETER = "junit.mail.assert.report.attachments";

  /** Longest value shown on a line; longer ones are cut with their length, so a hostile mail cannot flood a report. */
  static final int MAX_VALUE = 2000;

  private MailReport() {}

  /**
   * {@return the report of {@code mail} as the receiver that captured it sees it, with no checks declared by a test}
   *
   * @param mail the captured mail
   */
  public static String of(CapturedMail mail) {
    if (mail.receiver().isPresent()) {
      return of(Receiver.checkOf(mail), Set.of());
    }
    StringBuilder sb = new StringBuilder();
    envelope(sb, mail, null);
    List<LocalNameLeak> leaks = LocalNames.findLeaks(mail);
    findings(sb, "local names", leaks.isEmpty() ? "none leak" : leaks.size() + " leak(s)",
        EnvelopeChecks.leakFindings(leaks, null));
    List<Finding> format = HeaderSanity.check(mail);
    findings(sb, "format", format.isEmpty() ? "RFC 5322" : format.size() + " finding(s)", format);
    line(sb, "receiver", "none: the mail was built without one, so SPF, DKIM, DMARC and DNS were not checked");
    return sb.toString().stripTrailing();
  }

  /**
   * {@return the report of the mail whose result this is}
   *
   * @param declared the checks the test declared (its CI gate); empty when it declared none, and
   *     then every finding is information
   * @param result the receiver's result on the mail
   */
  public static String of(ReceiverResult result, Set<MailCheck> declared) {
    CapturedMail mail = result.mail();
    StringBuilder sb = new StringBuilder();
    envelope(sb, mail, result.receiver());
    line(sb, "verdict", verdict(result, declared));
    CheckOutcome envelope = result.outcome(MailCheck.ENVELOPE_DOMAIN);
    findings(sb, "envelope", status(envelope, "in " + result.receiver().senderDomain().orElse("")), envelope.findings());
    List<LocalNameLeak> leaks = result.localNameLeaks();
    findings(sb, "local names", leaks.isEmpty() ? "none leak" : leaks.size() + " leak(s)",
        result.outcome(MailCheck.LOCAL_NAMES).findings());
    List<Finding> format = result.outcome(MailCheck.FORMAT).findings();
    findings(sb, "format", format.isEmpty() ? "RFC 5322" : format.size() + " finding(s)", format);
    CheckOutcome spf = result.outcome(MailCheck.SPF);
    line(sb, "SPF", spf.status() == CheckOutcome.Status.NOT_CHECKED
        ? "not checked (" + spf.reason() + "); as the socket address gives it: " + result.receivedSpf()
        : result.receivedSpf());
    List<DkimSignatureResult> dkim = result.dkim();
    if (dkim.isEmpty()) {
      line(sb, "DKIM", "not signed");
    }
    for (DkimSignatureResult signature : dkim) {
      line(sb, "DKIM", signature.authenticationResultsPart() + (signature.isPass() ? "" : " (" + signature.reason() + ")"));
    }
    line(sb, "DMARC", result.dmarc().authenticationResultsPart() + ": " + result.dmarc().reason());
    CheckOutcome host = result.outcome(MailCheck.REVERSE_DNS);
    findings(sb, "reverse DNS", host.status() == CheckOutcome.Status.NOT_CHECKED ? "not checked (" + host.reason() + ")"
        : host.findings().isEmpty() ? "consistent" : host.findings().size() + " finding(s)", host.findings());
    CheckOutcome lists = result.outcome(MailCheck.BLOCK_LISTS);
    findings(sb, "block lists", status(lists, "on none of " + String.join(", ", result.receiver().blockLists())),
        lists.findings());
    spamFilters(sb, result);
    line(sb, "auth results", result.authenticationResults().toString().replaceFirst("^Authentication-Results: ", ""));
    fixes(sb, result);
    return sb.toString().stripTrailing();
  }

  /**
   * The real filters' verdicts the test asked for (an assertion or the gate): the score and each
   * rule that counted, highest first. A report never starts a filter.
   */
  private static void spamFilters(StringBuilder sb, ReceiverResult result) {
    for (SpamFilter filter : SpamFilter.values()) {
      result.spamFilterIfScored(filter).ifPresent(verdict -> {
        String summary = verdict.summary();
        line(sb, filter.displayName(), summary.substring(filter.displayName().length() + 1));
        for (FilterRule rule : verdict.rules()) {
          if (rule.score() != 0) {
            sb.append(String.format("    - %s %s%s%n", SpamFilterResult.format(rule.score()), clean(rule.name()),
                rule.description().isEmpty() ? "" : ": " + clean(rule.description())));
          }
        }
      });
    }
  }

  /** Each fix once: of what fails a check, then what to declare for a check that could not run. */
  private static void fixes(StringBuilder sb, ReceiverResult result) {
    Set<String> fixes = new LinkedHashSet<>();
    for (CheckOutcome outcome : result.outcomes()) {
      for (Finding f : outcome.failures()) {
        if (outcome.isFailed() && !f.fix().isEmpty()) {
          fixes.add(f.fix());
        }
      }
    }
    for (CheckOutcome outcome : result.outcomes()) {
      if (outcome.status() == CheckOutcome.Status.NOT_CHECKED && !outcome.fix().isEmpty()) {
        fixes.add(outcome.fix());
      }
    }
    if (!fixes.isEmpty()) {
      line(sb, "fixes", fixes.size() + "");
      for (String fix : fixes) {
        sb.append(String.format("    - %s%n", clean(fix)));
      }
    }
  }

  /**
   * {@return one line: whether the mail passes the checks the test declared, or that it declared none}
   *
   * @param result the receiver's result on the mail
   * @param declared the checks the test declared
   */
  public static String verdict(ReceiverResult result, Set<MailCheck> declared) {
    if (declared.isEmpty()) {
      return "no checks declared by the test (verifyEachTest is off): what follows is information";
    }
    List<String> failed = new ArrayList<>();
    for (MailCheck check : MailCheck.values()) {
      if (declared.contains(check) && !result.outcome(check).isPassed()) {
        failed.add(check + " " + result.outcome(check).status().label());
      }
    }
    return failed.isEmpty() ? "passes the checks the test declared (" + GateReport.names(declared) + ")"
        : "fails the checks the test declared: " + String.join(", ", failed);
  }

  private static String status(CheckOutcome outcome, String passedText) {
    return switch (outcome.status()) {
      case PASSED -> passedText;
      case FAILED -> outcome.failures().size() + " finding(s)";
      case NOT_CHECKED -> "not checked (" + outcome.reason() + ")";
    };
  }

  private static void envelope(StringBuilder sb, CapturedMail mail, Receiver receiver) {
    sb.append(clean(mail.toString())).append(String.format("%n"));
    String socket = mail.clientAddress().getAddress().getHostAddress();
    line(sb, "client IP", receiver == null ? socket : receiver.clientIpNote(mail).replaceFirst("^client IP ", ""));
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
    if (receiver != null) {
      line(sb, "receiver", receiver.receivingHost());
    }
  }

  private static void findings(StringBuilder sb, String label, String summary, List<Finding> findings) {
    line(sb, label, summary);
    for (Finding finding : findings) {
      sb.append(String.format("    - %s%n", clean(finding.text())));
    }
  }

  private static void line(StringBuilder sb, String label, String value) {
    sb.append(String.format("  %-12s %s%n", label, clean(value)));
  }

  /**
   * {@code text} safe for a console: control characters (a forged line end, a terminal escape)
   * shown as {@code ?}, and cut after {@value #MAX_VALUE} characters.
   */
  static String clean(String text) {
    int length = text.length();
    String t = length > MAX_VALUE ? text.substring(0, MAX_VALUE) : text;
    StringBuilder sb = null;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        if (sb == null) {
          sb = new StringBuilder(t.length()).append(t, 0, i);
        }
        sb.append('?');
      } else if (sb != null) {
        sb.append(c);
      }
    }
    String out = sb == null ? t : sb.toString();
    return length > MAX_VALUE ? out + "... (" + length + " characters)" : out;
  }
}
