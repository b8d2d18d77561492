package io.github.junitmailassert.mail;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One SMTP reply line as a receiver sends it: a code (RFC 5321 section 4.2) and text, which for
 * real receivers starts with an enhanced status code (RFC 3463) such as {@code 5.1.1}. The
 * constants are the replies senders meet most, worded as big receivers word them; build another
 * with {@link #of(int, String)} or change one with {@link #withText(String)}.
 *
 * @param code the reply code, 200 to 599
 * @param text the text after the code, one line
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record SmtpReply(int code, String text) {

  /** No such mailbox: the permanent refusal of an unknown recipient. */
  public static final SmtpReply NO_SUCH_USER =
      new SmtpReply(550, "5.1.1 The email account that you tried to reach does not exist");
  /** The recipient's mailbox is full: a temporary refusal, the sender should retry later. */
  public static final SmtpReply MAILBOX_FULL =
      new SmtpReply(452, "4.2.2 The recipient's mailbox is out of storage space, try again later");
  /** A receiver that is busy or rate-limits the sender; it closes the connection after this reply. */
  public static final SmtpReply TRY_AGAIN_LATER = new SmtpReply(421, "4.7.0 Try again later, closing connection");
  /** Greylisting: the first attempt of a sender, recipient and client is refused for now. */
  public static final SmtpReply GREYLISTED = new SmtpReply(451, "4.7.1 Greylisted, please try again later");
  /** A mail that passed neither SPF nor DKIM, refused as large mailbox providers refuse it since 2024. */
  public static final SmtpReply UNAUTHENTICATED_SENDER = new SmtpReply(550,
      "5.7.26 This mail is unauthenticated, which poses a security risk to the sender and recipients:"
          + " authenticate it with SPF or DKIM");
  /** A receiver that requires TLS, to a client that sends {@code MAIL} in the clear. */
  public static final SmtpReply MUST_ISSUE_STARTTLS = new SmtpReply(530, "5.7.0 Must issue a STARTTLS command first");

  /**
   * Checks the code and that the text is one line.
   *
   * @param code the reply code, 200 to 599
   * @param text the text after the code, one line
   */
  public SmtpReply {
    if (code < 200 || code > 599) {
      throw new IllegalArgumentException("an SMTP reply code is 200 to 599, not " + code);
    }
    Objects.requireNonNull(text, "text");
    if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("an SMTP reply's text is one line, without CR or LF: \"" + text.strip() + "\"");
    }
  }

  /**
   * A reply such as {@code SmtpReply.of(550, "5.7.1 Relaying denied")}.
   *
   * @param code the reply code, 200 to 599
   * @param text the text after the code, one line
   * @return the reply
   */
  public static SmtpReply of(int code, String text) {
    return new SmtpReply(code, text);
  }

  /**
   * The same code with other text.
   *
   * @param text the new text, one line
   * @return a reply with this code and that text
   */
  public SmtpReply withText(String text) {
    return new SmtpReply(code, text);
  }

  /** {@return whether the code is 4xx: the sender should try again later} */
  public boolean isTransient() {
    return code >= 400 && code < 500;
  }

  /** {@return whether the code is 5xx: the sender should not try again} */
  public boolean isPermanent() {
    return code >= 500;
  }

  /** The reply line as sent, such as {@code 550 5.1.1 The email account ...}. */
  @Override
  public String toString() {
    return code + " " + text;
  }
}
