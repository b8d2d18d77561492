package io.github.junitmailassert.check;

import io.github.junitmailassert.CapturedMail;
import io.github.junitmailassert.check.Finding.Severity;
import io.github.junitmailassert.dkim.DkimSignatureResult;
import io.github.junitmailassert.host.SendingHostResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A named set of rules that turns the receiver checks into a verdict: inbox, spam folder or
 * rejected. Each rule names where it is published. A profile applies published rules; it does not
 * claim to be any provider's own filter, which weighs far more than these rules.
 *
 * <pre>{@code
 * assertThat(mail).reachesInboxUnder(ReceiverProfile.bulkSenders2024());
 * }</pre>
 */
public final class ReceiverProfile {

  private static final String GMAIL_YAHOO_2024 =
      "Gmail Email sender guidelines and Yahoo Sender Requirements, in force since February 2024";

  private final String name;
  private final List<ProfileRule> rules;

  private ReceiverProfile(String name, List<ProfileRule> rules) {
    this.name = name;
    this.rules = List.copyOf(rules);
  }

  /** A profile of your own. */
  public static ReceiverProfile of(String name, List<ProfileRule> rules) {
    return new ReceiverProfile(Objects.requireNonNull(name, "name"), rules);
  }

  /**
   * What Gmail and Yahoo ask of every sender since February 2024: SPF or DKIM passes, the sending
   * IP has forward and reverse DNS that agree, the connection uses TLS, the message is RFC 5322.
   */
  public static ReceiverProfile allSenders2024() {
    return new ReceiverProfile("all senders, February 2024 (Gmail and Yahoo requirements as published)", List.of(
        spfOrDkim(), reverseDns(), tls(), format()));
  }

  /**
   * What Gmail and Yahoo ask of bulk senders (5,000 mails a day and more to Gmail) since February
   * 2024: everything {@link #allSenders2024()} asks, SPF and DKIM both pass, a DMARC record, From
   * aligned with SPF or DKIM, and one-click unsubscribe (RFC 8058).
   */
  public static ReceiverProfile bulkSenders2024() {
    return new ReceiverProfile("bulk senders, February 2024 (Gmail and Yahoo requirements as published)", List.of(
        rule("SPF passes", GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER,
            c -> c.spf().isPass() ? Optional.empty() : Optional.of(c.receivedSpf()),
            "publish an SPF record listing the sending IP for the envelope sender's domain"),
        rule("DKIM passes", GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER,
            c -> dkimPasses(c) ? Optional.empty() : Optional.of(dkimProblem(c)),
            "sign with DKIM, d= in the From domain, and publish the key"),
        rule("the From domain publishes DMARC (p=none is enough)", GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER,
            c -> c.dmarc().record().isPresent() ? Optional.empty()
                : Optional.of("no DMARC record for " + c.dmarc().authorDomain()),
            "publish _dmarc.<From domain> TXT \"v=DMARC1; p=none\""),
        aligned(),
        reverseDns(), tls(), format(), oneClickUnsubscribe()));
  }

  /**
   * A receiver that accepts only mail whose SPF passes, as the spoofing filters that Japanese
   * mobile carriers offer their users can be set to do.
   */
  public static ReceiverProfile strictSpf() {
    return new ReceiverProfile("strict SPF (accepts SPF pass only)", List.of(
        rule("SPF passes", "receivers that reject on SPF, such as the spoofing filters of Japanese mobile carriers",
            Verdict.REJECTED, c -> c.spf().isPass() ? Optional.empty() : Optional.of(c.receivedSpf()),
            "publish an SPF record listing the sending IP, and send with an envelope sender in that domain")));
  }

  public String name() {
    return name;
  }

  public List<ProfileRule> rules() {
    return rules;
  }

  /** The verdict on {@code mail}, with every broken rule. */
  public ProfileResult evaluate(CapturedMail mail) {
    ReceiverChecks checks = ReceiverChecks.of(mail);
    Verdict verdict = Verdict.INBOX;
    List<ProfileResult.BrokenRule> broken = new ArrayList<>();
    for (ProfileRule rule : rules) {
      Optional<String> problem = rule.check().apply(checks);
      if (problem.isPresent()) {
        Verdict consequence = rule.consequence();
        broken.add(new ProfileResult.BrokenRule(rule, problem.get()));
        verdict = verdict.worst(consequence);
      }
    }
    return new ProfileResult(name, verdict, broken);
  }

  @Override
  public String toString() {
    return name;
  }

  private static ProfileRule rule(String requirement, String source, Verdict consequence,
      java.util.function.Function<ReceiverChecks, Optional<String>> check, String fix) {
    return new ProfileRule(requirement, source, consequence, check, fix);
  }

  private static ProfileRule spfOrDkim() {
    return rule("SPF or DKIM passes", GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER,
        c -> c.spf().isPass() || dkimPasses(c) ? Optional.empty()
            : Optional.of(c.receivedSpf() + "; " + dkimProblem(c)),
        "publish an SPF record listing the sending IP, or sign with DKIM");
  }

  private static ProfileRule aligned() {
    return rule("From is aligned with SPF or DKIM (DMARC passes)", GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER,
        c -> c.dmarc().isPass() ? Optional.empty() : Optional.of(c.dmarc().authenticationResultsPart()
            + ": " + c.dmarc().reason()),
        "send with an envelope sender or a DKIM d= in the From domain");
  }

  private static ProfileRule reverseDns() {
    return rule("the sending IP has forward-confirmed reverse DNS", GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER,
        c -> {
          SendingHostResult host = c.sendingHost();
          return host.reverseDns().isConfirmed() ? Optional.empty()
              : Optional.of(host.reverseDns().findings().stream().map(Finding::text).collect(Collectors.joining("; ")));
        },
        "publish a PTR record for the sending IP whose name resolves back to it");
  }

  private static ProfileRule tls() {
    return rule("the connection uses TLS", GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER,
        c -> c.mail().isTls() ? Optional.empty() : Optional.of("the mail was sent without STARTTLS"),
        "enable STARTTLS in the client (Jakarta Mail: mail.smtp.starttls.enable=true)");
  }

  private static ProfileRule format() {
    return rule("the message is formatted per RFC 5322", GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER,
        c -> {
          List<Finding> errors = HeaderSanity.check(c.mail()).stream()
              .filter(f -> f.severity() == Severity.ERROR).collect(Collectors.toList());
          return errors.isEmpty() ? Optional.empty()
              : Optional.of(errors.stream().map(Finding::text).collect(Collectors.joining("; ")));
        },
        "let the mail library build the header: one From, one Date, short lines, CRLF");
  }

  private static ProfileRule oneClickUnsubscribe() {
    return rule("marketing mail offers one-click unsubscribe (RFC 8058)", GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER,
        c -> {
          Optional<String> link = c.mail().header("List-Unsubscribe");
          Optional<String> post = c.mail().header("List-Unsubscribe-Post");
          if (link.isEmpty() || !link.get().toLowerCase(Locale.ROOT).contains("<https:")) {
            return Optional.of("no List-Unsubscribe header with an https URI");
          }
          if (post.isEmpty() || !post.get().replace(" ", "").equalsIgnoreCase("List-Unsubscribe=One-Click")) {
            return Optional.of("no List-Unsubscribe-Post: List-Unsubscribe=One-Click");
          }
          return Optional.empty();
        },
        "add List-Unsubscribe: <https://...> and List-Unsubscribe-Post: List-Unsubscribe=One-Click, and sign both with DKIM");
  }

  private static boolean dkimPasses(ReceiverChecks c) {
    return c.dkim().stream().anyMatch(DkimSignatureResult::isPass);
  }

  private static String dkimProblem(ReceiverChecks c) {
    List<DkimSignatureResult> signatures = c.dkim();
    return signatures.isEmpty() ? "the mail is not signed"
        : signatures.get(0).authenticationResultsPart() + " (" + signatures.get(0).reason() + ")";
  }
}
