package io.github.junitmailassert.internal.mail;

import org.apiguardian.api.API;

/** Text from the wire as failure messages, reports and transcripts show it. Internal. */
@API(status = API.Status.INTERNAL)
public final class ShownText {

  private ShownText() {}

  /**
   * Control characters (a forged line end, a terminal escape) as {@code ?}, and at most {@code max}
   * characters, the rest noted with the full length.
   */
  public static String of(String text, int max) {
    StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 24);
    for (int i = 0; i < text.length() && i < max; i++) {
      char c = text.charAt(i);
      sb.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? '?' : c);
    }
    if (text.length() > max) {
      sb.append("... (").append(text.length()).append(" characters)");
    }
    return sb.toString();
  }
}
