package io.github.junitmailassert.testing;

import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.receiver.Receiver;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The seed's story as the receiver sees it: sendmail on a host named localhost.localdomain with PHP
 * sending without -f and no SPF record, and the same shop fixed (masquerading, confDOMAIN_NAME, -f,
 * SPF, matching PTR and A records). Client IP 203.0.113.25 in both.
 */
public final class SeedStory {

  public static final String CLIENT_IP = "203.0.113.25";
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private SeedStory() {}

  /** The misconfigured shop's zone: the From domain has an MX and an A record, but no SPF and no PTR. */
  public static DnsZone misconfiguredZone() {
    return DnsZone.create().mx("sample.co.jp", 10, "mx.sample.co.jp").a("mx.sample.co.jp", "198.51.100.10")
        .a("sample.co.jp", "198.51.100.10");
  }

  /** The fixed shop's zone: SPF for the client IP, and its PTR and A records agree. */
  public static DnsZone fixedZone() {
    return misconfiguredZone().spf("sample.co.jp", "v=spf1 ip4:" + CLIENT_IP + " -all")
        .sendingHost("mail.sample.co.jp", CLIENT_IP);
  }

  /** What PHP's mb_send_mail without -f sends through sendmail on localhost.localdomain. */
  public static CapturedMail misconfigured(DnsZone zone) {
    return misconfigured(zone, now());
  }

  /** {@link #misconfigured(DnsZone)} sent at {@code at}: the same bytes for the same instant. */
  public static CapturedMail misconfigured(DnsZone zone, Instant at) {
    return mail(at, Received.view(zone, CLIENT_IP), "localhost.localdomain", "apache@localhost.localdomain");
  }

  /** The same mail with sendmail masquerading as sample.co.jp, confDOMAIN_NAME and PHP's -f. */
  public static CapturedMail fixed(DnsZone zone) {
    return fixed(zone, now());
  }

  /** {@link #fixed(DnsZone)} sent at {@code at}: the same bytes for the same instant. */
  public static CapturedMail fixed(DnsZone zone, Instant at) {
    return mail(at, Received.view(zone, CLIENT_IP), "mail.sample.co.jp", "no-reply@sample.co.jp");
  }

  /** {@link #misconfigured(DnsZone, Instant)} seen through {@code view}: mails of one view share its resolver. */
  public static CapturedMail misconfigured(Receiver view, Instant at) {
    return mail(at, view, "localhost.localdomain", "apache@localhost.localdomain");
  }

  /** {@link #fixed(DnsZone, Instant)} seen through {@code view}: mails of one view share its resolver. */
  public static CapturedMail fixed(Receiver view, Instant at) {
    return mail(at, view, "mail.sample.co.jp", "no-reply@sample.co.jp");
  }

  /** Now, to the second: filters compare the Date field with their own clock (rspamd's DATE_IN_PAST). */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  /** The shop's order mail as sendmail on host {@code helo} hands it on, sent at {@code at}. */
  private static CapturedMail mail(Instant at, Receiver view, String helo, String envelopeSender) {
    String message = "Received: (from apache@localhost)\r\n"
        + "\tby " + helo + " (8.17.1.9/8.17.1.9/Submit) id 4ARA05i3000001;\r\n"
        + "\t" + DATE.format(at) + "\r\n"
        + "Date: " + DATE.format(at) + "\r\n"
        + "Message-Id: <202611271000.4ARA05i3000001@" + helo + ">\r\n"
        + "To: user@example.com\r\n"
        + "Subject: Your order\r\n"
        + "From: shop@sample.co.jp\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=US-ASCII\r\n"
        + "Content-Transfer-Encoding: 7bit\r\n"
        + "\r\n"
        + "Thank you for your order.\r\n";
    return CapturedMail.builder().sequence(1).helo("EHLO", helo).envelopeSender(envelopeSender)
        .recipient("user@example.com").receivedAt(at).rawMessage(message).receiver(view).build();
  }
}
