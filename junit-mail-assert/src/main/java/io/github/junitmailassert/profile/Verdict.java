package io.github.junitmailassert.profile;

import java.util.Locale;
import org.apiguardian.api.API;

/** Where a receiver profile puts a mail, from best to worst. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum Verdict {
  /** Accepted into the inbox. */
  INBOX,
  /** Accepted into the spam (junk) folder. */
  SPAM_FOLDER,
  /** Refused for now with a 4xx reply: the sending MTA retries and, if the cause stays, bounces the mail. */
  DEFERRED,
  /** Refused with a 5xx reply: the sender gets a bounce. */
  REJECTED;

  /**
   * {@return the worse of the two}
   *
   * @param other the other verdict
   */
  public Verdict worst(Verdict other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  /** {@return whether the receiver takes the mail (into the inbox or the spam folder)} */
  public boolean isAccepted() {
    return this == INBOX || this == SPAM_FOLDER;
  }

  /**
   * {@return what happens to the mail, as failure messages say it: {@code reach the inbox},
   * {@code be rejected}, ...}
   */
  public String phrase() {
    return switch (this) {
      case INBOX -> "reach the inbox";
      case SPAM_FOLDER -> "go to the spam folder";
      default -> "be " + name().toLowerCase(Locale.ROOT);
    };
  }
}
