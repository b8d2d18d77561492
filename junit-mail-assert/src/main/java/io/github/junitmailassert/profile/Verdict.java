package io.github.junitmailassert.profile;

/** Where a receiver profile puts a mail, from best to worst. */
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
