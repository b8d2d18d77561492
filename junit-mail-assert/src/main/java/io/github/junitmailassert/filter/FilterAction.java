package io.github.junitmailassert.filter;

import java.util.Locale;
import java.util.Optional;

/**
 * What a filter tells the receiving MTA to do with a mail, in rspamd's words. SpamAssassin knows
 * only spam or not: its spam is {@link #ADD_HEADER} (spamd marks it with {@code X-Spam-Flag}),
 * anything else {@link #NO_ACTION}.
 */
public enum FilterAction {
  /** Deliver as it is. */
  NO_ACTION,
  /** Defer with a temporary failure, to be tried again later. */
  GREYLIST,
  /** Deliver, marked as spam in a header: receivers file it in the spam folder. */
  ADD_HEADER,
  /** Deliver, marked as spam in the subject. */
  REWRITE_SUBJECT,
  /** Refuse for now with a temporary failure (4xx). */
  SOFT_REJECT,
  /** Refuse (5xx). */
  REJECT;

  /** The action as rspamd writes it, such as {@code "add header"}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** Whether the mail misses the inbox: marked, deferred or refused. */
  public boolean missesInbox() {
    return this != NO_ACTION;
  }

  /** The action rspamd names {@code label} (such as {@code "no action"}), if it is one of these. */
  public static Optional<FilterAction> fromLabel(String label) {
    for (FilterAction action : values()) {
      if (action.label().equalsIgnoreCase(label.strip())) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }
}
