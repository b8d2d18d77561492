package io.github.junitmailassert.host;

import io.github.junitmailassert.check.Finding;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The HELO/EHLO name as receivers judge it: a fully qualified name (not {@code localhost}, not an
 * address literal, not dotless), resolving to the client IP, and matching the client's PTR name.
 *
 * @param heloName the name as the client sent it
 * @param fullyQualified whether it is a fully qualified domain name that is not a local name
 * @param addresses what it resolves to (A for IPv4 clients, AAAA for IPv6), as text
 * @param resolvesToClient whether one of those is the client IP
 * @param ptrMatch how it compares with the client's PTR names
 * @param findings what is wrong, with the fix
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record HeloCheck(
    String heloName,
    boolean fullyQualified,
    List<String> addresses,
    boolean resolvesToClient,
    PtrMatch ptrMatch,
    List<Finding> findings) {

  /** How the HELO name compares with the PTR names of the client IP. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public enum PtrMatch {
    /** It is one of the PTR names. */
    SAME_NAME,
    /**
     * It shares the last two labels with a PTR name: a heuristic for "same domain" that is too
     * lenient under public suffixes of two labels such as {@code co.jp}.
     */
    SAME_DOMAIN,
    /** It has nothing in common with the PTR names. */
    DIFFERENT,
    /** There is no PTR name to compare with. */
    NO_PTR_NAME
  }

  /**
   * Checks the components; lists are copied.
   *
   * @param heloName see {@link #heloName()}
   * @param fullyQualified see {@link #fullyQualified()}
   * @param addresses see {@link #addresses()}
   * @param resolvesToClient see {@link #resolvesToClient()}
   * @param ptrMatch see {@link #ptrMatch()}
   * @param findings see {@link #findings()}
   */
  public HeloCheck {
    heloName = Objects.requireNonNullElse(heloName, "");
    addresses = List.copyOf(addresses);
    Objects.requireNonNull(ptrMatch, "ptrMatch");
    findings = List.copyOf(findings);
  }

  /** {@return whether nothing of severity ERROR or WARNING was found} */
  public boolean isConsistent() {
    return findings.stream().noneMatch(f -> f.severity() != Finding.Severity.INFO);
  }
}
