package io.github.junitmailassert.profile;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.format.OneClickUnsubscribe;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.receiver.ReceiverResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A named set of rules that turns a mail's {@link ReceiverResult} into a verdict: inbox, spam
 * folder, deferred or rejected, with the SMTP reply the receiver sends when it refuses the mail.
 * Each rule names where it is published. A profile applies published rules;
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
            Rules.aligned("From must be aligned with the SPF or the DKIM domain", GMAIL_YAHOO_2024,
                Verdict.SPAM_FOLDER)));
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

  /**
   * What Gmail asks of every sender, answered with the codes Gmail documents since it began
   * enforcing in November 2025 (Email sender guidelines and FAQ; Gmail SMTP errors and codes, last
   * updated 2026-02-12): neither SPF nor DKIM passing is rejected with {@code 550 5.7.26}; a DMARC
   * failure under {@code p=reject} with {@code 550 5.7.26}; a missing or invalid From address or
   * Message-ID with {@code 550 5.7.1}; no forward-confirmed reverse DNS is deferred with
   * {@code 451 4.7.23} and no TLS with {@code 421 4.7.29} (Gmail documents temporary and permanent
   * codes for both and does not say when it uses which: this profile takes the temporary ones for
   * all senders, the permanent ones in {@link #gmailBulkSenders()}); {@code p=quarantine} and
   * other RFC 5322 problems go to the spam folder. The reply texts are Gmail's documented texts,
   * with the domain and the client IP filled in and the links left out.
   *
   * @return the profile, named {@code "gmail (all senders, 2025-11)"}
   */
  public static ReceiverProfile gmailAllSenders() {
    return PublishedProfiles.gmailAllSenders();
  }

  /**
   * What Gmail asks of bulk senders (about 5,000 mails a day and more to personal Gmail accounts;
   * the test declares that the sender is one by choosing this profile, since volume is not
   * knowable from one mail), each answered with its permanent code: {@code 550 5.7.26} when neither
   * SPF nor DKIM passes, {@code 550 5.7.27} SPF, {@code 550 5.7.30} DKIM, {@code 550 5.7.40} no
   * DMARC record, {@code 550 5.7.32} From not aligned, {@code 550 5.7.25} reverse DNS,
   * {@code 550 5.7.29} TLS, {@code 550 5.7.1} From and Message-ID. Gmail's page lists the
   * permanent alignment code as {@code 421 5.7.32}; this profile sends it with 550, the class its
   * enhanced code belongs to. One-click unsubscribe is not a rule here: the FAQ says Gmail neither
   * rejects nor spam-folders for it ({@link #bulkSenders2024()} keeps it). Nor is {@code p=quarantine}:
   * a mail that fails DMARC is not aligned, which this profile rejects with {@code 5.7.32}.
   *
   * @return the profile, named {@code "gmail (bulk senders, 2025-11)"}
   */
  public static ReceiverProfile gmailBulkSenders() {
    return PublishedProfiles.gmailBulkSenders();
  }

  /**
   * What Yahoo asks of every sender since February 2024 (Sender Requirements &amp; Recommendations):
   * SPF or DKIM passes, else {@code 550 5.7.9}; a DMARC failure under {@code p=reject} is refused
   * with {@code 554 5.7.9 Message not accepted for policy reasons.}; a client IP on a block list the
   * receiver asks with {@code 553 5.7.1 [BL21]}; {@code p=quarantine}, reverse DNS and RFC 5322
   * problems go to the spam folder. Yahoo's SMTP Error Codes page (2026-02-15) describes these
   * classes without the texts: the texts are those Yahoo sends, without the link it appends. The
   * block-list rule sees only the lists the receiver is told to ask (the test's zone simulates
   * the listing); without any it is kept.
   *
   * @return the profile, named {@code "yahoo (all senders, 2024-02)"}
   */
  public static ReceiverProfile yahooAllSenders() {
    return PublishedProfiles.yahooAllSenders();
  }

  /**
   * What Yahoo asks of bulk senders since February 2024: everything {@link #yahooAllSenders()}
   * asks, and SPF and DKIM both pass, a DMARC record, From aligned, one-click unsubscribe; Yahoo
   * publishes no reply code for these, so they go to the spam folder.
   *
   * @return the profile, named {@code "yahoo (bulk senders, 2024-02)"}
   */
  public static ReceiverProfile yahooBulkSenders() {
    return PublishedProfiles.yahooBulkSenders(oneClickUnsubscribe());
  }

  /**
   * What Outlook.com (hotmail.com, live.com, outlook.com) asks of domains sending more than 5,000
   * mails a day since 5 May 2025 (Outlook's New Requirements for High-Volume Senders, 2 April 2025,
   * updated 29 April 2025): SPF passes, DKIM passes, DMARC at least {@code p=none}, From aligned with
   * SPF or DKIM; a mail that breaks one is rejected with
   * {@code 550 5.7.515 Access denied, sending domain <domain> does not meet the required
   * authentication level.} (the announcement writes {@code 550; 5.7.515}).
   *
   * @return the profile, named {@code "outlook.com (high-volume senders, 2025-05)"}
   */
  public static ReceiverProfile outlookHighVolumeSenders() {
    return PublishedProfiles.outlookHighVolumeSenders();
  }

  /**
   * What iCloud Mail asks of bulk senders (Postmaster information for iCloud Mail, 25 February
   * 2025: "All requirements must be met in order to send a bulk email. If not, the email will be
   * rejected."): SPF and DKIM, a DMARC policy, reverse DNS, RFC 5322; iCloud honours the From
   * domain's DMARC policy. Apple publishes no reply texts: the reply here,
   * {@code 554 5.7.1 [CS01] Message rejected due to local policy.}, is the one iCloud is seen to
   * send, without its link. Not checked, since the library has no check for them: an unsubscribe
   * link in the body, ARC on forwarded mail, consistent sending IPs and From.
   *
   * @return the profile, named {@code "icloud (bulk senders, 2025-02)"}
   */
  public static ReceiverProfile icloudBulkSenders() {
    return PublishedProfiles.icloudBulkSenders();
  }

  /**
   * au (KDDI) with the recipient's spoofing filter on: SPF must pass, and for the null sender (a
   * bounce, {@code MAIL FROM:<>}) SPF is that of the HELO name (RFC 7208 section 2.4, as the
   * receiver result checks it); mail without a Message-ID or a From address is refused. au
   * publishes no reply text: {@code 550 5.7.1 <recipient>: mail refused by the recipient's spoofing
   * filter} is paraphrased.
   *
   * @return the profile, named {@code "au (KDDI, spoofing filter on)"}
   */
  public static ReceiverProfile au() {
    return PublishedProfiles.au();
  }

  /**
   * docomo with the recipient's spoofing filter on: SPF must pass, the From domain's DMARC policy
   * is applied ({@code p=reject} refused, {@code p=quarantine} to the spam folder), mail without a
   * Message-ID or a From address is refused. docomo publishes no reply text; it is seen to answer a
   * filtered mail as for an unknown recipient, {@code 550 Unknown user <recipient>}, which this
   * profile sends.
   *
   * @return the profile, named {@code "docomo (spoofing filter on)"}
   */
  public static ReceiverProfile docomo() {
    return PublishedProfiles.docomo();
  }

  /**
   * SoftBank with the recipient's spoofing filter on: SPF must pass, the From domain's DMARC policy
   * is applied, mail without a Message-ID or a From address is refused. SoftBank publishes no reply
   * text: {@code 550 5.7.1 <recipient>: mail refused by the recipient's spoofing filter} is
   * paraphrased.
   *
   * @return the profile, named {@code "SoftBank (spoofing filter on)"}
   */
  public static ReceiverProfile softbank() {
    return PublishedProfiles.softbank();
  }

  /** {@return the profile's name, as failure messages and reports show it} */
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
        broken.add(new ProfileResult.BrokenRule(rule, breach.get().problem(), breach.get().fix(),
            breach.get().reply()));
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
    return Rules.spfOrDkim("SPF or DKIM passes", GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER);
  }

  private static ProfileRule dmarcPublished(String requirement) {
    return Rules.dmarcPublished(requirement, GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER);
  }

  private static ProfileRule reverseDns() {
    return Rules.reverseDns(GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER);
  }

  private static ProfileRule tls() {
    return Rules.tls(GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER);
  }

  private static ProfileRule format() {
    return Rules.format(GMAIL_YAHOO_2024, Verdict.SPAM_FOLDER);
  }

  private static ProfileRule oneClickUnsubscribe() {
    return new ProfileRule("marketing mail offers one-click unsubscribe (RFC 8058)", GMAIL_YAHOO_2024,
        Verdict.SPAM_FOLDER, r -> OneClickUnsubscribe.of(r.mail()).problem()
            .map(problem -> new ProfileRule.Breach(problem, OneClickUnsubscribe.FIX)));
  }
}
