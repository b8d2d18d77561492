package io.github.junitmailassert.profile;

import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The SMTP reply a receiver sends when it refuses a mail: the reply code (RFC 5321 section 4.2),
 * the enhanced status code (RFC 3463; "" when the receiver sends none) and the text, written as
 * the receiver writes it, e.g. {@code 550 5.7.26 This email has been blocked because ...}.
 *
 * @param code the reply code, 4xx (deferred: the sender retries) or 5xx (rejected)
 * @param enhancedCode the enhanced status code, of the same class as {@code code}, or ""
 * @param text the reply text
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record SmtpReply(int code, String enhancedCode, String text) {

  private static final Pattern ENHANCED = Pattern.compile("[45]\\.\\d{1,3}\\.\\d{1,3}");

  /**
   * Checks that the code is 4xx or 5xx and the enhanced code, if any, of the same class.
   *
   * @param code see {@link #code()}
   * @param enhancedCode see {@link #enhancedCode()}
   * @param text see {@link #text()}
   * @throws IllegalArgumentException for another code, or an enhanced code that does not go with it
   */
  public SmtpReply {
    Objects.requireNonNull(enhancedCode, "enhancedCode");
    Objects.requireNonNull(text, "text");
    if (code < 400 || code > 599) {
      throw new IllegalArgumentException("a refusal's reply code is 4xx or 5xx, not " + code);
    }
    if (!enhancedCode.isEmpty()
        && (!ENHANCED.matcher(enhancedCode).matches() || enhancedCode.charAt(0) - '0' != code / 100)) {
      throw new IllegalArgumentException("the enhanced status code " + enhancedCode + " does not go with " + code);
    }
  }

  /**
   * {@return what a receiver sending this reply does with the mail: {@link Verdict#DEFERRED} for 4xx,
   * {@link Verdict#REJECTED} for 5xx}
   */
  public Verdict verdict() {
    return code / 100 == 4 ? Verdict.DEFERRED : Verdict.REJECTED;
  }

  /** The reply as the receiver writes it on one line: {@code 550 5.7.26 This email ...}. */
  @Override
  public String toString() {
    return code + (enhancedCode.isEmpty() ? "" : " " + enhancedCode) + " " + text;
  }
}
