package io.github.junitmailassert.profile;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.check.CheckOutcome;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dmarc.DmarcFindings;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.receiver.ReceiverResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A named set of rules that turns a mail's {@link ReceiverResult} into a verdict: inbox, spam
 * folder or rejected. Each rule names where it is published. A profile applies published rules;
 * it does not claim to be any provider's own filter, which weighs far more than these rules.
 *
 * <pre>{@code
 * assertThat(mail).receiver().reachesInboxUnder(ReceiverProfile.bulkSenders2024());
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ReceiverProfile {

  private static final String GMAIL_YAHOO_2024 =
      "Gmail Email sender guidelines and Yahoo Sender Requirements, in force since February 2024";

  private final String name;
  private final List<ProfileRule> rules;

  private ReceiverProfile(String name, List<ProfileRule> rules) {
    this.name = name;
    this.rules = List.copyOf(rules);
  }

  /**
   * {@return a profile of your own}
   *
   * @param name the profile's name, as reports show it
   * @param rules the profile's rules, in order
   */
  public static ReceiverProfile of(String name, List<ProfileRule> rules) {
    return new ReceiverProfile(Objects.requireNonNull(name, "name"), rules);
  }

  /**
   * What Gmail and Yahoo ask of every sender since February 2024: SPF or DKIM passes, the sending
   * IP has forward and reverse DNS that agree, the connection uses TLS, the message is RFC 5322.
   *
   * @return the profile
   */
  public static ReceiverProfile allSenders2024() {
    return new ReceiverProfile("all senders, February 2024 (Gmail and Yahoo requirements as published)", List.of(
        spfOrDkim(), reverseDns(), tls(), format()));
  }

  /**
   * What Gmail and Yahoo ask of bulk senders (5,000 mails a day and more to Gmail) since February
   * 2024: everything {@link #allSenders2024()} asks, SPF and DKIM both pass, a DMARC record, From
   * aligned with SPF or DKIM, and one-click unsubscribe (RFC 8058).
   *
   * @return the profile
   */
  public static ReceiverProfile bulkSenders2024() {
    return new ReceiverProfile("bulk senders, February 2024 (Gmail and Yahoo requirements as published)", List.of(
        ProfileRule.requiring(MailCheck.SPF, "SPF passes", GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER),
        ProfileRule.requiring(MailCheck.DKIM, "DKIM passes", GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER),
        dmarcPublished("the From domain publishes DMARC (p=none is enough)"),
        ProfileRule.requiring(MailCheck.DMARC, "From is aligned with SPF or DKIM (DMARC passes)", GMAIL_YAHOO_2024,
            Verdict.SPAM_FOLDER),
        reverseDns(), tls(), format(), oneClickUnsubscribe()));
  }

  /**
   * The authentication part of {@link #bulkSenders2024()}: SPF passes, DKIM passes, the From
   * domain publishes DMARC, and From is aligned with a passing SPF or DKIM domain.
   *
   * @return the profile
   */
  public static ReceiverProfile bulkSenderAuthentication2024() {
    return new ReceiverProfile("bulk sender authentication, February 2024 (Gmail and Yahoo requirements as published)",
        List.of(
            ProfileRule.requiring(MailCheck.SPF, "SPF must pass", GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER),
            ProfileRule.requiring(MailCheck.DKIM, "DKIM must pass", GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER),
            dmarcPublished("the From domain must publish DMARC (p=none is enough)"),
            new ProfileRule("From must be aligned with the SPF or the DKIM domain", GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER,
                r -> r.dmarc().alignments().stream().anyMatch(a -> a.authenticated() && a.aligned()) ? Optional.empty()
                    : Optional.of(new ProfileRule.Breach(r.dmarc().reason(), DmarcFindings.alignmentFix(r.dmarc()))))));
  }

  /**
   * A receiver that accepts only mail whose SPF passes, as the spoofing filters that Japanese
   * mobile carriers offer their users can be set to do.
   *
   * @return the profile
   */
  public static ReceiverProfile strictSpf() {
    return new ReceiverProfile("strict SPF (accepts SPF pass only)", List.of(
        ProfileRule.requiring(MailCheck.SPF, "SPF passes",
            "receivers that reject on SPF, such as the spoofing filters of Japanese mobile carriers", Verdict.REJECTED)));
  }

  /** {@return the profile's name, as reports show it} */
  public String name() {
    return name;
  }

  /** {@return the rules, in order} */
  public List<ProfileRule> rules() {
    return rules;
  }

  /**
   * {@return the verdict on the mail whose receiver result this is, with every broken rule}
   *
   * @param result the receiver's result on the mail
   */
  public ProfileResult evaluate(ReceiverResult result) {
    Objects.requireNonNull(result, "result");
    Verdict verdict = Verdict.INBOX;
    List<ProfileResult.BrokenRule> broken = new ArrayList<>();
    for (ProfileRule rule : rules) {
      Optional<ProfileRule.Breach> breach = rule.check().apply(result);
      if (breach.isPresent()) {
        broken.add(new ProfileResult.BrokenRule(rule, breach.get().problem(), breach.get().fix()));
        verdict = verdict.worst(rule.consequence());
      }
    }
    return new ProfileResult(name, verdict, broken);
  }

  /**
   * {@return the verdict on a captured mail, from the result of the receiver that captured it}
   *
   * @param mail the captured mail
   */
  public ProfileResult evaluate(CapturedMail mail) {
    return evaluate(Receiver.checkOf(mail));
  }

  @Override
  public String toString() {
    return name;
  }

  private static ProfileRule spfOrDkim() {
    return new ProfileRule("SPF or DKIM passes", GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER, r -> {
      CheckOutcome spf = r.outcome(MailCheck.SPF);
      CheckOutcome dkim = r.outcome(MailCheck.DKIM);
      if (spf.isPassed() || dkim.isPassed()) {
        return Optional.empty();
      }
      ProfileRule.Breach s = ProfileRule.breachOf(spf).orElseThrow();
      ProfileRule.Breach d = ProfileRule.breachOf(dkim).orElseThrow();
      String fix = s.fix().isEmpty() || d.fix().isEmpty() ? s.fix() + d.fix() : "either " + s.fix() + "; or " + d.fix();
      return Optional.of(new ProfileRule.Breach(s.problem() + "; " + d.problem(), fix));
    });
  }

  private static ProfileRule dmarcPublished(String requirement) {
    return new ProfileRule(requirement, GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER, r -> r.dmarc().record().isPresent()
        ? Optional.empty()
        : Optional.of(new ProfileRule.Breach("no DMARC record for "
            + (r.dmarc().authorDomain().isEmpty() ? "the From domain" : r.dmarc().authorDomain()),
            DmarcFindings.publishFix(r.dmarc()))));
  }

  private static ProfileRule reverseDns() {
    return new ProfileRule("the sending IP has forward-confirmed reverse DNS", GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER,
        r -> {
          CheckOutcome outcome = r.outcome(MailCheck.REVERSE_DNS);
          if (outcome.status() == CheckOutcome.Status.NOT_CHECKED) {
            return ProfileRule.breachOf(outcome);
          }
          return r.sendingHost().reverseDns().isConfirmed() ? Optional.empty()
              : Optional.of(ProfileRule.breachOf(r.sendingHost().reverseDns().findings()));
        });
  }

  private static ProfileRule tls() {
    return ProfileRule.of("the connection uses TLS", GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER,
        r -> r.mail().isTls(), r -> "the mail was sent without STARTTLS",
        "enable STARTTLS in the client (Jakarta Mail: mail.smtp.starttls.enable=true; Spring Boot:"
            + " spring.mail.properties.mail.smtp.starttls.enable=true)");
  }

  private static ProfileRule format() {
    return ProfileRule.requiring(MailCheck.FORMAT, "the message is formatted per RFC 5322", GMAIL_YAHOO_2024,
        Verdict.SPAM_FOLDER);
  }

  private static ProfileRule oneClickUnsubscribe() {
    return new ProfileRule("marketing mail offers one-click unsubscribe (RFC 8058)", GMAIL_YAHOO_2024,
        Verdict.SPAM_FOLDER, r -> {
          String fix = "add List-Unsubscribe: <https://...> and List-Unsubscribe-Post: List-Unsubscribe=One-Click, and"
              + " sign both with DKIM";
          Optional<String> link = r.mail().header("List-Unsubscribe");
          Optional<String> post = r.mail().header("List-Unsubscribe-Post");
          if (link.isEmpty() || !link.get().toLowerCase(Locale.ROOT).contains("<https:")) {
            return Optional.of(new ProfileRule.Breach("no List-Unsubscribe header with an https URI", fix));
          }
          if (post.isEmpty() || !post.get().replace(" ", "").equalsIgnoreCase("List-Unsubscribe=One-Click")) {
            return Optional.of(new ProfileRule.Breach("no List-Unsubscribe-Post: List-Unsubscribe=One-Click", fix));
          }
          return Optional.empty();
        });
  }
}
