package io.github.junitmailassert.internal.mail;

import io.github.junitmailassert.mail.CapturedMail;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The one parsed view of each captured mail, for the checks: {@link CapturedMail} parses its bytes
 * once and grants this class access to the result, so that no check copies or parses the message
 * again, while the public API hands out only copies. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class ParsedMessages {

  private static volatile Function<CapturedMail, RawMessage> access;
  private static volatile Function<CapturedMail, MimeContent> contentAccess;

  private ParsedMessages() {}

  /** Called once, by {@link CapturedMail}'s class initializer. */
  public static void grant(Function<CapturedMail, RawMessage> parsedView) {
    if (access != null) {
      throw new IllegalStateException("the parsed view of captured mails is granted once");
    }
    access = Objects.requireNonNull(parsedView, "parsedView");
  }

  /** Called once, by {@link CapturedMail}'s class initializer. */
  public static void grantContent(Function<CapturedMail, MimeContent> contentView) {
    if (contentAccess != null) {
      throw new IllegalStateException("the content view of captured mails is granted once");
    }
    contentAccess = Objects.requireNonNull(contentView, "contentView");
  }

  /** The mail's MIME content, read on first use and kept. */
  public static MimeContent contentOf(CapturedMail mail) {
    return contentAccess.apply(Objects.requireNonNull(mail, "mail"));
  }

  /** The mail's header fields, body offset and bytes, parsed when it was captured; never copied. */
  public static RawMessage of(CapturedMail mail) {
    // A CapturedMail instance exists, so its class initializer has granted access.
    return access.apply(Objects.requireNonNull(mail, "mail"));
  }
}
