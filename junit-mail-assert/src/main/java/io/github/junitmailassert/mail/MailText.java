package io.github.junitmailassert.mail;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;

/** Small text helpers for reports. */
final class MailText {

  private MailText() {}

  /** Decodes RFC 2047 encoded words; leaves the text as it is when it cannot. */
  static String decodeEncodedWords(String text) {
    try {
      return MimeUtility.decodeText(MimeUtility.unfold(text));
    } catch (UnsupportedEncodingException | RuntimeException e) {
      return text;
    }
  }
}
