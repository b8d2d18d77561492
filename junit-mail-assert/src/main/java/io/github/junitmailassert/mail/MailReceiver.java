package io.github.junitmailassert.mail;

import org.apiguardian.api.API;

/**
 * The receiver that captured a mail, as the mail itself knows it. Declared beside
 * {@link CapturedMail} so that the mail can name its receiver while the model stays below the
 * checks; {@code io.github.junitmailassert.receiver.Receiver} is the implementation.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface MailReceiver {

  /** {@return the receiver's host name, as written in the header fields it adds} */
  String receivingHost();
}
