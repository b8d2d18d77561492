package io.github.junitmailassert.profile;

/** Where a receiver profile puts a mail, from best to worst. */
public enum Verdict {
  INBOX,
  SPAM_FOLDER,
  REJECTED;

  /** The worse of the two. */
  public Verdict worst(Verdict other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
