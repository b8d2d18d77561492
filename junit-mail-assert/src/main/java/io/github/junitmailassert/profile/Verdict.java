package io.github.junitmailassert.profile;

import java.util.Locale;

/** Where a receiver profile puts a mail, from best to worst. */
public enum Verdict {
  /** Accepted into the inbox. */
  INBOX,
  /** Accepted into the spam (junk) folder. */
  SPAM_FOLDER,
  /** Refused for now with a 4xx reply: the sending MTA retries and, if the cause stays, bounces the mail. */
  DEFERRED,
  /** Refused with a 5xx reply: the sender gets a bounce. */
  REJECTED;

  /** The worse of the two. */
  public Verdict worst(Verdict other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  /** Whether the receiver takes the mail (into the inbox or the spam folder). */
  public boolean isAccepted() {
    return this == INBOX || this == SPAM_FOLDER;
  }

  /** What happens to the mail, as failure messages say it: {@code reach the inbox}, {@code be rejected}, ... */
  public String phrase() {
    return switch (this) {
      case INBOX -> "reach the inbox";
      case SPAM_FOLDER -> "go to the spam folder";
      default -> "be " + name().toLowerCase(Locale.ROOT);
    };
  }
}
