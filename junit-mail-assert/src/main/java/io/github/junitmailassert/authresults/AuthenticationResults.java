package io.github.junitmailassert.authresults;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The Authentication-Results header field a receiver adds (RFC 8601): who checked
 * ({@code authserv-id}) and each method's result.
 *
 * <pre>{@code
 * AuthenticationResults ar = AuthenticationResults.builder("mx.example.net")
 *     .add(spf.methodResult())      // spf=pass smtp.mailfrom=sample.co.jp
 *     .add(dkim.methodResult())     // dkim=pass header.d=sample.co.jp header.s=s1 header.b=AbCdEfGh
 *     .add(dmarc.methodResult())    // dmarc=pass (p=reject dis=none) header.from=sample.co.jp
 *     .build();
 * ar.toString();    // Authentication-Results: mx.example.net; spf=pass ...; dkim=pass ...; dmarc=pass ...
 * ar.headerField(); // the same, folded at 78 characters with CRLF and a tab
 * }</pre>
 *
 * @param authservId the authentication service's identifier, usually the receiver's host name; empty
 *     for a parsed field that has none (Microsoft 365 writes none)
 * @param results every method's result, in order; empty means {@code none} (nothing was checked)
 * @param skipped for a parsed field, the text that was not read, each part as written: a result
 *     ({@code ;} for an empty one) or the words of a result that are not properties
 *     ({@code action=none}); empty for a field that was built
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record AuthenticationResults(String authservId, List<MethodResult> results, List<String> skipped) {

  /** The field name. */
  public static final String FIELD_NAME = "Authentication-Results";
  private static final int LINE_LIMIT = 78;

  /**
   * A field as it is, every part given.
   *
   * <pre>{@code
   * new AuthenticationResults("mx.example.net", List.of(MethodResult.none("dkim")), List.of());
   * // Authentication-Results: mx.example.net; dkim=none
   * }</pre>
   *
   * @param authservId the receiver's authserv-id, such as {@code mx.example.net}
   * @param results the results, in order
   * @param skipped text of the field that was not understood, kept as it was
   */
  public AuthenticationResults {
    Objects.requireNonNull(authservId, "authservId");
    results = List.copyOf(results);
    skipped = List.copyOf(skipped);
  }

  /**
   * A field with nothing skipped.
   *
   * <pre>{@code
   * new AuthenticationResults("mx.example.net", List.of()); // Authentication-Results: mx.example.net; none
   * }</pre>
   *
   * @param authservId the receiver's authserv-id, such as {@code mx.example.net}
   * @param results the results, in order
   */
  public AuthenticationResults(String authservId, List<MethodResult> results) {
    this(authservId, results, List.of());
  }

  /**
   * Starts a field for the receiver {@code authservId}.
   *
   * <pre>{@code
   * AuthenticationResults.builder("mx.example.net").add(MethodResult.none("dkim")).build();
   * AuthenticationResults.builder(" "); // IllegalArgumentException: needs an authserv-id
   * }</pre>
   *
   * @throws IllegalArgumentException when {@code authservId} is null or blank
   * @param authservId the receiver's authserv-id, such as {@code mx.example.net}
   * @return a new builder
   */
  public static Builder builder(String authservId) {
    if (authservId == null || authservId.isBlank()) {
      throw new IllegalArgumentException("an Authentication-Results field needs an authserv-id, such as the"
          + " receiver's host name");
    }
    return new Builder(authservId.trim());
  }

  /**
   * Reads a field written by any receiver, with or without its {@code Authentication-Results:} name,
   * folded or not. What is outside the grammar of RFC 8601 is skipped and listed in {@link #skipped()},
   * and the results around it are kept. Empty when no method result (nor {@code none}) can be read;
   * never throws; the work is linear in the length.
   *
   * <pre>{@code
   * AuthenticationResults ar = AuthenticationResults.parse("Authentication-Results: spf=pass"
   *     + " smtp.mailfrom=sample.co.jp; dmarc=pass action=none header.from=sample.co.jp;").get();
   * ar.authservId();  // "" (Microsoft 365 writes none)
   * ar.results();     // spf=pass smtp.mailfrom=sample.co.jp, dmarc=pass header.from=sample.co.jp
   * ar.skipped();     // [action=none, ;]
   * AuthenticationResults.parse("Subject: hello"); // empty
   * }</pre>
   *
   * @param field the field, with or without its name
   * @return the field, or empty when it is not an Authentication-Results field
   */
  public static Optional<AuthenticationResults> parse(String field) {
    return AuthResParser.field(field == null ? "" : field);
  }

  /**
   * {@return the results of one method, in order, with or without a version}
   *
   * <pre>{@code
   * AuthenticationResults.parse("mx.example.net; dkim=pass header.d=a.example; dkim=fail header.d=b.example")
   *     .get().resultsOf("dkim").size(); // 2
   * }</pre>
   *
   * @param method the method name, such as {@code spf} or {@code dkim}
   */
  public List<MethodResult> resultsOf(String method) {
    List<MethodResult> found = new ArrayList<>();
    for (MethodResult r : results) {
      if (r.isMethod(method)) {
        found.add(r);
      }
    }
    return found;
  }

  /**
   * The field body on one line: {@code authserv-id; result; result} or {@code authserv-id; none};
   * skipped text is not written.
   *
   * <pre>{@code
   * AuthenticationResults.builder("mx.example.net").add(MethodResult.none("dkim")).build().value();
   * // mx.example.net; dkim=none
   * }</pre>
   *
   * @return the field body on one line
   */
  public String value() {
    StringBuilder b = new StringBuilder(AuthResSyntax.value(authservId));
    if (results.isEmpty()) {
      return b.append("; none").toString();
    }
    for (MethodResult r : results) {
      b.append("; ").append(r);
    }
    return b.toString();
  }

  /**
   * The whole field folded as a receiver writes it: lines of at most 78 characters where the content
   * allows, continuation lines starting with a tab, CRLF between lines, no final line end.
   *
   * <pre>{@code
   * AuthenticationResults.builder("mx.example.net")
   *     .add(MethodResult.of("spf", "pass").withProperty("smtp", "mailfrom", "bounces.newsletter.sample.co.jp"))
   *     .add(MethodResult.of("dkim", "pass").withProperty("header", "d", "newsletter.sample.co.jp"))
   *     .build().headerField();
   * // "Authentication-Results: mx.example.net; spf=pass\r\n"
   * // + "\tsmtp.mailfrom=bounces.newsletter.sample.co.jp; dkim=pass\r\n"
   * // + "\theader.d=newsletter.sample.co.jp"
   * }</pre>
   *
   * @return the folded field, name included
   */
  public String headerField() {
    List<String> atoms = new ArrayList<>();
    String first = FIELD_NAME + ": " + AuthResSyntax.value(authservId) + ";";
    if (results.isEmpty()) {
      atoms.add(first);
      atoms.add("none");
    } else {
      atoms.add(first);
      for (int i = 0; i < results.size(); i++) {
        List<String> parts = atomsOf(results.get(i));
        if (i < results.size() - 1) {
          int last = parts.size() - 1;
          parts.set(last, parts.get(last) + ";");
        }
        atoms.addAll(parts);
      }
    }
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder(atoms.get(0));
    for (int i = 1; i < atoms.size(); i++) {
      String atom = atoms.get(i);
      if (line.length() + 1 + atom.length() <= LINE_LIMIT) {
        line.append(' ').append(atom);
      } else {
        out.append(line).append("\r\n");
        line.setLength(0);
        line.append('\t').append(atom);
      }
    }
    return out.append(line).toString();
  }

  private static List<String> atomsOf(MethodResult r) {
    List<String> atoms = new ArrayList<>();
    MethodResult head = new MethodResult(r.method(), r.result(), r.comment(), r.reason(), List.of());
    atoms.add(head.toString());
    r.properties().forEach(p -> atoms.add(p.toString()));
    return atoms;
  }

  /**
   * The field on one line, {@code Authentication-Results: } included.
   *
   * <pre>{@code
   * AuthenticationResults.builder("mx.example.net").build().toString(); // Authentication-Results: mx.example.net; none
   * }</pre>
   */
  @Override
  public String toString() {
    return FIELD_NAME + ": " + value();
  }

  /** Collects results; the field it builds is immutable. Not thread-safe. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private final String authservId;
    private final List<MethodResult> results = new ArrayList<>();

    private Builder(String authservId) {
      this.authservId = authservId;
    }

    /**
     * Adds one result.
     *
     * <pre>{@code
     * builder.add(MethodResult.of("spf", "pass").withProperty("smtp", "mailfrom", "sample.co.jp"));
     * builder.add(spfResult.methodResult());
     * }</pre>
     *
     * @param result one method's result
     * @return this builder
     */
    public Builder add(MethodResult result) {
      results.add(Objects.requireNonNull(result, "result"));
      return this;
    }

    /**
     * Adds results of your own as written in a field: one ({@code spf=pass smtp.mailfrom=sample.co.jp})
     * or several separated by {@code ;}, read by the parser of {@link AuthenticationResults#parse}. A
     * blank part or {@code none} adds nothing. Unlike {@code parse}, which skips what it cannot read,
     * this throws: a field you write should not lose a result silently.
     *
     * <pre>{@code
     * builder.add("spf=pass smtp.mailfrom=sample.co.jp; arc=none");
     * builder.add("dmarc=pass action=none"); // IllegalArgumentException: cannot read "action=none"
     * }</pre>
     *
     * @throws IllegalArgumentException when a part is not a method result, naming it
     * @param part results as written in a field, such as {@code spf=pass smtp.mailfrom=sample.co.jp}
     * @return this builder
     */
    public Builder add(String part) {
      Objects.requireNonNull(part, "part");
      for (String piece : AuthResParser.splitResults(part)) {
        String t = piece.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("none")) {
          continue;
        }
        AuthResParser.Resinfo r = AuthResParser.resinfo(t);
        if (r.result().isEmpty()) {
          throw new IllegalArgumentException(
              "not an Authentication-Results method result (method=result [properties]): \"" + t + "\"");
        }
        if (!r.skipped().isEmpty()) {
          throw new IllegalArgumentException("cannot read \"" + String.join("\", \"", r.skipped()) + "\" in \"" + t
              + "\": after method=result come reason=value and ptype.property=value properties");
        }
        results.add(r.result().get());
      }
      return this;
    }

    /**
     * The field.
     *
     * <pre>{@code
     * AuthenticationResults.builder("mx.example.net").add("spf=pass smtp.mailfrom=sample.co.jp").build();
     * }</pre>
     *
     * @return the authentication results
     */
    public AuthenticationResults build() {
      return new AuthenticationResults(authservId, results);
    }
  }
}
