package io.github.junitmailassert.profile;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpEndpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of each published profile: a mail sent through the capture server that keeps
 * every rule but one, the verdict, and the exact failure message with the reply the receiver
 * would send. The block list is one the test declares and lists in its zone.
 */
@MailDeliverability(domain = "sample.co.jp", clientIp = Sending.IP, blockLists = "zen.dnsbl.example")
class PublishedProfilesTest {

  static final List<ReceiverProfile> PUBLISHED = List.of(ReceiverProfile.gmailAllSenders(),
      ReceiverProfile.gmailBulkSenders(), ReceiverProfile.yahooAllSenders(), ReceiverProfile.yahooBulkSenders(),
      ReceiverProfile.outlookHighVolumeSenders(), ReceiverProfile.icloudBulkSenders(), ReceiverProfile.au(),
      ReceiverProfile.docomo(), ReceiverProfile.softbank());

  // Where each rule is published, as the failure messages name it
  private static final String GMAIL_ALL = "Gmail: Email sender guidelines (requirements for all senders) and"
      + " Email sender guidelines FAQ (enforcement ramping up from November 2025); reply: Gmail SMTP errors"
      + " and codes (2026-02-12)";
  private static final String GMAIL_BULK = "Gmail: Email sender guidelines (requirements for bulk senders,"
      + " February 2024) and Email sender guidelines FAQ (enforcement ramping up from November 2025); reply:"
      + " Gmail SMTP errors and codes (2026-02-12)";
  private static final String YAHOO = "Yahoo Sender Hub: Sender Requirements & Recommendations (February"
      + " 2024); reply as Yahoo sends it (its SMTP Error Codes page, 2026-02-15, names the classes, not the"
      + " texts)";
  private static final String YAHOO_RULE = "Yahoo Sender Hub: Sender Requirements & Recommendations (February"
      + " 2024)";
  private static final String OUTLOOK = "Outlook.com: Strengthening Email Ecosystem: Outlook's New"
      + " Requirements for High-Volume Senders (Microsoft Defender for Office 365 Blog, 2 April 2025,"
      + " updated 29 April 2025; rejecting from 5 May 2025)";
  private static final String ICLOUD = "Apple: Postmaster information for iCloud Mail (25 February 2025): all"
      + " requirements must be met, else the mail is rejected; reply as iCloud sends it (not published)";
  private static final String AU = "au (KDDI): なりすましメール規制 (spoofing filter; SPF of the HELO name for the null"
      + " sender per RFC 7208 section 2.4); reply paraphrased (not published)";
  private static final String DOCOMO = "docomo: なりすましメール拒否 (spoofing filter, SPF and DMARC); reply as docomo"
      + " sends it (not published)";
  private static final String SOFTBANK = "SoftBank: なりすましメール拒否 (spoofing filter, SPF and DMARC); reply"
      + " paraphrased (not published)";
  private static final String CARRIER_FORMAT = "Japanese mobile carriers' receiving rules: mail without a"
      + " Message-ID or a From address is refused; reply as for the spoofing filter";

  /** Refused with {@code code}; the failure of isAcceptedBy quotes the reply and names each broken rule. */
  private static void refused(CapturedMail mail, ReceiverProfile profile, String code, String expected) {
    assertThat(mail).receiver().isRefusedWith(profile, code);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).receiver().isAcceptedBy(profile))
        .withMessage(expected);
  }

  /** Accepted into the spam folder; the failure of reachesInboxUnder names each broken rule. */
  private static void spamFolder(CapturedMail mail, ReceiverProfile profile, String expected) {
    assertThat(mail).receiver().hasVerdictUnder(profile, Verdict.SPAM_FOLDER).isAcceptedBy(profile);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).receiver().reachesInboxUnder(profile))
        .withMessage(expected);
  }

  @Test
  void every_published_profile_takes_a_mail_that_keeps_every_rule_into_the_inbox(SmtpEndpoint smtp, DnsZone zone,
      CapturedMails mails) throws Exception {
    CapturedMail mail = new Sending(smtp, zone, mails).send();
    for (ReceiverProfile profile : PUBLISHED) {
      assertThat(mail).receiver().reachesInboxUnder(profile).isAcceptedBy(profile);
    }
  }

  @Test
  void au_takes_a_bounce_whose_helo_name_spf_passes(SmtpEndpoint smtp, DnsZone zone, CapturedMails mails)
      throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.envelopeSender = "";
    s.tls = false;
    zone.spf("mail.sample.co.jp", "v=spf1 a -all");
    CapturedMail mail = s.send();
    assertThat(mail).hasNullSender().receiver().reachesInboxUnder(ReceiverProfile.au());
  }

  @Test
  void gmail_all_senders_rejects_mail_that_neither_spf_nor_dkim_authenticates_with_5_7_26(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.envelopeSender = "bounces@other.example";
    s.signed = false;
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.gmailAllSenders(), "5.7.26", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@other.example> to [user@example.com] \"News\"%n"
        + "to be accepted by gmail (all senders, 2025-11) but it would be rejected: 550 5.7.26 This email has"
        + " been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate"
        + " with either SPF or DKIM. Authentication results: DKIM = did not pass SPF [other.example] with ip:"
        + " [203.0.113.25] = did not pass. For instructions on setting up authentication, go to Email sender"
        + " guidelines.%n"
        + "  - [REJECTED] SPF or DKIM passes: Received-SPF: none (mx.receiver.test: domain of"
        + " bounces@other.example does not designate permitted sender hosts) client-ip=203.0.113.25;"
        + " envelope-from=\"bounces@other.example\"; helo=mail.sample.co.jp; receiver=mx.receiver.test;"
        + " identity=mailfrom; the mail is not signed (dkim=none)%n"
        + "    (" + GMAIL_ALL + ")%n"
        + "    Fix: either publish an SPF record: other.example TXT \"v=spf1 ip4:203.0.113.25 -all\"; or sign"
        + " the mail with DKIM, d=sample.co.jp (the From domain, so that DMARC aligns), and publish the key at"
        + " <selector>._domainkey.sample.co.jp; in a test, DkimKeyPair.publishedIn(zone, selector, domain,"
        + " algorithm) makes both%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void gmail_all_senders_rejects_a_dmarc_failure_under_p_reject_with_5_7_26(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    zone.dmarc("brand.example", "v=DMARC1; p=reject");
    s.from = "From: Brand <news@brand.example>\r\n";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.gmailAllSenders(), "5.7.26", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by gmail (all senders, 2025-11) but it would be rejected: 550 5.7.26 Unauthenticated"
        + " email from brand.example is not accepted due to domain's DMARC policy. Contact the administrator"
        + " of brand.example domain if this was legitimate email. To learn about the DMARC initiative, go to"
        + " Control unauthenticated email from your domain.%n"
        + "  - [REJECTED] the From domain's DMARC policy p=reject is honoured: dmarc=fail (p=reject"
        + " dis=reject) header.from=brand.example: DMARC fails for brand.example: no authenticated domain"
        + " aligns with it (SPF domain sample.co.jp belongs to the organizational domain sample.co.jp, the"
        + " From domain to brand.example: not aligned; DKIM d=sample.co.jp (s=n1) belongs to the"
        + " organizational domain sample.co.jp, the From domain to brand.example: not aligned). Policy:"
        + " p=reject of _dmarc.brand.example (published for the From domain), so a receiver would reject it.%n"
        + "    (" + GMAIL_ALL + ")%n"
        + "    Fix: align the From domain brand.example with a passing identity (what passes is SPF"
        + " sample.co.jp, DKIM d=sample.co.jp): send with an envelope sender in brand.example whose SPF record"
        + " lists the sending IP (Jakarta Mail mail.smtp.from), or sign with DKIM d=brand.example%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void gmail_all_senders_defers_mail_without_reverse_dns_with_4_7_23(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.ptr = false;
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.gmailAllSenders(), "4.7.23", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by gmail (all senders, 2025-11) but it would be deferred: 451 4.7.23 203.0.113.25"
        + " The sending IP address for this message doesn't have a PTR record, or the PTR record's forward DNS"
        + " entry doesn't match the sending IP address. To protect users from spam, your email has been"
        + " temporarily rate limited. To learn more about IP address requirements for sending to Gmail, visit"
        + " the IP addresses section of our sender guidelines. To learn more about Gmail requirements for bulk"
        + " email senders, visit Email sender guidelines.%n"
        + "  - [DEFERRED] the sending IP has forward-confirmed reverse DNS: 203.0.113.25 has no PTR record"
        + " (25.113.0.203.in-addr.arpa: NXDOMAIN)%n"
        + "    (" + GMAIL_ALL + ")%n"
        + "    Fix: publish PTR 25.113.0.203.in-addr.arpa -> mail.sample.co.jp (ask whoever owns 203.0.113.25:"
        + " the hosting provider or ISP), and A mail.sample.co.jp -> 203.0.113.25%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void gmail_all_senders_defers_mail_without_tls_with_4_7_29(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.tls = false;
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.gmailAllSenders(), "4.7.29", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by gmail (all senders, 2025-11) but it would be deferred: 421 4.7.29 Your email has"
        + " been rate limited because you're not using a TLS connection. Gmail requires all bulk email senders"
        + " to use TLS/SSL for SMTP connections. To set up TLS for email, visit TLS & SSL connections. To"
        + " learn more about Gmail requirements for bulk email senders, visit Email sender guidelines.%n"
        + "  - [DEFERRED] the connection uses TLS: the mail was sent without STARTTLS%n"
        + "    (" + GMAIL_ALL + ")%n"
        + "    Fix: enable STARTTLS in the client (Jakarta Mail: mail.smtp.starttls.enable=true; Spring Boot:"
        + " spring.mail.properties.mail.smtp.starttls.enable=true)%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void gmail_all_senders_rejects_mail_without_from_with_5_7_1(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.from = "";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.gmailAllSenders(), "5.7.1", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by gmail (all senders, 2025-11) but it would be rejected: 550 5.7.1 Messages missing"
        + " a valid address in the From: header, or having no From: header, are not accepted. For more"
        + " information, go to Email sender guidelines and review RFC 5322 specifications.%n"
        + "  - [REJECTED] From names one valid address: the header has 0 From fields; RFC 5322 section 3.6"
        + " requires exactly one%n"
        + "    (" + GMAIL_ALL + ")%n"
        + "    Fix: add a From field%n"
        + "  - [SPAM_FOLDER] the message is formatted per RFC 5322: the header has 0 From fields; RFC 5322"
        + " section 3.6 requires exactly one%n"
        + "    (" + GMAIL_ALL + ")%n"
        + "    Fix: add a From field%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void gmail_all_senders_rejects_mail_without_message_id_with_5_7_1(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.messageId = "";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.gmailAllSenders(), "5.7.1", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by gmail (all senders, 2025-11) but it would be rejected: 550 5.7.1 Messages missing"
        + " a valid Message-ID: header are not accepted. For more information, go to Email sender guidelines"
        + " and review RFC 5322 specifications.%n"
        + "  - [REJECTED] the message has a valid Message-ID: there is no Message-ID (RFC 5322 section 3.6.4:"
        + " SHOULD); Gmail scores mail without one as suspicious%n"
        + "    (" + GMAIL_ALL + ")%n"
        + "    Fix: let the mail library add one, in your domain%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void gmail_all_senders_puts_a_dmarc_failure_under_p_quarantine_in_the_spam_folder(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    zone.dmarc("brand.example", "v=DMARC1; p=quarantine");
    s.from = "From: Brand <news@brand.example>\r\n";
    CapturedMail mail = s.send();
    spamFolder(mail, ReceiverProfile.gmailAllSenders(), String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to get the verdict INBOX under the profile \"gmail (all senders, 2025-11)\" but it gets"
        + " SPAM_FOLDER:%n"
        + "  - [SPAM_FOLDER] the From domain's DMARC policy p=quarantine is honoured: dmarc=fail (p=quarantine"
        + " dis=quarantine) header.from=brand.example: DMARC fails for brand.example: no authenticated domain"
        + " aligns with it (SPF domain sample.co.jp belongs to the organizational domain sample.co.jp, the"
        + " From domain to brand.example: not aligned; DKIM d=sample.co.jp (s=n1) belongs to the"
        + " organizational domain sample.co.jp, the From domain to brand.example: not aligned). Policy:"
        + " p=quarantine of _dmarc.brand.example (published for the From domain), so a receiver would put it"
        + " in the spam folder.%n"
        + "    (" + GMAIL_ALL + ")%n"
        + "    Fix: align the From domain brand.example with a passing identity (what passes is SPF"
        + " sample.co.jp, DKIM d=sample.co.jp): send with an envelope sender in brand.example whose SPF record"
        + " lists the sending IP (Jakarta Mail mail.smtp.from), or sign with DKIM d=brand.example%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void gmail_all_senders_puts_other_rfc_5322_problems_in_the_spam_folder(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.date = "";
    CapturedMail mail = s.send();
    spamFolder(mail, ReceiverProfile.gmailAllSenders(), String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to get the verdict INBOX under the profile \"gmail (all senders, 2025-11)\" but it gets"
        + " SPAM_FOLDER:%n"
        + "  - [SPAM_FOLDER] the message is formatted per RFC 5322: the header has 0 Date fields; RFC 5322"
        + " section 3.6 requires exactly one%n"
        + "    (" + GMAIL_ALL + ")%n"
        + "    Fix: add a Date field%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void gmail_bulk_senders_rejects_mail_that_neither_spf_nor_dkim_authenticates_with_5_7_26(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.envelopeSender = "bounces@other.example";
    s.signed = false;
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.gmailBulkSenders(), "5.7.26", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@other.example> to [user@example.com] \"News\"%n"
        + "to be accepted by gmail (bulk senders, 2025-11) but it would be rejected: 550 5.7.26 This email has"
        + " been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate"
        + " with either SPF or DKIM. Authentication results: DKIM = did not pass SPF [other.example] with ip:"
        + " [203.0.113.25] = did not pass. For instructions on setting up authentication, go to Email sender"
        + " guidelines.%n"
        + "  - [REJECTED] SPF or DKIM passes: Received-SPF: none (mx.receiver.test: domain of"
        + " bounces@other.example does not designate permitted sender hosts) client-ip=203.0.113.25;"
        + " envelope-from=\"bounces@other.example\"; helo=mail.sample.co.jp; receiver=mx.receiver.test;"
        + " identity=mailfrom; the mail is not signed (dkim=none)%n"
        + "    (" + GMAIL_BULK + ")%n"
        + "    Fix: either publish an SPF record: other.example TXT \"v=spf1 ip4:203.0.113.25 -all\"; or sign"
        + " the mail with DKIM, d=sample.co.jp (the From domain, so that DMARC aligns), and publish the key at"
        + " <selector>._domainkey.sample.co.jp; in a test, DkimKeyPair.publishedIn(zone, selector, domain,"
        + " algorithm) makes both%n"
        + "  - [REJECTED] SPF passes: Received-SPF: none (mx.receiver.test: domain of bounces@other.example"
        + " does not designate permitted sender hosts) client-ip=203.0.113.25;"
        + " envelope-from=\"bounces@other.example\"; helo=mail.sample.co.jp; receiver=mx.receiver.test;"
        + " identity=mailfrom%n"
        + "    (" + GMAIL_BULK + ")%n"
        + "    Reply: 550 5.7.27 This message was blocked because it didn't pass SPF authentication. Gmail"
        + " requires bulk email senders to authenticate their email with SPF. Authentication results: SPF with"
        + " 203.0.113.25 = did not pass To set up SPF for your sending domains, visit Set up SPF. To learn"
        + " more about Gmail requirements for bulk email senders, visit Email sender guidelines.%n"
        + "    Fix: publish an SPF record: other.example TXT \"v=spf1 ip4:203.0.113.25 -all\"%n"
        + "  - [REJECTED] DKIM passes: the mail is not signed (dkim=none)%n"
        + "    (" + GMAIL_BULK + ")%n"
        + "    Reply: 550 5.7.30 This message was blocked because it didn't pass DKIM authentication. Gmail"
        + " requires bulk email senders to authenticate their email with DKIM. Authentication results: DKIM ="
        + " did not pass To set up DKIM for your sending domains, visit Set up DKIM. To learn more about Gmail"
        + " requirements for bulk email senders, visit Email sender guidelines.%n"
        + "    Fix: sign the mail with DKIM, d=sample.co.jp (the From domain, so that DMARC aligns), and"
        + " publish the key at <selector>._domainkey.sample.co.jp; in a test, DkimKeyPair.publishedIn(zone,"
        + " selector, domain, algorithm) makes both%n"
        + "  - [REJECTED] From is aligned with the SPF or the DKIM domain: DMARC fails for sample.co.jp: no"
        + " authenticated domain aligns with it (SPF did not pass for other.example, so it cannot align)."
        + " Policy: p=none of _dmarc.sample.co.jp (published for the From domain), so a receiver would still"
        + " deliver it (the policy is none).%n"
        + "    (" + GMAIL_BULK + ")%n"
        + "    Reply: 550 5.7.32 Your email was blocked because the From: header (RFC5322) in this message"
        + " isn't aligned with either the authenticated SPF or DKIM organizational domain. Learn more about"
        + " DMARC alignment. To learn more about Gmail requirements for bulk email senders, visit Email sender"
        + " guidelines.%n"
        + "    Fix: align the From domain sample.co.jp with a passing identity (neither SPF nor DKIM passes):"
        + " send with an envelope sender in sample.co.jp whose SPF record lists the sending IP (Jakarta Mail"
        + " mail.smtp.from), or sign with DKIM d=sample.co.jp%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void gmail_bulk_senders_rejects_a_dmarc_failure_under_p_reject_with_5_7_26(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    zone.dmarc("brand.example", "v=DMARC1; p=reject");
    s.from = "From: Brand <news@brand.example>\r\n";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.gmailBulkSenders(), "5.7.26", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by gmail (bulk senders, 2025-11) but it would be rejected: 550 5.7.26"
        + " Unauthenticated email from brand.example is not accepted due to domain's DMARC policy. Contact the"
        + " administrator of brand.example domain if this was legitimate email. To learn about the DMARC"
        + " initiative, go to Control unauthenticated email from your domain.%n"
        + "  - [REJECTED] the From domain's DMARC policy p=reject is honoured: dmarc=fail (p=reject"
        + " dis=reject) header.from=brand.example: DMARC fails for brand.example: no authenticated domain"
        + " aligns with it (SPF domain sample.co.jp belongs to the organizational domain sample.co.jp, the"
        + " From domain to brand.example: not aligned; DKIM d=sample.co.jp (s=n1) belongs to the"
        + " organizational domain sample.co.jp, the From domain to brand.example: not aligned). Policy:"
        + " p=reject of _dmarc.brand.example (published for the From domain), so a receiver would reject it.%n"
        + "    (" + GMAIL_BULK + ")%n"
        + "    Fix: align the From domain brand.example with a passing identity (what passes is SPF"
        + " sample.co.jp, DKIM d=sample.co.jp): send with an envelope sender in brand.example whose SPF record"
        + " lists the sending IP (Jakarta Mail mail.smtp.from), or sign with DKIM d=brand.example%n"
        + "  - [REJECTED] From is aligned with the SPF or the DKIM domain: DMARC fails for brand.example: no"
        + " authenticated domain aligns with it (SPF domain sample.co.jp belongs to the organizational domain"
        + " sample.co.jp, the From domain to brand.example: not aligned; DKIM d=sample.co.jp (s=n1) belongs to"
        + " the organizational domain sample.co.jp, the From domain to brand.example: not aligned). Policy:"
        + " p=reject of _dmarc.brand.example (published for the From domain), so a receiver would reject it.%n"
        + "    (" + GMAIL_BULK + ")%n"
        + "    Reply: 550 5.7.32 Your email was blocked because the From: header (RFC5322) in this message"
        + " isn't aligned with either the authenticated SPF or DKIM organizational domain. Learn more about"
        + " DMARC alignment. To learn more about Gmail requirements for bulk email senders, visit Email sender"
        + " guidelines.%n"
        + "    Fix: align the From domain brand.example with a passing identity (what passes is SPF"
        + " sample.co.jp, DKIM d=sample.co.jp): send with an envelope sender in brand.example whose SPF record"
        + " lists the sending IP (Jakarta Mail mail.smtp.from), or sign with DKIM d=brand.example%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void gmail_bulk_senders_rejects_mail_whose_spf_does_not_pass_with_5_7_27(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.envelopeSender = "bounces@other.example";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.gmailBulkSenders(), "5.7.27", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@other.example> to [user@example.com] \"News\"%n"
        + "to be accepted by gmail (bulk senders, 2025-11) but it would be rejected: 550 5.7.27 This message"
        + " was blocked because it didn't pass SPF authentication. Gmail requires bulk email senders to"
        + " authenticate their email with SPF. Authentication results: SPF with 203.0.113.25 = did not pass To"
        + " set up SPF for your sending domains, visit Set up SPF. To learn more about Gmail requirements for"
        + " bulk email senders, visit Email sender guidelines.%n"
        + "  - [REJECTED] SPF passes: Received-SPF: none (mx.receiver.test: domain of bounces@other.example"
        + " does not designate permitted sender hosts) client-ip=203.0.113.25;"
        + " envelope-from=\"bounces@other.example\"; helo=mail.sample.co.jp; receiver=mx.receiver.test;"
        + " identity=mailfrom%n"
        + "    (" + GMAIL_BULK + ")%n"
        + "    Fix: publish an SPF record: other.example TXT \"v=spf1 ip4:203.0.113.25 -all\"%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void gmail_bulk_senders_rejects_mail_whose_dkim_does_not_pass_with_5_7_30(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.signed = false;
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.gmailBulkSenders(), "5.7.30", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by gmail (bulk senders, 2025-11) but it would be rejected: 550 5.7.30 This message"
        + " was blocked because it didn't pass DKIM authentication. Gmail requires bulk email senders to"
        + " authenticate their email with DKIM. Authentication results: DKIM = did not pass To set up DKIM for"
        + " your sending domains, visit Set up DKIM. To learn more about Gmail requirements for bulk email"
        + " senders, visit Email sender guidelines.%n"
        + "  - [REJECTED] DKIM passes: the mail is not signed (dkim=none)%n"
        + "    (" + GMAIL_BULK + ")%n"
        + "    Fix: sign the mail with DKIM, d=sample.co.jp (the From domain, so that DMARC aligns), and"
        + " publish the key at <selector>._domainkey.sample.co.jp; in a test, DkimKeyPair.publishedIn(zone,"
        + " selector, domain, algorithm) makes both%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void gmail_bulk_senders_rejects_mail_without_a_dmarc_record_with_5_7_40(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.dmarc = "";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.gmailBulkSenders(), "5.7.40", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by gmail (bulk senders, 2025-11) but it would be rejected: 550 5.7.40 Your message"
        + " was blocked because the sending domain doesn't have a DMARC record or the DMARC record doesn't"
        + " specify a DMARC policy. Gmail requires all bulk email senders to add a DMARC record to their"
        + " sending domain. See Set up DMARC. To learn more about Gmail requirements for bulk email senders,"
        + " visit Email sender guidelines.%n"
        + "  - [REJECTED] the From domain publishes DMARC with a policy (p=none is enough): no DMARC record"
        + " for sample.co.jp%n"
        + "    (" + GMAIL_BULK + ")%n"
        + "    Fix: publish a DMARC policy: _dmarc.sample.co.jp TXT \"v=DMARC1; p=none;"
        + " rua=mailto:dmarc@sample.co.jp\"%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void gmail_bulk_senders_rejects_mail_whose_from_is_not_aligned_with_5_7_32(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    zone.dmarc("brand.example", "v=DMARC1; p=none");
    s.from = "From: Brand <news@brand.example>\r\n";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.gmailBulkSenders(), "5.7.32", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by gmail (bulk senders, 2025-11) but it would be rejected: 550 5.7.32 Your email was"
        + " blocked because the From: header (RFC5322) in this message isn't aligned with either the"
        + " authenticated SPF or DKIM organizational domain. Learn more about DMARC alignment. To learn more"
        + " about Gmail requirements for bulk email senders, visit Email sender guidelines.%n"
        + "  - [REJECTED] From is aligned with the SPF or the DKIM domain: DMARC fails for brand.example: no"
        + " authenticated domain aligns with it (SPF domain sample.co.jp belongs to the organizational domain"
        + " sample.co.jp, the From domain to brand.example: not aligned; DKIM d=sample.co.jp (s=n1) belongs to"
        + " the organizational domain sample.co.jp, the From domain to brand.example: not aligned). Policy:"
        + " p=none of _dmarc.brand.example (published for the From domain), so a receiver would still deliver"
        + " it (the policy is none).%n"
        + "    (" + GMAIL_BULK + ")%n"
        + "    Fix: align the From domain brand.example with a passing identity (what passes is SPF"
        + " sample.co.jp, DKIM d=sample.co.jp): send with an envelope sender in brand.example whose SPF record"
        + " lists the sending IP (Jakarta Mail mail.smtp.from), or sign with DKIM d=brand.example%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void gmail_bulk_senders_rejects_mail_without_reverse_dns_with_5_7_25(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.ptr = false;
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.gmailBulkSenders(), "5.7.25", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by gmail (bulk senders, 2025-11) but it would be rejected: 550 5.7.25 This message"
        + " was blocked because the sending IP address doesn't have a PTR record, or the forwarding DNS entry"
        + " doesn't reference the sending IP address. Gmail requires that sending IP addresses have a PTR"
        + " record. Learn more about requirements for sending IP addresses. To learn more about Gmail"
        + " requirements for bulk email senders, visit Email sender guidelines.%n"
        + "  - [REJECTED] the sending IP has forward-confirmed reverse DNS: 203.0.113.25 has no PTR record"
        + " (25.113.0.203.in-addr.arpa: NXDOMAIN)%n"
        + "    (" + GMAIL_BULK + ")%n"
        + "    Fix: publish PTR 25.113.0.203.in-addr.arpa -> mail.sample.co.jp (ask whoever owns 203.0.113.25:"
        + " the hosting provider or ISP), and A mail.sample.co.jp -> 203.0.113.25%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void gmail_bulk_senders_rejects_mail_without_tls_with_5_7_29(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.tls = false;
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.gmailBulkSenders(), "5.7.29", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by gmail (bulk senders, 2025-11) but it would be rejected: 550 5.7.29 This message"
        + " was blocked because it wasn't sent over a TLS connection. Gmail requires all bulk email senders to"
        + " use TLS/SSL for SMTP connections. To set up TLS for email, visit TLS & SSL connections. To learn"
        + " more about Gmail requirements for bulk email senders, visit Email sender guidelines.%n"
        + "  - [REJECTED] the connection uses TLS: the mail was sent without STARTTLS%n"
        + "    (" + GMAIL_BULK + ")%n"
        + "    Fix: enable STARTTLS in the client (Jakarta Mail: mail.smtp.starttls.enable=true; Spring Boot:"
        + " spring.mail.properties.mail.smtp.starttls.enable=true)%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void gmail_bulk_senders_rejects_mail_without_from_with_5_7_1(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.from = "";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.gmailBulkSenders(), "5.7.1", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by gmail (bulk senders, 2025-11) but it would be rejected: 550 5.7.1 Messages"
        + " missing a valid address in the From: header, or having no From: header, are not accepted. For more"
        + " information, go to Email sender guidelines and review RFC 5322 specifications.%n"
        + "  - [REJECTED] From names one valid address: the header has 0 From fields; RFC 5322 section 3.6"
        + " requires exactly one%n"
        + "    (" + GMAIL_BULK + ")%n"
        + "    Fix: add a From field%n"
        + "  - [REJECTED] the From domain publishes DMARC with a policy (p=none is enough): no DMARC record"
        + " for the From domain%n"
        + "    (" + GMAIL_BULK + ")%n"
        + "    Reply: 550 5.7.40 Your message was blocked because the sending domain doesn't have a DMARC"
        + " record or the DMARC record doesn't specify a DMARC policy. Gmail requires all bulk email senders"
        + " to add a DMARC record to their sending domain. See Set up DMARC. To learn more about Gmail"
        + " requirements for bulk email senders, visit Email sender guidelines.%n"
        + "    Fix: publish a DMARC policy: _dmarc.your-domain.example TXT \"v=DMARC1; p=none;"
        + " rua=mailto:dmarc@your-domain.example\"%n"
        + "  - [REJECTED] From is aligned with the SPF or the DKIM domain: DMARC cannot be evaluated: the"
        + " message has no From field.%n"
        + "    (" + GMAIL_BULK + ")%n"
        + "    Reply: 550 5.7.32 Your email was blocked because the From: header (RFC5322) in this message"
        + " isn't aligned with either the authenticated SPF or DKIM organizational domain. Learn more about"
        + " DMARC alignment. To learn more about Gmail requirements for bulk email senders, visit Email sender"
        + " guidelines.%n"
        + "    Fix: align the From domain your-domain.example with a passing identity (neither SPF nor DKIM"
        + " passes): send with an envelope sender in your-domain.example whose SPF record lists the sending IP"
        + " (Jakarta Mail mail.smtp.from), or sign with DKIM d=your-domain.example%n"
        + "  - [SPAM_FOLDER] the message is formatted per RFC 5322: the header has 0 From fields; RFC 5322"
        + " section 3.6 requires exactly one%n"
        + "    (" + GMAIL_BULK + ")%n"
        + "    Fix: add a From field%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void gmail_bulk_senders_rejects_mail_without_message_id_with_5_7_1(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.messageId = "";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.gmailBulkSenders(), "5.7.1", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by gmail (bulk senders, 2025-11) but it would be rejected: 550 5.7.1 Messages"
        + " missing a valid Message-ID: header are not accepted. For more information, go to Email sender"
        + " guidelines and review RFC 5322 specifications.%n"
        + "  - [REJECTED] the message has a valid Message-ID: there is no Message-ID (RFC 5322 section 3.6.4:"
        + " SHOULD); Gmail scores mail without one as suspicious%n"
        + "    (" + GMAIL_BULK + ")%n"
        + "    Fix: let the mail library add one, in your domain%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void gmail_bulk_senders_puts_other_rfc_5322_problems_in_the_spam_folder(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.date = "";
    CapturedMail mail = s.send();
    spamFolder(mail, ReceiverProfile.gmailBulkSenders(), String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to get the verdict INBOX under the profile \"gmail (bulk senders, 2025-11)\" but it gets"
        + " SPAM_FOLDER:%n"
        + "  - [SPAM_FOLDER] the message is formatted per RFC 5322: the header has 0 Date fields; RFC 5322"
        + " section 3.6 requires exactly one%n"
        + "    (" + GMAIL_BULK + ")%n"
        + "    Fix: add a Date field%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void yahoo_all_senders_rejects_mail_that_neither_spf_nor_dkim_authenticates_with_5_7_9(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.envelopeSender = "bounces@other.example";
    s.signed = false;
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.yahooAllSenders(), "5.7.9", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@other.example> to [user@example.com] \"News\"%n"
        + "to be accepted by yahoo (all senders, 2024-02) but it would be rejected: 550 5.7.9 This mail has"
        + " been blocked because the sender is unauthenticated. Yahoo requires all senders to authenticate"
        + " with either SPF or DKIM.%n"
        + "  - [REJECTED] SPF or DKIM passes: Received-SPF: none (mx.receiver.test: domain of"
        + " bounces@other.example does not designate permitted sender hosts) client-ip=203.0.113.25;"
        + " envelope-from=\"bounces@other.example\"; helo=mail.sample.co.jp; receiver=mx.receiver.test;"
        + " identity=mailfrom; the mail is not signed (dkim=none)%n"
        + "    (" + YAHOO + ")%n"
        + "    Fix: either publish an SPF record: other.example TXT \"v=spf1 ip4:203.0.113.25 -all\"; or sign"
        + " the mail with DKIM, d=sample.co.jp (the From domain, so that DMARC aligns), and publish the key at"
        + " <selector>._domainkey.sample.co.jp; in a test, DkimKeyPair.publishedIn(zone, selector, domain,"
        + " algorithm) makes both%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void yahoo_all_senders_rejects_a_dmarc_failure_under_p_reject_with_554_5_7_9(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    zone.dmarc("brand.example", "v=DMARC1; p=reject");
    s.from = "From: Brand <news@brand.example>\r\n";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.yahooAllSenders(), "5.7.9", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by yahoo (all senders, 2024-02) but it would be rejected: 554 5.7.9 Message not"
        + " accepted for policy reasons.%n"
        + "  - [REJECTED] the From domain's DMARC policy p=reject is honoured: dmarc=fail (p=reject"
        + " dis=reject) header.from=brand.example: DMARC fails for brand.example: no authenticated domain"
        + " aligns with it (SPF domain sample.co.jp belongs to the organizational domain sample.co.jp, the"
        + " From domain to brand.example: not aligned; DKIM d=sample.co.jp (s=n1) belongs to the"
        + " organizational domain sample.co.jp, the From domain to brand.example: not aligned). Policy:"
        + " p=reject of _dmarc.brand.example (published for the From domain), so a receiver would reject it.%n"
        + "    (" + YAHOO + ")%n"
        + "    Fix: align the From domain brand.example with a passing identity (what passes is SPF"
        + " sample.co.jp, DKIM d=sample.co.jp): send with an envelope sender in brand.example whose SPF record"
        + " lists the sending IP (Jakarta Mail mail.smtp.from), or sign with DKIM d=brand.example%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void yahoo_all_senders_rejects_a_listed_client_ip_with_553_5_7_1(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    zone.a("25.113.0.203.zen.dnsbl.example", "127.0.0.2");
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.yahooAllSenders(), "5.7.1", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by yahoo (all senders, 2024-02) but it would be rejected: 553 5.7.1 [BL21]"
        + " Connections will not be accepted from 203.0.113.25, because the ip is in Spamhaus's list;%n"
        + "  - [REJECTED] the sending IP is on no block list the receiver asks (Yahoo asks Spamhaus):"
        + " zen.dnsbl.example: 25.113.0.203.zen.dnsbl.example -> 127.0.0.2%n"
        + "    (" + YAHOO + ")%n"
        + "    Fix: send from another address, or have it delisted after fixing the cause%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void yahoo_all_senders_puts_a_dmarc_failure_under_p_quarantine_in_the_spam_folder(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    zone.dmarc("brand.example", "v=DMARC1; p=quarantine");
    s.from = "From: Brand <news@brand.example>\r\n";
    CapturedMail mail = s.send();
    spamFolder(mail, ReceiverProfile.yahooAllSenders(), String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to get the verdict INBOX under the profile \"yahoo (all senders, 2024-02)\" but it gets"
        + " SPAM_FOLDER:%n"
        + "  - [SPAM_FOLDER] the From domain's DMARC policy p=quarantine is honoured: dmarc=fail (p=quarantine"
        + " dis=quarantine) header.from=brand.example: DMARC fails for brand.example: no authenticated domain"
        + " aligns with it (SPF domain sample.co.jp belongs to the organizational domain sample.co.jp, the"
        + " From domain to brand.example: not aligned; DKIM d=sample.co.jp (s=n1) belongs to the"
        + " organizational domain sample.co.jp, the From domain to brand.example: not aligned). Policy:"
        + " p=quarantine of _dmarc.brand.example (published for the From domain), so a receiver would put it"
        + " in the spam folder.%n"
        + "    (" + YAHOO_RULE + ")%n"
        + "    Fix: align the From domain brand.example with a passing identity (what passes is SPF"
        + " sample.co.jp, DKIM d=sample.co.jp): send with an envelope sender in brand.example whose SPF record"
        + " lists the sending IP (Jakarta Mail mail.smtp.from), or sign with DKIM d=brand.example%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void yahoo_all_senders_puts_mail_without_reverse_dns_in_the_spam_folder(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.ptr = false;
    CapturedMail mail = s.send();
    spamFolder(mail, ReceiverProfile.yahooAllSenders(), String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to get the verdict INBOX under the profile \"yahoo (all senders, 2024-02)\" but it gets"
        + " SPAM_FOLDER:%n"
        + "  - [SPAM_FOLDER] the sending IP has forward-confirmed reverse DNS: 203.0.113.25 has no PTR record"
        + " (25.113.0.203.in-addr.arpa: NXDOMAIN)%n"
        + "    (" + YAHOO_RULE + ")%n"
        + "    Fix: publish PTR 25.113.0.203.in-addr.arpa -> mail.sample.co.jp (ask whoever owns 203.0.113.25:"
        + " the hosting provider or ISP), and A mail.sample.co.jp -> 203.0.113.25%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void yahoo_all_senders_puts_rfc_5322_problems_in_the_spam_folder(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.date = "";
    CapturedMail mail = s.send();
    spamFolder(mail, ReceiverProfile.yahooAllSenders(), String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to get the verdict INBOX under the profile \"yahoo (all senders, 2024-02)\" but it gets"
        + " SPAM_FOLDER:%n"
        + "  - [SPAM_FOLDER] the message is formatted per RFC 5322: the header has 0 Date fields; RFC 5322"
        + " section 3.6 requires exactly one%n"
        + "    (" + YAHOO_RULE + ")%n"
        + "    Fix: add a Date field%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void yahoo_bulk_senders_puts_mail_whose_spf_does_not_pass_in_the_spam_folder(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.envelopeSender = "bounces@other.example";
    CapturedMail mail = s.send();
    spamFolder(mail, ReceiverProfile.yahooBulkSenders(), String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@other.example> to [user@example.com] \"News\"%n"
        + "to get the verdict INBOX under the profile \"yahoo (bulk senders, 2024-02)\" but it gets"
        + " SPAM_FOLDER:%n"
        + "  - [SPAM_FOLDER] SPF passes: Received-SPF: none (mx.receiver.test: domain of bounces@other.example"
        + " does not designate permitted sender hosts) client-ip=203.0.113.25;"
        + " envelope-from=\"bounces@other.example\"; helo=mail.sample.co.jp; receiver=mx.receiver.test;"
        + " identity=mailfrom%n"
        + "    (" + YAHOO_RULE + ")%n"
        + "    Fix: publish an SPF record: other.example TXT \"v=spf1 ip4:203.0.113.25 -all\"%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void yahoo_bulk_senders_puts_mail_whose_dkim_does_not_pass_in_the_spam_folder(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.signed = false;
    CapturedMail mail = s.send();
    spamFolder(mail, ReceiverProfile.yahooBulkSenders(), String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to get the verdict INBOX under the profile \"yahoo (bulk senders, 2024-02)\" but it gets"
        + " SPAM_FOLDER:%n"
        + "  - [SPAM_FOLDER] DKIM passes: the mail is not signed (dkim=none)%n"
        + "    (" + YAHOO_RULE + ")%n"
        + "    Fix: sign the mail with DKIM, d=sample.co.jp (the From domain, so that DMARC aligns), and"
        + " publish the key at <selector>._domainkey.sample.co.jp; in a test, DkimKeyPair.publishedIn(zone,"
        + " selector, domain, algorithm) makes both%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void yahoo_bulk_senders_puts_mail_without_a_dmarc_record_in_the_spam_folder(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.dmarc = "";
    CapturedMail mail = s.send();
    spamFolder(mail, ReceiverProfile.yahooBulkSenders(), String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to get the verdict INBOX under the profile \"yahoo (bulk senders, 2024-02)\" but it gets"
        + " SPAM_FOLDER:%n"
        + "  - [SPAM_FOLDER] the From domain publishes DMARC (p=none is enough): no DMARC record for"
        + " sample.co.jp%n"
        + "    (" + YAHOO_RULE + ")%n"
        + "    Fix: publish a DMARC policy: _dmarc.sample.co.jp TXT \"v=DMARC1; p=none;"
        + " rua=mailto:dmarc@sample.co.jp\"%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void yahoo_bulk_senders_puts_mail_whose_from_is_not_aligned_in_the_spam_folder(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    zone.dmarc("brand.example", "v=DMARC1; p=none");
    s.from = "From: Brand <news@brand.example>\r\n";
    CapturedMail mail = s.send();
    spamFolder(mail, ReceiverProfile.yahooBulkSenders(), String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to get the verdict INBOX under the profile \"yahoo (bulk senders, 2024-02)\" but it gets"
        + " SPAM_FOLDER:%n"
        + "  - [SPAM_FOLDER] From is aligned with the SPF or the DKIM domain: DMARC fails for brand.example:"
        + " no authenticated domain aligns with it (SPF domain sample.co.jp belongs to the organizational"
        + " domain sample.co.jp, the From domain to brand.example: not aligned; DKIM d=sample.co.jp (s=n1)"
        + " belongs to the organizational domain sample.co.jp, the From domain to brand.example: not aligned)."
        + " Policy: p=none of _dmarc.brand.example (published for the From domain), so a receiver would still"
        + " deliver it (the policy is none).%n"
        + "    (" + YAHOO_RULE + ")%n"
        + "    Fix: align the From domain brand.example with a passing identity (what passes is SPF"
        + " sample.co.jp, DKIM d=sample.co.jp): send with an envelope sender in brand.example whose SPF record"
        + " lists the sending IP (Jakarta Mail mail.smtp.from), or sign with DKIM d=brand.example%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void yahoo_bulk_senders_puts_mail_without_one_click_unsubscribe_in_the_spam_folder(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.unsubscribe = "";
    CapturedMail mail = s.send();
    spamFolder(mail, ReceiverProfile.yahooBulkSenders(), String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to get the verdict INBOX under the profile \"yahoo (bulk senders, 2024-02)\" but it gets"
        + " SPAM_FOLDER:%n"
        + "  - [SPAM_FOLDER] marketing mail offers one-click unsubscribe (RFC 8058): there is no"
        + " List-Unsubscribe header field; there is no List-Unsubscribe-Post header field%n"
        + "    (" + YAHOO_RULE + ")%n"
        + "    Fix: add List-Unsubscribe: <https://...> and List-Unsubscribe-Post: List-Unsubscribe=One-Click,"
        + " and sign both with DKIM%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void outlook_rejects_mail_whose_spf_does_not_pass_with_5_7_515(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.envelopeSender = "bounces@other.example";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.outlookHighVolumeSenders(), "5.7.515", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@other.example> to [user@example.com] \"News\"%n"
        + "to be accepted by outlook.com (high-volume senders, 2025-05) but it would be rejected: 550 5.7.515"
        + " Access denied, sending domain sample.co.jp does not meet the required authentication level.%n"
        + "  - [REJECTED] SPF passes: Received-SPF: none (mx.receiver.test: domain of bounces@other.example"
        + " does not designate permitted sender hosts) client-ip=203.0.113.25;"
        + " envelope-from=\"bounces@other.example\"; helo=mail.sample.co.jp; receiver=mx.receiver.test;"
        + " identity=mailfrom%n"
        + "    (" + OUTLOOK + ")%n"
        + "    Fix: publish an SPF record: other.example TXT \"v=spf1 ip4:203.0.113.25 -all\"%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void outlook_rejects_mail_whose_dkim_does_not_pass_with_5_7_515(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.signed = false;
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.outlookHighVolumeSenders(), "5.7.515", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by outlook.com (high-volume senders, 2025-05) but it would be rejected: 550 5.7.515"
        + " Access denied, sending domain sample.co.jp does not meet the required authentication level.%n"
        + "  - [REJECTED] DKIM passes: the mail is not signed (dkim=none)%n"
        + "    (" + OUTLOOK + ")%n"
        + "    Fix: sign the mail with DKIM, d=sample.co.jp (the From domain, so that DMARC aligns), and"
        + " publish the key at <selector>._domainkey.sample.co.jp; in a test, DkimKeyPair.publishedIn(zone,"
        + " selector, domain, algorithm) makes both%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void outlook_rejects_mail_without_a_dmarc_record_with_5_7_515(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.dmarc = "";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.outlookHighVolumeSenders(), "5.7.515", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by outlook.com (high-volume senders, 2025-05) but it would be rejected: 550 5.7.515"
        + " Access denied, sending domain sample.co.jp does not meet the required authentication level.%n"
        + "  - [REJECTED] the From domain publishes DMARC (at least p=none): no DMARC record for sample.co.jp%n"
        + "    (" + OUTLOOK + ")%n"
        + "    Fix: publish a DMARC policy: _dmarc.sample.co.jp TXT \"v=DMARC1; p=none;"
        + " rua=mailto:dmarc@sample.co.jp\"%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void outlook_rejects_mail_whose_from_is_not_aligned_with_5_7_515(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    zone.dmarc("brand.example", "v=DMARC1; p=none");
    s.from = "From: Brand <news@brand.example>\r\n";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.outlookHighVolumeSenders(), "5.7.515", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by outlook.com (high-volume senders, 2025-05) but it would be rejected: 550 5.7.515"
        + " Access denied, sending domain brand.example does not meet the required authentication level.%n"
        + "  - [REJECTED] From is aligned with the SPF or the DKIM domain: DMARC fails for brand.example: no"
        + " authenticated domain aligns with it (SPF domain sample.co.jp belongs to the organizational domain"
        + " sample.co.jp, the From domain to brand.example: not aligned; DKIM d=sample.co.jp (s=n1) belongs to"
        + " the organizational domain sample.co.jp, the From domain to brand.example: not aligned). Policy:"
        + " p=none of _dmarc.brand.example (published for the From domain), so a receiver would still deliver"
        + " it (the policy is none).%n"
        + "    (" + OUTLOOK + ")%n"
        + "    Fix: align the From domain brand.example with a passing identity (what passes is SPF"
        + " sample.co.jp, DKIM d=sample.co.jp): send with an envelope sender in brand.example whose SPF record"
        + " lists the sending IP (Jakarta Mail mail.smtp.from), or sign with DKIM d=brand.example%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void icloud_rejects_mail_that_spf_and_dkim_do_not_both_authenticate(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.signed = false;
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.icloudBulkSenders(), "5.7.1", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by icloud (bulk senders, 2025-02) but it would be rejected: 554 5.7.1 [CS01] Message"
        + " rejected due to local policy.%n"
        + "  - [REJECTED] SPF and DKIM authenticate the mail: the mail is not signed (dkim=none)%n"
        + "    (" + ICLOUD + ")%n"
        + "    Fix: sign the mail with DKIM, d=sample.co.jp (the From domain, so that DMARC aligns), and"
        + " publish the key at <selector>._domainkey.sample.co.jp; in a test, DkimKeyPair.publishedIn(zone,"
        + " selector, domain, algorithm) makes both%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void icloud_rejects_mail_without_a_dmarc_record(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.dmarc = "";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.icloudBulkSenders(), "5.7.1", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by icloud (bulk senders, 2025-02) but it would be rejected: 554 5.7.1 [CS01] Message"
        + " rejected due to local policy.%n"
        + "  - [REJECTED] the From domain publishes a DMARC policy: no DMARC record for sample.co.jp%n"
        + "    (" + ICLOUD + ")%n"
        + "    Fix: publish a DMARC policy: _dmarc.sample.co.jp TXT \"v=DMARC1; p=none;"
        + " rua=mailto:dmarc@sample.co.jp\"%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void icloud_rejects_a_dmarc_failure_under_p_reject(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    zone.dmarc("brand.example", "v=DMARC1; p=reject");
    s.from = "From: Brand <news@brand.example>\r\n";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.icloudBulkSenders(), "5.7.1", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by icloud (bulk senders, 2025-02) but it would be rejected: 554 5.7.1 [CS01] Message"
        + " rejected due to local policy.%n"
        + "  - [REJECTED] the From domain's DMARC policy p=reject is honoured: dmarc=fail (p=reject"
        + " dis=reject) header.from=brand.example: DMARC fails for brand.example: no authenticated domain"
        + " aligns with it (SPF domain sample.co.jp belongs to the organizational domain sample.co.jp, the"
        + " From domain to brand.example: not aligned; DKIM d=sample.co.jp (s=n1) belongs to the"
        + " organizational domain sample.co.jp, the From domain to brand.example: not aligned). Policy:"
        + " p=reject of _dmarc.brand.example (published for the From domain), so a receiver would reject it.%n"
        + "    (" + ICLOUD + ")%n"
        + "    Fix: align the From domain brand.example with a passing identity (what passes is SPF"
        + " sample.co.jp, DKIM d=sample.co.jp): send with an envelope sender in brand.example whose SPF record"
        + " lists the sending IP (Jakarta Mail mail.smtp.from), or sign with DKIM d=brand.example%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void icloud_rejects_mail_without_reverse_dns(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.ptr = false;
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.icloudBulkSenders(), "5.7.1", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by icloud (bulk senders, 2025-02) but it would be rejected: 554 5.7.1 [CS01] Message"
        + " rejected due to local policy.%n"
        + "  - [REJECTED] the sending IP has forward-confirmed reverse DNS: 203.0.113.25 has no PTR record"
        + " (25.113.0.203.in-addr.arpa: NXDOMAIN)%n"
        + "    (" + ICLOUD + ")%n"
        + "    Fix: publish PTR 25.113.0.203.in-addr.arpa -> mail.sample.co.jp (ask whoever owns 203.0.113.25:"
        + " the hosting provider or ISP), and A mail.sample.co.jp -> 203.0.113.25%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void icloud_rejects_mail_with_rfc_5322_problems(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.date = "";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.icloudBulkSenders(), "5.7.1", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by icloud (bulk senders, 2025-02) but it would be rejected: 554 5.7.1 [CS01] Message"
        + " rejected due to local policy.%n"
        + "  - [REJECTED] the message is formatted per RFC 5322: the header has 0 Date fields; RFC 5322"
        + " section 3.6 requires exactly one%n"
        + "    (" + ICLOUD + ")%n"
        + "    Fix: add a Date field%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void icloud_puts_a_dmarc_failure_under_p_quarantine_in_the_spam_folder(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    zone.dmarc("brand.example", "v=DMARC1; p=quarantine");
    s.from = "From: Brand <news@brand.example>\r\n";
    CapturedMail mail = s.send();
    spamFolder(mail, ReceiverProfile.icloudBulkSenders(), String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to get the verdict INBOX under the profile \"icloud (bulk senders, 2025-02)\" but it gets"
        + " SPAM_FOLDER:%n"
        + "  - [SPAM_FOLDER] the From domain's DMARC policy p=quarantine is honoured: dmarc=fail (p=quarantine"
        + " dis=quarantine) header.from=brand.example: DMARC fails for brand.example: no authenticated domain"
        + " aligns with it (SPF domain sample.co.jp belongs to the organizational domain sample.co.jp, the"
        + " From domain to brand.example: not aligned; DKIM d=sample.co.jp (s=n1) belongs to the"
        + " organizational domain sample.co.jp, the From domain to brand.example: not aligned). Policy:"
        + " p=quarantine of _dmarc.brand.example (published for the From domain), so a receiver would put it"
        + " in the spam folder.%n"
        + "    (" + ICLOUD + ")%n"
        + "    Fix: align the From domain brand.example with a passing identity (what passes is SPF"
        + " sample.co.jp, DKIM d=sample.co.jp): send with an envelope sender in brand.example whose SPF record"
        + " lists the sending IP (Jakarta Mail mail.smtp.from), or sign with DKIM d=brand.example%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void au_rejects_a_bounce_whose_helo_name_spf_does_not_pass(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.envelopeSender = "";
    s.tls = false;
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.au(), "5.7.1", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <> to [user@example.com] \"News\"%n"
        + "to be accepted by au (KDDI, spoofing filter on) but it would be rejected: 550 5.7.1"
        + " <user@example.com>: mail refused by the recipient's spoofing filter%n"
        + "  - [REJECTED] SPF passes (for the null sender: SPF of the HELO name): Received-SPF: none"
        + " (mx.receiver.test: domain of postmaster@mail.sample.co.jp does not designate permitted sender"
        + " hosts) client-ip=203.0.113.25; envelope-from=\"postmaster@mail.sample.co.jp\";"
        + " helo=mail.sample.co.jp; receiver=mx.receiver.test; identity=mailfrom%n"
        + "    (" + AU + ")%n"
        + "    Fix: publish an SPF record: mail.sample.co.jp TXT \"v=spf1 ip4:203.0.113.25 -all\"%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void au_rejects_mail_without_message_id(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.messageId = "";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.au(), "5.7.1", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by au (KDDI, spoofing filter on) but it would be rejected: 550 5.7.1"
        + " <user@example.com>: mail refused by the recipient's spoofing filter%n"
        + "  - [REJECTED] the message has a Message-ID: there is no Message-ID (RFC 5322 section 3.6.4:"
        + " SHOULD); Gmail scores mail without one as suspicious%n"
        + "    (" + CARRIER_FORMAT + ")%n"
        + "    Fix: let the mail library add one, in your domain%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void au_rejects_mail_without_from(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.from = "";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.au(), "5.7.1", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by au (KDDI, spoofing filter on) but it would be rejected: 550 5.7.1"
        + " <user@example.com>: mail refused by the recipient's spoofing filter%n"
        + "  - [REJECTED] From names an address: the header has 0 From fields; RFC 5322 section 3.6 requires"
        + " exactly one%n"
        + "    (" + CARRIER_FORMAT + ")%n"
        + "    Fix: add a From field%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void docomo_rejects_mail_whose_spf_does_not_pass_as_for_an_unknown_user(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.envelopeSender = "bounces@other.example";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.docomo(), "550", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@other.example> to [user@example.com] \"News\"%n"
        + "to be accepted by docomo (spoofing filter on) but it would be rejected: 550 Unknown user"
        + " user@example.com%n"
        + "  - [REJECTED] SPF passes (for the null sender: SPF of the HELO name): Received-SPF: none"
        + " (mx.receiver.test: domain of bounces@other.example does not designate permitted sender hosts)"
        + " client-ip=203.0.113.25; envelope-from=\"bounces@other.example\"; helo=mail.sample.co.jp;"
        + " receiver=mx.receiver.test; identity=mailfrom%n"
        + "    (" + DOCOMO + ")%n"
        + "    Fix: publish an SPF record: other.example TXT \"v=spf1 ip4:203.0.113.25 -all\"%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void docomo_rejects_a_dmarc_failure_under_p_reject(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    zone.dmarc("brand.example", "v=DMARC1; p=reject");
    s.from = "From: Brand <news@brand.example>\r\n";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.docomo(), "550", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by docomo (spoofing filter on) but it would be rejected: 550 Unknown user"
        + " user@example.com%n"
        + "  - [REJECTED] the From domain's DMARC policy p=reject is honoured: dmarc=fail (p=reject"
        + " dis=reject) header.from=brand.example: DMARC fails for brand.example: no authenticated domain"
        + " aligns with it (SPF domain sample.co.jp belongs to the organizational domain sample.co.jp, the"
        + " From domain to brand.example: not aligned; DKIM d=sample.co.jp (s=n1) belongs to the"
        + " organizational domain sample.co.jp, the From domain to brand.example: not aligned). Policy:"
        + " p=reject of _dmarc.brand.example (published for the From domain), so a receiver would reject it.%n"
        + "    (" + DOCOMO + ")%n"
        + "    Fix: align the From domain brand.example with a passing identity (what passes is SPF"
        + " sample.co.jp, DKIM d=sample.co.jp): send with an envelope sender in brand.example whose SPF record"
        + " lists the sending IP (Jakarta Mail mail.smtp.from), or sign with DKIM d=brand.example%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void docomo_puts_a_dmarc_failure_under_p_quarantine_in_the_spam_folder(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    zone.dmarc("brand.example", "v=DMARC1; p=quarantine");
    s.from = "From: Brand <news@brand.example>\r\n";
    CapturedMail mail = s.send();
    spamFolder(mail, ReceiverProfile.docomo(), String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to get the verdict INBOX under the profile \"docomo (spoofing filter on)\" but it gets"
        + " SPAM_FOLDER:%n"
        + "  - [SPAM_FOLDER] the From domain's DMARC policy p=quarantine is honoured: dmarc=fail (p=quarantine"
        + " dis=quarantine) header.from=brand.example: DMARC fails for brand.example: no authenticated domain"
        + " aligns with it (SPF domain sample.co.jp belongs to the organizational domain sample.co.jp, the"
        + " From domain to brand.example: not aligned; DKIM d=sample.co.jp (s=n1) belongs to the"
        + " organizational domain sample.co.jp, the From domain to brand.example: not aligned). Policy:"
        + " p=quarantine of _dmarc.brand.example (published for the From domain), so a receiver would put it"
        + " in the spam folder.%n"
        + "    (" + DOCOMO + ")%n"
        + "    Fix: align the From domain brand.example with a passing identity (what passes is SPF"
        + " sample.co.jp, DKIM d=sample.co.jp): send with an envelope sender in brand.example whose SPF record"
        + " lists the sending IP (Jakarta Mail mail.smtp.from), or sign with DKIM d=brand.example%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void docomo_rejects_mail_without_message_id(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.messageId = "";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.docomo(), "550", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by docomo (spoofing filter on) but it would be rejected: 550 Unknown user"
        + " user@example.com%n"
        + "  - [REJECTED] the message has a Message-ID: there is no Message-ID (RFC 5322 section 3.6.4:"
        + " SHOULD); Gmail scores mail without one as suspicious%n"
        + "    (" + CARRIER_FORMAT + ")%n"
        + "    Fix: let the mail library add one, in your domain%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void docomo_rejects_mail_without_from(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.from = "";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.docomo(), "550", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by docomo (spoofing filter on) but it would be rejected: 550 Unknown user"
        + " user@example.com%n"
        + "  - [REJECTED] From names an address: the header has 0 From fields; RFC 5322 section 3.6 requires"
        + " exactly one%n"
        + "    (" + CARRIER_FORMAT + ")%n"
        + "    Fix: add a From field%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void softbank_rejects_mail_whose_spf_does_not_pass(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.envelopeSender = "bounces@other.example";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.softbank(), "5.7.1", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@other.example> to [user@example.com] \"News\"%n"
        + "to be accepted by SoftBank (spoofing filter on) but it would be rejected: 550 5.7.1"
        + " <user@example.com>: mail refused by the recipient's spoofing filter%n"
        + "  - [REJECTED] SPF passes (for the null sender: SPF of the HELO name): Received-SPF: none"
        + " (mx.receiver.test: domain of bounces@other.example does not designate permitted sender hosts)"
        + " client-ip=203.0.113.25; envelope-from=\"bounces@other.example\"; helo=mail.sample.co.jp;"
        + " receiver=mx.receiver.test; identity=mailfrom%n"
        + "    (" + SOFTBANK + ")%n"
        + "    Fix: publish an SPF record: other.example TXT \"v=spf1 ip4:203.0.113.25 -all\"%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void softbank_rejects_a_dmarc_failure_under_p_reject(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    zone.dmarc("brand.example", "v=DMARC1; p=reject");
    s.from = "From: Brand <news@brand.example>\r\n";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.softbank(), "5.7.1", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by SoftBank (spoofing filter on) but it would be rejected: 550 5.7.1"
        + " <user@example.com>: mail refused by the recipient's spoofing filter%n"
        + "  - [REJECTED] the From domain's DMARC policy p=reject is honoured: dmarc=fail (p=reject"
        + " dis=reject) header.from=brand.example: DMARC fails for brand.example: no authenticated domain"
        + " aligns with it (SPF domain sample.co.jp belongs to the organizational domain sample.co.jp, the"
        + " From domain to brand.example: not aligned; DKIM d=sample.co.jp (s=n1) belongs to the"
        + " organizational domain sample.co.jp, the From domain to brand.example: not aligned). Policy:"
        + " p=reject of _dmarc.brand.example (published for the From domain), so a receiver would reject it.%n"
        + "    (" + SOFTBANK + ")%n"
        + "    Fix: align the From domain brand.example with a passing identity (what passes is SPF"
        + " sample.co.jp, DKIM d=sample.co.jp): send with an envelope sender in brand.example whose SPF record"
        + " lists the sending IP (Jakarta Mail mail.smtp.from), or sign with DKIM d=brand.example%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void softbank_puts_a_dmarc_failure_under_p_quarantine_in_the_spam_folder(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    zone.dmarc("brand.example", "v=DMARC1; p=quarantine");
    s.from = "From: Brand <news@brand.example>\r\n";
    CapturedMail mail = s.send();
    spamFolder(mail, ReceiverProfile.softbank(), String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to get the verdict INBOX under the profile \"SoftBank (spoofing filter on)\" but it gets"
        + " SPAM_FOLDER:%n"
        + "  - [SPAM_FOLDER] the From domain's DMARC policy p=quarantine is honoured: dmarc=fail (p=quarantine"
        + " dis=quarantine) header.from=brand.example: DMARC fails for brand.example: no authenticated domain"
        + " aligns with it (SPF domain sample.co.jp belongs to the organizational domain sample.co.jp, the"
        + " From domain to brand.example: not aligned; DKIM d=sample.co.jp (s=n1) belongs to the"
        + " organizational domain sample.co.jp, the From domain to brand.example: not aligned). Policy:"
        + " p=quarantine of _dmarc.brand.example (published for the From domain), so a receiver would put it"
        + " in the spam folder.%n"
        + "    (" + SOFTBANK + ")%n"
        + "    Fix: align the From domain brand.example with a passing identity (what passes is SPF"
        + " sample.co.jp, DKIM d=sample.co.jp): send with an envelope sender in brand.example whose SPF record"
        + " lists the sending IP (Jakarta Mail mail.smtp.from), or sign with DKIM d=brand.example%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void softbank_rejects_mail_without_message_id(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.messageId = "";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.softbank(), "5.7.1", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by SoftBank (spoofing filter on) but it would be rejected: 550 5.7.1"
        + " <user@example.com>: mail refused by the recipient's spoofing filter%n"
        + "  - [REJECTED] the message has a Message-ID: there is no Message-ID (RFC 5322 section 3.6.4:"
        + " SHOULD); Gmail scores mail without one as suspicious%n"
        + "    (" + CARRIER_FORMAT + ")%n"
        + "    Fix: let the mail library add one, in your domain%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }

  @Test
  void softbank_rejects_mail_without_from(
      SmtpEndpoint smtp, DnsZone zone, CapturedMails mails) throws Exception {
    Sending s = new Sending(smtp, zone, mails);
    s.from = "";
    CapturedMail mail = s.send();
    refused(mail, ReceiverProfile.softbank(), "5.7.1", String.format("%n"
        + "Expecting%n"
        + "  mail #1 from <bounces@sample.co.jp> to [user@example.com] \"News\"%n"
        + "to be accepted by SoftBank (spoofing filter on) but it would be rejected: 550 5.7.1"
        + " <user@example.com>: mail refused by the recipient's spoofing filter%n"
        + "  - [REJECTED] From names an address: the header has 0 From fields; RFC 5322 section 3.6 requires"
        + " exactly one%n"
        + "    (" + CARRIER_FORMAT + ")%n"
        + "    Fix: add a From field%n"
        + "The profile applies published rules; it is not the provider's own filter."));
  }
}
