package io.github.junitmailassert.mail;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One mailbox of an address header field (From, To, Cc, Reply-To, ...), as a mail client shows it:
 * the display name decoded (RFC 2047), the address as written, non-ASCII included (RFC 6532).
 *
 * @param address the address, such as {@code no-reply@sample.co.jp}
 * @param displayName the decoded display name, such as {@code サンプル商店}; "" when there is none
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record MailAddress(String address, String displayName) {

  /**
   * Checks that neither part is null.
   *
   * @param address the address, such as {@code no-reply@sample.co.jp}
   * @param displayName the decoded display name; "" when there is none
   */
  public MailAddress {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(displayName, "displayName");
  }

  /** {@return whether the mailbox has a display name} */
  public boolean hasDisplayName() {
    return !displayName.isEmpty();
  }

  /** {@code "サンプル商店" <shop@sample.co.jp>}, or the bare address when there is no display name. */
  @Override
  public String toString() {
    return displayName.isEmpty() ? address : "\"" + displayName + "\" <" + address + ">";
  }
}
