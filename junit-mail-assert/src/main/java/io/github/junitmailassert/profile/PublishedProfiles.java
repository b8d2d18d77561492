package io.github.junitmailassert.profile;

import static io.github.junitmailassert.profile.Verdict.DEFERRED;
import static io.github.junitmailassert.profile.Verdict.REJECTED;
import static io.github.junitmailassert.profile.Verdict.SPAM_FOLDER;

import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dmarc.DmarcPolicy;
import io.github.junitmailassert.receiver.ReceiverResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The receivers' published rules, each with the document it comes from and, where the receiver
 * documents one, the reply it sends. Replies quote the receiver's documented text with its
 * placeholders filled in from the mail's result, its paragraphs joined with a space (Gmail's page
 * gives 5.7.27 and 5.7.30 a paragraph without a final period, kept as written); links the receivers
 * add are left out.
 */
final class PublishedProfiles {

  static final String GMAIL_ALL = "Gmail: Email sender guidelines (requirements for all senders) and Email sender"
      + " guidelines FAQ (enforcement ramping up from November 2025); reply: Gmail SMTP errors and codes (2026-02-12)";
  static final String GMAIL_BULK = "Gmail: Email sender guidelines (requirements for bulk senders, February 2024) and"
      + " Email sender guidelines FAQ (enforcement ramping up from November 2025); reply: Gmail SMTP errors and codes"
      + " (2026-02-12)";
  static final String YAHOO = "Yahoo Sender Hub: Sender Requirements & Recommendations (February 2024); reply as"
      + " Yahoo sends it (its SMTP Error Codes page, 2026-02-15, names the classes, not the texts)";
  static final String YAHOO_RULE = "Yahoo Sender Hub: Sender Requirements & Recommendations (February 2024)";
  static final String OUTLOOK = "Outlook.com: Strengthening Email Ecosystem: Outlook's New Requirements for"
      + " High-Volume Senders (Microsoft Defender for Office 365 Blog, 2 April 2025, updated 29 April 2025; rejecting"
      + " from 5 May 2025)";
  static final String ICLOUD = "Apple: Postmaster information for iCloud Mail (25 February 2025): all requirements"
      + " must be met, else the mail is rejected; reply as iCloud sends it (not published)";
  static final String AU = "au (KDDI): なりすましメール規制 (spoofing filter; SPF of the HELO name for the null"
      + " sender per RFC 7208 section 2.4); reply paraphrased (not published)";
  static final String DOCOMO = "docomo: なりすましメール拒否 (spoofing filter, SPF and DMARC); reply as docomo"
      + " sends it (not published)";
  static final String SOFTBANK = "SoftBank: なりすましメール拒否 (spoofing filter, SPF and DMARC); reply"
      + " paraphrased (not published)";
  static final String CARRIER_FORMAT = "Japanese mobile carriers' receiving rules: mail without a Message-ID or a"
      + " From address is refused; reply as for the spoofing filter";

  private PublishedProfiles() {}

  // ------------------------------------------------------------------ Gmail

  private static final String GMAIL_GUIDELINES = " To learn more about Gmail requirements for bulk email senders,"
      + " visit Email sender guidelines.";

  static SmtpReply gmailUnauthenticated(ReceiverResult r) {
    return new SmtpReply(550, "5.7.26", "This email has been blocked because the sender is unauthenticated. Gmail"
        + " requires all senders to authenticate with either SPF or DKIM. Authentication results: DKIM = did not pass"
        + " SPF [" + r.spf().domain() + "] with ip: [" + Rules.clientIp(r) + "] = did not pass. For instructions on"
        + " setting up authentication, go to Email sender guidelines.");
  }

  static SmtpReply gmailDmarcPolicy(ReceiverResult r) {
    String domain = Rules.sendingDomain(r);
    return new SmtpReply(550, "5.7.26", "Unauthenticated email from " + domain + " is not accepted due to domain's"
        + " DMARC policy. Contact the administrator of " + domain + " domain if this was legitimate email. To learn"
        + " about the DMARC initiative, go to Control unauthenticated email from your domain.");
  }

  static final SmtpReply GMAIL_FROM = new SmtpReply(550, "5.7.1", "Messages missing a valid address in the From:"
      + " header, or having no From: header, are not accepted. For more information, go to Email sender guidelines"
      + " and review RFC 5322 specifications.");
  static final SmtpReply GMAIL_MESSAGE_ID = new SmtpReply(550, "5.7.1", "Messages missing a valid Message-ID:"
      + " header are not accepted. For more information, go to Email sender guidelines and review RFC 5322"
      + " specifications.");

  /** The rules Gmail applies to every sender first, then {@code more}. */
  private static List<ProfileRule> gmailRules(String source, ProfileRule... more) {
    List<ProfileRule> rules = new ArrayList<>(List.of(
        Rules.spfOrDkim("SPF or DKIM passes", source, REJECTED).withReply(PublishedProfiles::gmailUnauthenticated),
        Rules.fromAddress("From names one valid address", source, REJECTED).withReply(GMAIL_FROM),
        Rules.messageId("the message has a valid Message-ID", source, REJECTED).withReply(GMAIL_MESSAGE_ID),
        Rules.dmarcDisposition(DmarcPolicy.REJECT, source, REJECTED).withReply(PublishedProfiles::gmailDmarcPolicy)));
    rules.addAll(List.of(more));
    return rules;
  }

  /** Gmail, all senders: the temporary codes for reverse DNS and TLS, the permanent ones for the rest. */
  static ReceiverProfile gmailAllSenders() {
    return ReceiverProfile.of("gmail (all senders, 2025-11)", gmailRules(GMAIL_ALL,
        Rules.reverseDns(GMAIL_ALL, DEFERRED).withReply(r -> new SmtpReply(451, "4.7.23", Rules.clientIp(r)
            + " The sending IP address for this message doesn't have a PTR record, or the PTR record's forward DNS"
            + " entry doesn't match the sending IP address. To protect users from spam, your email has been"
            + " temporarily rate limited. To learn more about IP address requirements for sending to Gmail, visit the"
            + " IP addresses section of our sender guidelines." + GMAIL_GUIDELINES)),
        Rules.tls(GMAIL_ALL, DEFERRED).withReply(new SmtpReply(421, "4.7.29", "Your email has been rate limited"
            + " because you're not using a TLS connection. Gmail requires all bulk email senders to use TLS/SSL for"
            + " SMTP connections. To set up TLS for email, visit TLS & SSL connections." + GMAIL_GUIDELINES)),
        Rules.dmarcDisposition(DmarcPolicy.QUARANTINE, GMAIL_ALL, SPAM_FOLDER),
        Rules.format(GMAIL_ALL, SPAM_FOLDER)));
  }

  /** Gmail, bulk senders: every requirement with its permanent code. */
  static ReceiverProfile gmailBulkSenders() {
    return ReceiverProfile.of("gmail (bulk senders, 2025-11)", gmailRules(GMAIL_BULK,
        ProfileRule.requiring(MailCheck.SPF, "SPF passes", GMAIL_BULK, REJECTED).withReply(r -> new SmtpReply(550,
            "5.7.27", "This message was blocked because it didn't pass SPF authentication. Gmail requires bulk email"
            + " senders to authenticate their email with SPF. Authentication results: SPF with " + Rules.clientIp(r)
            + " = did not pass To set up SPF for your sending domains, visit Set up SPF." + GMAIL_GUIDELINES)),
        ProfileRule.requiring(MailCheck.DKIM, "DKIM passes", GMAIL_BULK, REJECTED).withReply(new SmtpReply(550,
            "5.7.30", "This message was blocked because it didn't pass DKIM authentication. Gmail requires bulk email"
            + " senders to authenticate their email with DKIM. Authentication results: DKIM = did not pass To set up"
            + " DKIM for your sending domains, visit Set up DKIM." + GMAIL_GUIDELINES)),
        Rules.dmarcPublished("the From domain publishes DMARC with a policy (p=none is enough)", GMAIL_BULK, REJECTED)
            .withReply(new SmtpReply(550, "5.7.40", "Your message was blocked because the sending domain doesn't"
                + " have a DMARC record or the DMARC record doesn't specify a DMARC policy. Gmail requires all bulk"
                + " email senders to add a DMARC record to their sending domain. See Set up DMARC."
                + GMAIL_GUIDELINES)),
        Rules.aligned("From is aligned with the SPF or the DKIM domain", GMAIL_BULK, REJECTED).withReply(
            new SmtpReply(550, "5.7.32", "Your email was blocked because the From: header (RFC5322) in this message"
                + " isn't aligned with either the authenticated SPF or DKIM organizational domain. Learn more about"
                + " DMARC alignment." + GMAIL_GUIDELINES)),
        Rules.reverseDns(GMAIL_BULK, REJECTED).withReply(new SmtpReply(550, "5.7.25", "This message was blocked"
            + " because the sending IP address doesn't have a PTR record, or the forwarding DNS entry doesn't"
            + " reference the sending IP address. Gmail requires that sending IP addresses have a PTR record. Learn"
            + " more about requirements for sending IP addresses." + GMAIL_GUIDELINES)),
        Rules.tls(GMAIL_BULK, REJECTED).withReply(new SmtpReply(550, "5.7.29", "This message was blocked because it"
            + " wasn't sent over a TLS connection. Gmail requires all bulk email senders to use TLS/SSL for SMTP"
            + " connections. To set up TLS for email, visit TLS & SSL connections." + GMAIL_GUIDELINES)),
        Rules.format(GMAIL_BULK, SPAM_FOLDER)));
  }

  // ------------------------------------------------------------------ Yahoo

  private static List<ProfileRule> yahooAllSenderRules() {
    return List.of(
        Rules.spfOrDkim("SPF or DKIM passes", YAHOO, REJECTED).withReply(new SmtpReply(550, "5.7.9", "This mail has"
            + " been blocked because the sender is unauthenticated. Yahoo requires all senders to authenticate with"
            + " either SPF or DKIM.")),
        Rules.dmarcDisposition(DmarcPolicy.REJECT, YAHOO, REJECTED).withReply(new SmtpReply(554, "5.7.9",
            "Message not accepted for policy reasons.")),
        Rules.notListed("the sending IP is on no block list the receiver asks (Yahoo asks Spamhaus)", YAHOO, REJECTED)
            .withReply(r -> new SmtpReply(553, "5.7.1", "[BL21] Connections will not be accepted from "
                + Rules.clientIp(r) + ", because the ip is in Spamhaus's list;")),
        Rules.dmarcDisposition(DmarcPolicy.QUARANTINE, YAHOO_RULE, SPAM_FOLDER),
        Rules.reverseDns(YAHOO_RULE, SPAM_FOLDER),
        Rules.format(YAHOO_RULE, SPAM_FOLDER));
  }

  static ReceiverProfile yahooAllSenders() {
    return ReceiverProfile.of("yahoo (all senders, 2024-02)", yahooAllSenderRules());
  }

  static ReceiverProfile yahooBulkSenders(ProfileRule oneClickUnsubscribe) {
    List<ProfileRule> rules = new ArrayList<>(yahooAllSenderRules());
    rules.add(ProfileRule.requiring(MailCheck.SPF, "SPF passes", YAHOO_RULE, SPAM_FOLDER));
    rules.add(ProfileRule.requiring(MailCheck.DKIM, "DKIM passes", YAHOO_RULE, SPAM_FOLDER));
    rules.add(Rules.dmarcPublished("the From domain publishes DMARC (p=none is enough)", YAHOO_RULE, SPAM_FOLDER));
    rules.add(Rules.aligned("From is aligned with the SPF or the DKIM domain", YAHOO_RULE, SPAM_FOLDER));
    rules.add(new ProfileRule(oneClickUnsubscribe.requirement(), YAHOO_RULE, SPAM_FOLDER, oneClickUnsubscribe.check()));
    return ReceiverProfile.of("yahoo (bulk senders, 2024-02)", rules);
  }

  // ------------------------------------------------------------------ Outlook.com

  static ReceiverProfile outlookHighVolumeSenders() {
    Function<ReceiverResult, SmtpReply> reply = r -> new SmtpReply(550, "5.7.515", "Access denied, sending domain "
        + Rules.sendingDomain(r) + " does not meet the required authentication level.");
    return ReceiverProfile.of("outlook.com (high-volume senders, 2025-05)", List.of(
        ProfileRule.requiring(MailCheck.SPF, "SPF passes", OUTLOOK, REJECTED).withReply(reply),
        ProfileRule.requiring(MailCheck.DKIM, "DKIM passes", OUTLOOK, REJECTED).withReply(reply),
        Rules.dmarcPublished("the From domain publishes DMARC (at least p=none)", OUTLOOK, REJECTED).withReply(reply),
        Rules.aligned("From is aligned with the SPF or the DKIM domain", OUTLOOK, REJECTED).withReply(reply)));
  }

  // ------------------------------------------------------------------ iCloud

  static ReceiverProfile icloudBulkSenders() {
    SmtpReply reply = new SmtpReply(554, "5.7.1", "[CS01] Message rejected due to local policy.");
    return ReceiverProfile.of("icloud (bulk senders, 2025-02)", List.of(
        Rules.spfAndDkim("SPF and DKIM authenticate the mail", ICLOUD, REJECTED).withReply(reply),
        Rules.dmarcPublished("the From domain publishes a DMARC policy", ICLOUD, REJECTED).withReply(reply),
        Rules.dmarcDisposition(DmarcPolicy.REJECT, ICLOUD, REJECTED).withReply(reply),
        Rules.reverseDns(ICLOUD, REJECTED).withReply(reply),
        Rules.format(ICLOUD, REJECTED).withReply(reply),
        Rules.dmarcDisposition(DmarcPolicy.QUARANTINE, ICLOUD, SPAM_FOLDER)));
  }

  // ------------------------------------------------------------------ Japanese mobile carriers

  private static List<ProfileRule> carrierRules(String source, Function<ReceiverResult, SmtpReply> reply,
      boolean dmarc) {
    List<ProfileRule> rules = new ArrayList<>();
    rules.add(ProfileRule.requiring(MailCheck.SPF, "SPF passes (for the null sender: SPF of the HELO name)", source,
        REJECTED).withReply(reply));
    if (dmarc) {
      rules.add(Rules.dmarcDisposition(DmarcPolicy.REJECT, source, REJECTED).withReply(reply));
      rules.add(Rules.dmarcDisposition(DmarcPolicy.QUARANTINE, source, SPAM_FOLDER));
    }
    rules.add(Rules.messageId("the message has a Message-ID", CARRIER_FORMAT, REJECTED).withReply(reply));
    rules.add(Rules.fromAddress("From names an address", CARRIER_FORMAT, REJECTED).withReply(reply));
    return rules;
  }

  static ReceiverProfile au() {
    return ReceiverProfile.of("au (KDDI, spoofing filter on)", carrierRules(AU,
        r -> new SmtpReply(550, "5.7.1", "<" + Rules.recipient(r) + ">: mail refused by the recipient's spoofing"
            + " filter"), false));
  }

  static ReceiverProfile docomo() {
    return ReceiverProfile.of("docomo (spoofing filter on)", carrierRules(DOCOMO,
        r -> new SmtpReply(550, "", "Unknown user " + Rules.recipient(r)), true));
  }

  static ReceiverProfile softbank() {
    return ReceiverProfile.of("SoftBank (spoofing filter on)", carrierRules(SOFTBANK,
        r -> new SmtpReply(550, "5.7.1", "<" + Rules.recipient(r) + ">: mail refused by the recipient's spoofing"
            + " filter"), true));
  }
}
