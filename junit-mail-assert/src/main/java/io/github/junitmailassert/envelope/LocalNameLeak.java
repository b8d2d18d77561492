package io.github.junitmailassert.envelope;

import org.apiguardian.api.API;

/**
 * A host name or address of the sender's own machine that a receiver can see in the mail, such as
 * {@code localhost.localdomain} in {@code MAIL FROM}. Receivers treat these as the mark of a
 * misconfigured server: SPF cannot pass for them, and strict receivers reject the mail.
 *
 * @param place where the name was found
 * @param value the whole value it was found in, as sent
 * @param localName the offending name or address
 * @param why why it counts as local, such as "a dotless host name"
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record LocalNameLeak(Place place, String value, String localName, String why) {

  /** Where in the SMTP transaction or the header a leak was found. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public enum Place {
    /** The envelope sender, {@code MAIL FROM}. */
    MAIL_FROM("MAIL FROM"),
    /** The HELO or EHLO name. */
    HELO("HELO/EHLO"),
    /** The Return-Path header field. */
    RETURN_PATH("Return-Path"),
    /** The From header field. */
    FROM("From"),
    /** The Sender header field. */
    SENDER("Sender"),
    /** The Reply-To header field. */
    REPLY_TO("Reply-To"),
    /** The Message-ID header field. */
    MESSAGE_ID("Message-ID"),
    /** A Received header field. */
    RECEIVED("Received");

    private final String label;

    Place(String label) {
      this.label = label;
    }

    /** {@return the name as it appears in SMTP or in the header} */
    public String label() {
      return label;
    }
  }

  /** {@return one line for reports: {@code MAIL FROM <root@localhost.localdomain>: localhost.localdomain is ...}} */
  public String describe() {
    return place.label() + " " + value + ": " + localName + " is " + why;
  }
}
