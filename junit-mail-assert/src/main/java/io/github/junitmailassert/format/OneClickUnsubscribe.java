package io.github.junitmailassert.format;

import io.github.junitmailassert.mail.CapturedMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One-click unsubscribe as RFC 8058 section 3.1 asks for it, and as the Gmail and Yahoo bulk sender
 * requirements of 2024 demand: a {@code List-Unsubscribe} field with an https URI (RFC 2369
 * angle-bracketed, comma-separated URIs) and a {@code List-Unsubscribe-Post} field whose value is
 * exactly {@code List-Unsubscribe=One-Click}. The one judgement of it: the receiver profiles and
 * the assertions both read this. Whether DKIM signs both fields (RFC 8058 section 4) is not judged here.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class OneClickUnsubscribe {

  /** The value RFC 8058 requires of {@code List-Unsubscribe-Post}. */
  public static final String ONE_CLICK = "List-Unsubscribe=One-Click";

  /** What to add to the mail. */
  public static final String FIX = "add List-Unsubscribe: <https://...> and List-Unsubscribe-Post:"
      + " List-Unsubscribe=One-Click, and sign both with DKIM";

  private final String listUnsubscribe;
  private final String listUnsubscribePost;
  private final String httpsUri;
  private final List<String> problems;

  private OneClickUnsubscribe(String listUnsubscribe, String listUnsubscribePost, String httpsUri,
      List<String> problems) {
    this.listUnsubscribe = listUnsubscribe;
    this.listUnsubscribePost = listUnsubscribePost;
    this.httpsUri = httpsUri;
    this.problems = List.copyOf(problems);
  }

  /**
   * Reads the topmost {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} fields of the mail.
   *
   * @param mail the captured mail
   * @return whether the mail offers one-click unsubscribe, and if not, what is missing or wrong
   */
  public static OneClickUnsubscribe of(CapturedMail mail) {
    Objects.requireNonNull(mail, "mail");
    String link = mail.header("List-Unsubscribe").orElse(null);
    String post = mail.header("List-Unsubscribe-Post").orElse(null);
    String https = link == null ? null : httpsUri(link);
    List<String> problems = new ArrayList<>();
    if (link == null) {
      problems.add("there is no List-Unsubscribe header field");
    } else if (https == null) {
      problems.add("List-Unsubscribe has no https URI");
    }
    if (post == null) {
      problems.add("there is no List-Unsubscribe-Post header field");
    } else if (!post.equals(ONE_CLICK)) {
      problems.add("List-Unsubscribe-Post is not exactly " + ONE_CLICK);
    }
    return new OneClickUnsubscribe(link, post, https, problems);
  }

  /** The first {@code <https:...>} of an RFC 2369 field value, without the angle brackets; null when none. */
  private static String httpsUri(String value) {
    int from = 0;
    while (true) {
      int open = value.indexOf('<', from);
      int close = open < 0 ? -1 : value.indexOf('>', open + 1);
      if (close < 0) {
        return null;
      }
      String uri = value.substring(open + 1, close).strip();
      if (uri.toLowerCase(Locale.ROOT).startsWith("https://") && uri.length() > "https://".length()) {
        return uri;
      }
      from = close + 1;
    }
  }

  /** {@return whether the mail offers one-click unsubscribe} */
  public boolean isOffered() {
    return problems.isEmpty();
  }

  /**
   * {@return what is missing or wrong, each in a sentence, joined with "; "; empty when one-click
   * unsubscribe is offered}
   */
  public Optional<String> problem() {
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  /** {@return the unfolded value of the {@code List-Unsubscribe} field, if there is one} */
  public Optional<String> listUnsubscribe() {
    return Optional.ofNullable(listUnsubscribe);
  }

  /** {@return the unfolded value of the {@code List-Unsubscribe-Post} field, if there is one} */
  public Optional<String> listUnsubscribePost() {
    return Optional.ofNullable(listUnsubscribePost);
  }

  /** {@return the https URI that a receiver POSTs {@code List-Unsubscribe=One-Click} to, if there is one} */
  public Optional<String> httpsUri() {
    return Optional.ofNullable(httpsUri);
  }

  @Override
  public String toString() {
    return problem().map(p -> "no one-click unsubscribe: " + p).orElse("one-click unsubscribe at " + httpsUri);
  }
}
