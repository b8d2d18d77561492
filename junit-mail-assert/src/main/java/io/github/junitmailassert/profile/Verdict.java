package io.github.junitmailassert.profile;

import org.apiguardian.api.API;

/** Where a receiver profile puts a mail, from best to worst. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum Verdict {
  /** Delivered to the inbox. */
  INBOX,
  /** Accepted, but into the spam folder. */
  SPAM_FOLDER,
  /** Refused during the SMTP transaction. */
  REJECTED;

  /**
   * {@return the worse of the two}
   *
   * @param other the other verdict
   */
  public Verdict worst(Verdict other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
