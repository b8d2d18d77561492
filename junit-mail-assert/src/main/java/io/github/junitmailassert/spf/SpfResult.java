package io.github.junitmailassert.spf;

import io.github.junitmailassert.authresults.MethodResult;
import io.github.junitmailassert.internal.spf.IpAddresses;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The outcome of one SPF check, with everything a report needs: what was checked, what matched,
 * and a trace of every term evaluated and every DNS answer, which is what failure messages show.
 *
 * @param code the result
 * @param identity which identity was checked
 * @param domain the domain checked (of the envelope sender, or the HELO name)
 * @param sender the sender as SPF saw it: {@code postmaster@<HELO name>} for the null sender
 * @param heloName the HELO/EHLO name the client gave
 * @param clientIp the client's address (an IPv4-mapped IPv6 address is shown as IPv4)
 * @param mechanism the mechanism that matched, as written, or "" when none did
 * @param explanation for {@code fail}: the domain's explanation (its {@code exp=}) or the default one; else ""
 * @param dnsLookups the terms that queried DNS, counted toward the limit of 10 (RFC 7208 section 4.6.4)
 * @param problem for {@code permerror} and {@code temperror}: what went wrong; else ""
 * @param trace one line per DNS answer and per term evaluated, in order
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record SpfResult(
    SpfResultCode code,
    SpfIdentity identity,
    String domain,
    String sender,
    String heloName,
    InetAddress clientIp,
    String mechanism,
    String explanation,
    int dnsLookups,
    String problem,
    List<String> trace) {

  /**
   * Checks the components; lists are copied.
   *
   * @param code see {@link #code()}
   * @param identity see {@link #identity()}
   * @param domain see {@link #domain()}
   * @param sender see {@link #sender()}
   * @param heloName see {@link #heloName()}
   * @param clientIp see {@link #clientIp()}
   * @param mechanism see {@link #mechanism()}
   * @param explanation see {@link #explanation()}
   * @param dnsLookups see {@link #dnsLookups()}
   * @param problem see {@link #problem()}
   * @param trace see {@link #trace()}
   */
  public SpfResult {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(clientIp, "clientIp");
    domain = Objects.requireNonNullElse(domain, "");
    sender = Objects.requireNonNullElse(sender, "");
    heloName = Objects.requireNonNullElse(heloName, "");
    mechanism = Objects.requireNonNullElse(mechanism, "");
    explanation = Objects.requireNonNullElse(explanation, "");
    problem = Objects.requireNonNullElse(problem, "");
    trace = List.copyOf(trace);
  }

  /** {@return whether SPF passed} */
  public boolean isPass() {
    return code == SpfResultCode.PASS;
  }

  /**
   * The {@code Received-SPF} header field a receiver at {@code receivingHost} would add (RFC 7208
   * section 9.1), on one line without the final CRLF, e.g. {@code Received-SPF: pass
   * (mx.example.net: domain of info@sample.co.jp designates 203.0.113.25 as permitted sender)
   * client-ip=203.0.113.25; envelope-from="info@sample.co.jp"; helo=mail.sample.co.jp;
   * receiver=mx.example.net; identity=mailfrom; mechanism="ip4:203.0.113.25"}.
   *
   * @param receivingHost the receiver's own host name, written into Authentication-Results and Received-SPF
   * @return the whole field, name included
   */
  public String receivedSpf(String receivingHost) {
    String receiver = receivingHost == null || receivingHost.isBlank() ? "unknown" : receivingHost.trim();
    StringBuilder sb = new StringBuilder(200);
    sb.append("Received-SPF: ").append(code.keyword())
        .append(" (").append(commentEscape(receiver + ": " + comment())).append(")")
        .append(" client-ip=").append(value(ip()))
        .append("; envelope-from=").append(value(sender))
        .append("; helo=").append(value(heloName))
        .append("; receiver=").append(value(receiver))
        .append("; identity=").append(identity.keyword());
    if (code == SpfResultCode.PERMERROR || code == SpfResultCode.TEMPERROR) {
      if (!problem.isEmpty()) {
        sb.append("; problem=").append(value(problem));
      }
    } else if (!mechanism.isEmpty()) {
      sb.append("; mechanism=").append(value(mechanism));
    }
    return sb.toString();
  }

  /**
   * The SPF result of an {@code Authentication-Results} field (RFC 8601 section 2.7.2): the domain
   * checked as {@code smtp.mailfrom}, or the HELO name as {@code smtp.helo} for the HELO identity.
   *
   * <pre>{@code
   * spf.methodResult().toString(); // spf=pass smtp.mailfrom=sample.co.jp
   * AuthenticationResults.builder("mx.example.net").add(spf.methodResult()).build();
   * }</pre>
   *
   * @return the result as an Authentication-Results method result
   */
  public MethodResult methodResult() {
    MethodResult spf = MethodResult.of("spf", code.keyword());
    return identity == SpfIdentity.MAILFROM
        ? spf.withProperty("smtp", "mailfrom", domain)
        : spf.withProperty("smtp", "helo", heloName);
  }

  /**
   * {@return the SPF part of an {@code Authentication-Results} field as text, e.g}
   * {@code spf=pass smtp.mailfrom=sample.co.jp}; {@link #methodResult()} written.
   */
  public String authenticationResultsPart() {
    return methodResult().toString();
  }

  /** {@return the comment receivers write in Received-SPF, in the words most MTAs use} */
  public String comment() {
    String who = identity == SpfIdentity.MAILFROM ? sender : heloName;
    String ip = ip();
    return switch (code) {
      case PASS -> "domain of " + who + " designates " + ip + " as permitted sender";
      case FAIL -> "domain of " + who + " does not designate " + ip + " as permitted sender";
      case SOFTFAIL -> "domain of transitioning " + who + " does not designate " + ip + " as permitted sender";
      case NEUTRAL -> ip + " is neither permitted nor denied by domain of " + who;
      case NONE -> "domain of " + who + " does not designate permitted sender hosts";
      case PERMERROR -> "permanent error in processing domain of " + who + ": " + problem;
      case TEMPERROR -> "temporary error in processing during lookup of " + who + ": " + problem;
    };
  }

  private String ip() {
    return IpAddresses.readable(clientIp);
  }

  /**
   * A dot-atom stays as it is; anything else becomes a quoted-string (RFC 5322). This is Received-SPF's
   * rule (RFC 7208 section 9.1); Authentication-Results has its own (RFC 8601: token or address).
   */
  private static String value(String v) {
    if (isDotAtom(v)) {
      return v;
    }
    StringBuilder sb = new StringBuilder(v.length() + 2).append('"');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return sb.append('"').toString();
  }

  private static boolean isDotAtom(String v) {
    if (v.isEmpty() || v.startsWith(".") || v.endsWith(".") || v.contains("..")) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      boolean atext = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-/=?^_`{|}~.".indexOf(c) >= 0;
      if (!atext) {
        return false;
      }
    }
    return true;
  }

  private static String commentEscape(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == ')' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return sb.toString();
  }

  /** A short report: the result, why, and the trace. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("SPF ").append(code.keyword()).append(" for ").append(identity.keyword()).append(' ')
        .append(identity == SpfIdentity.MAILFROM ? sender : heloName).append(" from ").append(ip());
    if (!mechanism.isEmpty()) {
      sb.append(" (mechanism ").append(mechanism).append(')');
    }
    if (!problem.isEmpty()) {
      sb.append(": ").append(problem);
    }
    if (!explanation.isEmpty()) {
      sb.append(System.lineSeparator()).append("explanation: ").append(explanation);
    }
    for (String line : trace) {
      sb.append(System.lineSeparator()).append("  ").append(line);
    }
    return sb.toString();
  }
}
