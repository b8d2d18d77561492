package io.github.junitmailassert.authresults;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The result of one authentication method in an Authentication-Results field (RFC 8601 section 2.2
 * {@code resinfo}), such as {@code dkim=pass header.d=sample.co.jp header.s=s1}.
 *
 * <pre>{@code
 * MethodResult dmarc = MethodResult.of("dmarc", "pass")
 *     .withComment("p=reject dis=none")
 *     .withProperty("header", "from", "sample.co.jp");
 * dmarc.toString(); // dmarc=pass (p=reject dis=none) header.from=sample.co.jp
 * }</pre>
 *
 * @param method the method, with its version if one was written ({@code spf}, {@code dkim}, {@code dmarc/1})
 * @param result the result keyword ({@code pass}, {@code fail}, {@code none}, ...)
 * @param comment the comment right after the result, without parentheses; empty when none
 * @param reason the {@code reason=} text, empty when none
 * @param properties the properties, in order
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record MethodResult(String method, String result, String comment, String reason, List<ResultProperty> properties) {

  /**
   * A result as it is, every part given.
   *
   * <pre>{@code
   * new MethodResult("dkim", "fail", "", "body hash did not verify",
   *     List.of(new ResultProperty("header", "d", "sample.co.jp")));
   * // dkim=fail reason="body hash did not verify" header.d=sample.co.jp
   * }</pre>
   *
   * @param method the method name, such as {@code spf} or {@code dkim}
   * @param result the result, such as {@code pass} or {@code fail}
   * @param comment the comment, without parentheses
   * @param reason why, in words
   * @param properties the result's properties, in order
   */
  public MethodResult {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(reason, "reason");
    properties = List.copyOf(properties);
  }

  /**
   * {@return a result without comment, reason or properties, to add them to with the {@code with...} methods}
   *
   * <pre>{@code
   * MethodResult.of("spf", "pass").withProperty("smtp", "mailfrom", "sample.co.jp");
   * // spf=pass smtp.mailfrom=sample.co.jp
   * }</pre>
   *
   * @param method the method name, such as {@code spf} or {@code dkim}
   * @param result the result, such as {@code pass} or {@code fail}
   */
  public static MethodResult of(String method, String result) {
    return new MethodResult(method, result, "", "", List.of());
  }

  /**
   * The {@code none} result of a method: the message had nothing that method could check, such as
   * no DKIM signature.
   *
   * <pre>{@code
   * MethodResult.none("dkim").toString(); // dkim=none
   * }</pre>
   *
   * @param method the method name, such as {@code spf} or {@code dkim}
   * @return the result
   */
  public static MethodResult none(String method) {
    return of(method, "none");
  }

  /**
   * {@return this result with that comment (written in parentheses after the result; "" for none)}
   *
   * <pre>{@code
   * MethodResult.of("dmarc", "fail").withComment("p=reject dis=reject"); // dmarc=fail (p=reject dis=reject)
   * }</pre>
   *
   * @param comment the comment, without parentheses
   */
  public MethodResult withComment(String comment) {
    return new MethodResult(method, result, comment, reason, properties);
  }

  /**
   * {@return this result with that reason ("" for none)}
   *
   * <pre>{@code
   * MethodResult.of("dkim", "fail").withReason("signature expired"); // dkim=fail reason="signature expired"
   * }</pre>
   *
   * @param reason why, in words
   */
  public MethodResult withReason(String reason) {
    return new MethodResult(method, result, comment, reason, properties);
  }

  /**
   * {@return this result with one more property, after the others}
   *
   * <pre>{@code
   * MethodResult.of("dkim", "pass").withProperty("header", "d", "sample.co.jp").withProperty("header", "s", "s1");
   * // dkim=pass header.d=sample.co.jp header.s=s1
   * }</pre>
   *
   * @param ptype the property type, such as {@code smtp} or {@code header}
   * @param property the property, such as {@code mailfrom} or {@code d}
   * @param value the property's value
   */
  public MethodResult withProperty(String ptype, String property, String value) {
    List<ResultProperty> more = new ArrayList<>(properties);
    more.add(new ResultProperty(ptype, property, value));
    return new MethodResult(method, result, comment, reason, more);
  }

  /**
   * Reads one result as written in a field, with the parser of {@link AuthenticationResults#parse};
   * empty unless all of the text reads.
   *
   * <pre>{@code
   * MethodResult.parse("spf=pass smtp.mailfrom=sample.co.jp"); // Optional[spf=pass smtp.mailfrom=sample.co.jp]
   * MethodResult.parse("dmarc=pass action=none");              // Optional.empty: action has no ptype
   * }</pre>
   *
   * @param text the text of one result, such as {@code spf=pass smtp.mailfrom=sample.co.jp}
   * @return the result, or empty when the text is not one
   */
  public static Optional<MethodResult> parse(String text) {
    AuthResParser.Resinfo r = AuthResParser.resinfo(text == null ? "" : text);
    return r.skipped().isEmpty() ? r.result() : Optional.empty();
  }

  /**
   * {@return the value of the first property with that name, ignoring case}
   *
   * <pre>{@code
   * MethodResult dmarc = MethodResult.of("dmarc", "pass").withProperty("header", "from", "sample.co.jp");
   * dmarc.property("HEADER.FROM");   // Optional[sample.co.jp]
   * dmarc.property("smtp.mailfrom"); // Optional.empty
   * }</pre>
   *
   * @param name the method or property name
   */
  public Optional<String> property(String name) {
    for (ResultProperty p : properties) {
      if (p.name().equalsIgnoreCase(name)) {
        return Optional.of(p.value());
      }
    }
    return Optional.empty();
  }

  /**
   * {@return whether this is the result of {@code name}, with or without a version, ignoring case}
   *
   * <pre>{@code
   * MethodResult.of("dkim/1", "pass").isMethod("DKIM"); // true
   * MethodResult.of("dkim", "pass").isMethod("dmarc");  // false
   * }</pre>
   *
   * @param name the method or property name
   */
  public boolean isMethod(String name) {
    int slash = method.indexOf('/');
    return (slash < 0 ? method : method.substring(0, slash).trim()).equalsIgnoreCase(name);
  }

  /**
   * The result as written in a field: values that are not tokens (or, for properties, addresses and
   * domain names) quoted, comments escaped.
   *
   * <pre>{@code
   * MethodResult.of("dkim", "pass").withProperty("header", "b", "AbC+/12=").toString();
   * // dkim=pass header.b="AbC+/12="  ("/" and "=" are not token characters)
   * }</pre>
   */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(method).append('=').append(result);
    if (!comment.isEmpty()) {
      b.append(" (").append(AuthResSyntax.commentText(comment)).append(')');
    }
    if (!reason.isEmpty()) {
      b.append(" reason=").append(AuthResSyntax.value(reason));
    }
    for (ResultProperty p : properties) {
      b.append(' ').append(p);
    }
    return b.toString();
  }
}
