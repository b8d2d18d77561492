package io.github.junitmailassert.authresults;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one authentication method in an Authentication-Results field (RFC 8601 section 2.2
 * {@code resinfo}), such as {@code dkim=pass header.d=sample.co.jp header.s=s1}.
 *
 * @param method the method, with its version if one was written ({@code spf}, {@code dkim}, {@code dmarc/1})
 * @param result the result keyword ({@code pass}, {@code fail}, {@code none}, ...)
 * @param comment the comment right after the result, without parentheses; empty when none
 * @param reason the {@code reason=} text, empty when none
 * @param properties the properties, in order
 */
public record MethodResult(String method, String result, String comment, String reason, List<ResultProperty> properties) {

  public MethodResult {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(reason, "reason");
    properties = List.copyOf(properties);
  }

  /**
   * Reads one result as written in the field, e.g. {@code spf=pass smtp.mailfrom=sample.co.jp};
   * empty when the text is not one.
   */
  public static Optional<MethodResult> parse(String text) {
    return AuthResParser.resinfo(text == null ? "" : text);
  }

  /** The value of the first property with that name ({@code header.from}), ignoring case. */
  public Optional<String> property(String name) {
    for (ResultProperty p : properties) {
      if (p.name().equalsIgnoreCase(name)) {
        return Optional.of(p.value());
      }
    }
    return Optional.empty();
  }

  /** Whether this is the result of {@code name}, with or without a version. */
  public boolean isMethod(String name) {
    int slash = method.indexOf('/');
    return (slash < 0 ? method : method.substring(0, slash).trim()).equalsIgnoreCase(name);
  }

  /** The result as written in the field. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(method).append('=').append(result);
    if (!comment.isEmpty()) {
      b.append(" (").append(comment.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")).append(')');
    }
    if (!reason.isEmpty()) {
      b.append(" reason=").append(quoted(reason));
    }
    for (ResultProperty p : properties) {
      b.append(' ').append(p);
    }
    return b.toString();
  }

  /** A value as RFC 8601 writes it: bare when it is one token (or address), else a quoted string. */
  /**
   * A property value as RFC 8601 section 2.2 allows it bare: a MIME token (RFC 2045), or
   * {@code [local-part] "@" domain-name}; anything else (a DKIM {@code b=} prefix with "/" or "=",
   * say) is quoted.
   */
  static String valueText(String value) {
    if (isToken(value) || MAILBOX.matcher(value).matches()) {
      return value;
    }
    return quoted(value);
  }

  private static final java.util.regex.Pattern MAILBOX =
      java.util.regex.Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,64}(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,64}){0,32}"
          + "@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?|@?[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?");

  private static boolean isToken(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?=".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
