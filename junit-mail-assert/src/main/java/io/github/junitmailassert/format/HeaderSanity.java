package io.github.junitmailassert.format;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.Finding.Severity;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.internal.mail.HeaderField;
import io.github.junitmailassert.internal.mail.Octets;
import io.github.junitmailassert.internal.mail.ParsedMessages;
import io.github.junitmailassert.internal.mail.RawMessage;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * RFC 5322 format as receivers check it (Gmail's sender guidelines ask for it): the fields a
 * message must have once, the ones it may have at most once, a Message-ID, a Date receivers can
 * read, lines within 998 characters, CRLF line ends, and 8-bit header text only with SMTPUTF8.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class HeaderSanity {

  private static final List<String> EXACTLY_ONCE = List.of("From", "Date");
  private static final List<String> AT_MOST_ONCE =
      List.of("Sender", "Reply-To", "To", "Cc", "Bcc", "Message-ID", "In-Reply-To", "References", "Subject");
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>@\\s]+@[^<>@\\s]+>");
  private static final int MAX_LINE = 998;

  private HeaderSanity() {}

  private static Finding finding(Severity severity, String text, String fix) {
    return new Finding(MailCheck.FORMAT, severity, text, fix, "RFC 5322; Gmail sender guidelines (RFC 5322 format)");
  }

  /**
   * {@return every format problem of the mail; empty when its header is in order}
   *
   * @param mail the captured mail
   */
  public static List<Finding> check(CapturedMail mail) {
    RawMessage message = ParsedMessages.of(mail);
    List<Finding> findings = new ArrayList<>();
    for (String name : EXACTLY_ONCE) {
      int n = message.headers(name).size();
      if (n != 1) {
        findings.add(finding(Severity.ERROR, "the header has " + n + " " + name + " fields; RFC 5322 section 3.6"
            + " requires exactly one", n == 0 ? "add a " + name + " field" : "remove all but one " + name + " field"));
      }
    }
    for (String name : AT_MOST_ONCE) {
      int n = message.headers(name).size();
      if (n > 1) {
        findings.add(finding(Severity.ERROR, "the header has " + n + " " + name + " fields; RFC 5322 section 3.6"
            + " allows one", "remove all but one " + name + " field"));
      }
    }
    List<HeaderField> ids = message.headers("Message-ID");
    if (ids.isEmpty()) {
      findings.add(finding(Severity.WARNING, "there is no Message-ID (RFC 5322 section 3.6.4: SHOULD); Gmail"
          + " scores mail without one as suspicious", "let the mail library add one, in your domain"));
    } else if (!MESSAGE_ID.matcher(ids.get(0).value()).matches()) {
      findings.add(finding(Severity.WARNING, "the Message-ID " + ids.get(0).value() + " is not <left@right>",
          "write it as <unique-part@your-domain>"));
    }
    for (HeaderField date : message.headers("Date")) {
      try {
        DateTimeFormatter.RFC_1123_DATE_TIME.parse(withoutTrailingComment(date.value()));
      } catch (DateTimeParseException e) {
        findings.add(finding(Severity.WARNING, "the Date " + date.value() + " is not an RFC 5322 date",
            "write it as \"Fri, 27 Nov 2026 10:00:00 +0900\""));
      }
    }
    lineFindings(mail, message, findings);
    return findings;
  }

  /** "Fri, 27 Nov 2026 10:00:00 +0000 (UTC)" without its comment; by hand, so no input makes it slow. */
  private static String withoutTrailingComment(String value) {
    String v = value.strip();
    int open = v.lastIndexOf('(');
    return v.endsWith(")") && open > 0 ? v.substring(0, open).strip() : v;
  }

  private static void lineFindings(CapturedMail mail, RawMessage message, List<Finding> findings) {
    byte[] bytes = message.bytes();
    int lineStart = 0;
    boolean longLine = false;
    boolean bareLf = false;
    for (int lf = Octets.indexOfLf(bytes, 0, bytes.length); lf < bytes.length;
        lf = Octets.indexOfLf(bytes, lineStart, bytes.length)) {
      boolean crlf = lf > 0 && bytes[lf - 1] == '\r';
      longLine |= lf - lineStart - (crlf ? 1 : 0) > MAX_LINE;
      bareLf |= !crlf;
      lineStart = lf + 1;
    }
    boolean eightBitHeader = Octets.hasEightBitOctet(bytes, 0, message.bodyOffset());
    longLine |= bytes.length - lineStart > MAX_LINE;
    if (longLine) {
      findings.add(finding(Severity.ERROR, "a line is longer than 998 characters (RFC 5322 section 2.1.1);"
          + " receivers may reject or rewrap it, breaking DKIM", "encode the body as quoted-printable or base64"));
    }
    if (bareLf) {
      findings.add(finding(Severity.ERROR, "lines end in a bare LF, not CRLF (RFC 5322 section 2.1, RFC 5321"
          + " section 2.3.8); since the SMTP smuggling reports of December 2023 receivers refuse or rewrite such mail:"
          + " Postfix with smtpd_forbid_bare_newline (normalize by default from 3.9), sendmail 8.18 drops the session"
          + " with 421", "send CRLF line ends; most mail libraries do when given the message as a MIME object"));
    }
    if (eightBitHeader && !mail.usesSmtpUtf8()) {
      findings.add(finding(Severity.ERROR, "the header has 8-bit text but MAIL FROM did not declare SMTPUTF8"
          + " (RFC 6532)", "encode non-ASCII header text as RFC 2047 encoded words, e.g. =?UTF-8?B?...?="));
    }
  }
}
