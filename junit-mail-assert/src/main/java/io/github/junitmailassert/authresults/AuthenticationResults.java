package io.github.junitmailassert.authresults;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Authentication-Results header field a receiver adds (RFC 8601): who checked
 * ({@code authserv-id}) and each method's result.
 *
 * <pre>{@code
 * AuthenticationResults ar = AuthenticationResults.builder("mx.example.net")
 *     .add(spf.authenticationResultsPart())      // spf=pass smtp.mailfrom=sample.co.jp
 *     .add(dkim.authenticationResultsPart())     // dkim=pass header.d=sample.co.jp header.s=s1
 *     .add(dmarc.authenticationResultsPart())    // dmarc=pass (p=reject dis=none) header.from=sample.co.jp
 *     .build();
 * ar.toString();    // Authentication-Results: mx.example.net; spf=pass ...; dkim=pass ...; dmarc=pass ...
 * ar.headerField(); // the same, folded at 78 characters with CRLF and a tab
 * }</pre>
 *
 * @param authservId the authentication service's identifier, usually the receiver's host name
 * @param results every method's result, in order; empty means {@code none} (nothing was checked)
 */
public record AuthenticationResults(String authservId, List<MethodResult> results) {

  /** The field name. */
  public static final String FIELD_NAME = "Authentication-Results";
  private static final int LINE_LIMIT = 78;

  public AuthenticationResults {
    Objects.requireNonNull(authservId, "authservId");
    results = List.copyOf(results);
  }

  public static Builder builder(String authservId) {
    if (authservId == null || authservId.isBlank()) {
      throw new IllegalArgumentException("an Authentication-Results field needs an authserv-id, such as the"
          + " receiver's host name");
    }
    return new Builder(authservId.trim());
  }

  /**
   * Reads an existing field, with or without its {@code Authentication-Results:} name, folded or not.
   * Empty when it is not an Authentication-Results field; never throws.
   */
  public static Optional<AuthenticationResults> parse(String field) {
    return AuthResParser.field(field == null ? "" : field);
  }

  /** The results of one method ({@code dkim}), in order. */
  public List<MethodResult> resultsOf(String method) {
    List<MethodResult> found = new ArrayList<>();
    for (MethodResult r : results) {
      if (r.isMethod(method)) {
        found.add(r);
      }
    }
    return found;
  }

  /** The field body on one line: {@code authserv-id; result; result} or {@code authserv-id; none}. */
  public String value() {
    StringBuilder b = new StringBuilder(MethodResult.valueText(authservId));
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
   */
  public String headerField() {
    List<String> atoms = new ArrayList<>();
    String first = FIELD_NAME + ": " + MethodResult.valueText(authservId) + ";";
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

  /** The field on one line, {@code Authentication-Results: } included. */
  @Override
  public String toString() {
    return FIELD_NAME + ": " + value();
  }

  /** Collects results; the field it builds is immutable. Not thread-safe. */
  public static final class Builder {
    private final String authservId;
    private final List<MethodResult> results = new ArrayList<>();

    private Builder(String authservId) {
      this.authservId = authservId;
    }

    /**
     * Adds results as written in a field: one ({@code spf=pass smtp.mailfrom=sample.co.jp}) or several
     * separated by {@code ;}. A blank part or {@code none} adds nothing.
     *
     * @throws IllegalArgumentException when the text is not a method result, naming it
     */
    public Builder add(String part) {
      Objects.requireNonNull(part, "part");
      for (String piece : AuthResParser.splitResults(part)) {
        String t = piece.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("none")) {
          continue;
        }
        results.add(MethodResult.parse(t).orElseThrow(() -> new IllegalArgumentException(
            "not an Authentication-Results method result (method=result [properties]): \"" + t + "\"")));
      }
      return this;
    }

    /** Adds one result. */
    public Builder add(MethodResult result) {
      results.add(Objects.requireNonNull(result, "result"));
      return this;
    }

    public AuthenticationResults build() {
      return new AuthenticationResults(authservId, results);
    }
  }
}
