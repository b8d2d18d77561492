/**
 * The Authentication-Results header field (RFC 8601): one shape for every method's result
 * ({@link io.github.junitmailassert.authresults.MethodResult}), one rule for writing it, and a parser
 * for the fields other receivers wrote, which keeps what it can read and names what it skipped.
 *
 * <pre>{@code
 * AuthenticationResults mine = AuthenticationResults.builder("mx.example.net")
 *     .add(spfResult.methodResult())
 *     .add(MethodResult.none("dkim"))
 *     .build();
 * AuthenticationResults theirs = AuthenticationResults.parse(receivedField).orElseThrow();
 * theirs.resultsOf("dmarc").get(0).property("header.from"); // Optional[sample.co.jp]
 * theirs.skipped();                                          // [action=none], say, from Microsoft 365
 * }</pre>
 */
package io.github.junitmailassert.authresults;
