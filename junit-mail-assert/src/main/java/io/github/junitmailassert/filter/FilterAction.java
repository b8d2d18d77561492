package io.github.junitmailassert.filter;

import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a filter tells the receiving MTA to do with a mail, in rspamd's words. SpamAssassin knows
 * only spam or not: its spam is {@link #ADD_HEADER} (spamd marks it with {@code X-Spam-Flag}),
 * anything else {@link #NO_ACTION}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
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

  /** {@return the action as rspamd writes it, such as {@code "add header"}} */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** {@return whether the mail misses the inbox: marked, deferred or refused} */
  public boolean missesInbox() {
    return this != NO_ACTION;
  }

  /**
   * The action rspamd names {@code label}, if it is one of these.
   *
   * @param label the action as rspamd writes it, such as {@code "no action"}; case and surrounding
   *     spaces do not matter
   * @return the action, or empty when rspamd names none of these so
   */
  public static Optional<FilterAction> fromLabel(String label) {
    for (FilterAction action : values()) {
      if (action.label().equalsIgnoreCase(label.strip())) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }
}
