package io.github.junitmailassert.mail;

import org.apiguardian.api.API;

/** A point in an SMTP session where a receiver answers, and where {@link SmtpFaults} can make it refuse, wait or hang up. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum SmtpStage {
  /** The greeting, before the client says anything ({@code 220}, or {@code 421}/{@code 554} from a refusing receiver). */
  CONNECT,
  /** The reply to {@code EHLO} or {@code HELO}. */
  EHLO,
  /** The reply to {@code MAIL FROM}. */
  MAIL,
  /** The reply to each {@code RCPT TO}. */
  RCPT,
  /** The reply to {@code DATA} ({@code 354} when accepted). */
  DATA,
  /** The reply after the message's final dot: the receiver's verdict on the message itself. */
  END_OF_DATA
}
