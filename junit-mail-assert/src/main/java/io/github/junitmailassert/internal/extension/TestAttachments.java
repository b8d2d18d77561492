package io.github.junitmailassert.internal.extension;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.SmtpTranscript;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Attaches a test's mails and its report to the test with JUnit's file publishing (JUnit 5.12 and
 * later), so that IDEs and CI servers that show a test's files show them: each mail's raw bytes as
 * {@code mail-<n>.eml} and the printed reports as {@code mail-report.txt}, each followed by the
 * mail's SMTP transcript. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class TestAttachments {

  /** The media type of a whole mail (RFC 5322 message), as {@code .eml} files are opened. */
  private static final MediaType MESSAGE = MediaType.parse("message/rfc822");

  private TestAttachments() {}

  /** Publishes {@code mails} (raw bytes) and their printed {@code reports} to the running test. */
  public static void publish(ExtensionContext context, List<CapturedMail> mails, List<String> reports) {
    for (int i = 0; i < mails.size(); i++) {
      byte[] raw = mails.get(i).rawMessage();
      context.publishFile("mail-" + (i + 1) + ".eml", MESSAGE, path -> Files.write(path, raw));
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < mails.size(); i++) {
      text.append(i == 0 ? "" : String.format("%n%n")).append(reports.get(i));
      SmtpTranscript transcript = mails.get(i).transcript();
      if (!transcript.isEmpty()) {
        text.append(String.format("%n  SMTP transcript%n"))
            .append(transcript.toString().indent(4).stripTrailing());
      }
    }
    text.append(String.format("%n"));
    context.publishFile("mail-report.txt", MediaType.TEXT_PLAIN_UTF_8,
        path -> Files.writeString(path, mails.isEmpty() ? String.format("no mail captured%n") : text.toString(),
            StandardCharsets.UTF_8));
  }
}
