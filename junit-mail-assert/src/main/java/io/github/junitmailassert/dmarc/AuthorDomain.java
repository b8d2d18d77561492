package io.github.junitmailassert.dmarc;

import io.github.junitmailassert.internal.dmarc.DomainNames;
import io.github.junitmailassert.internal.mail.HeaderField;
import io.github.junitmailassert.internal.mail.ParsedMessages;
import io.github.junitmailassert.internal.mail.RawMessage;
import io.github.junitmailassert.internal.syntax.AddressListParser;
import io.github.junitmailassert.mail.CapturedMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The RFC5322.From domain of a message, which DMARC protects, or the reason there is not exactly one.
 * Receivers treat a message without a usable From domain as failing; so this is a value, never an
 * exception.
 *
 * @param status whether a domain was found, and if not, why
 * @param domains the distinct From domains (A-labels, lower case), in order; empty unless the status
 *     is {@link Status#FOUND} or {@link Status#SEVERAL_ADDRESSES}
 * @param addresses the addresses as written in the field (local part, then {@code @domain} if any)
 * @param reason one sentence for reports
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record AuthorDomain(Status status, List<String> domains, List<String> addresses, String reason) {

  /** Why a message has, or has not, one From domain. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public enum Status {
    /** Exactly one address with a domain. */
    FOUND,
    /** No From field: RFC 5322 requires one. */
    NO_FROM_FIELD,
    /** More than one From field: RFC 5322 allows one. */
    SEVERAL_FROM_FIELDS,
    /** Several addresses: DMARC evaluates each distinct domain (RFC 9989 section 11.5). */
    SEVERAL_ADDRESSES,
    /** An address without a domain ({@code root}), or with an address literal instead of a domain. */
    NO_DOMAIN,
    /** The field is not an address list, or its domain is not a valid domain name. */
    UNPARSEABLE
  }

  /**
   * Checks the components; lists are copied.
   *
   * @param status see {@link #status()}
   * @param domains see {@link #domains()}
   * @param addresses see {@link #addresses()}
   * @param reason see {@link #reason()}
   */
  public AuthorDomain {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    domains = List.copyOf(domains);
    addresses = List.copyOf(addresses);
  }

  /**
   * {@return a From domain given directly, as a test or another check already knows it}
   *
   * @param domain the domain, such as {@code sample.co.jp}
   */
  public static AuthorDomain of(String domain) {
    Optional<String> normalized = DomainNames.normalize(domain);
    if (normalized.isEmpty()) {
      return new AuthorDomain(Status.UNPARSEABLE, List.of(), List.of(),
          "\"" + shorten(String.valueOf(domain)) + "\" is not a valid domain name");
    }
    return new AuthorDomain(Status.FOUND, List.of(normalized.get()), List.of(), "From domain " + normalized.get());
  }

  /**
   * {@return the From domain of a raw message (header and body as sent)}
   *
   * @param rawMessage the message exactly as sent: header, blank line, body
   */
  public static AuthorDomain fromMessage(byte[] rawMessage) {
    return fromFields(RawMessage.parse(rawMessage).headers("From"));
  }

  /**
   * {@return the From domain of a captured mail, from its one parsed view}
   *
   * @param mail the captured mail
   */
  public static AuthorDomain fromMail(CapturedMail mail) {
    return fromFields(ParsedMessages.of(mail).headers("From"));
  }

  private static AuthorDomain fromFields(List<HeaderField> from) {
    if (from.isEmpty()) {
      return new AuthorDomain(Status.NO_FROM_FIELD, List.of(), List.of(), "the message has no From field");
    }
    if (from.size() > 1) {
      return new AuthorDomain(Status.SEVERAL_FROM_FIELDS, List.of(), List.of(),
          "the message has " + from.size() + " From fields; RFC 5322 allows exactly one");
    }
    return fromFieldValue(from.get(0).value());
  }

  /**
   * {@return the From domain of a From field's value (the text after {@code From:}, folded or not)}
   *
   * @param value the From field's value: the text after {@code From:}, folded or not
   */
  public static AuthorDomain fromFieldValue(String value) {
    AddressListParser.Result parsed = AddressListParser.parse(value);
    String quoted = "\"" + shorten(String.valueOf(value).trim()) + "\"";
    if (!parsed.ok()) {
      return new AuthorDomain(Status.UNPARSEABLE, List.of(), List.of(),
          "the From field " + quoted + " is not an address list: " + parsed.problem());
    }
    List<AddressListParser.Mailbox> mailboxes = parsed.mailboxes();
    List<String> addresses = new ArrayList<>();
    mailboxes.forEach(m -> addresses.add(m.address()));
    if (mailboxes.isEmpty()) {
      return new AuthorDomain(Status.UNPARSEABLE, List.of(), List.of(), "the From field " + quoted + " holds no address");
    }
    List<String> domains = new ArrayList<>();
    for (AddressListParser.Mailbox m : mailboxes) {
      if (m.displayNameOnly()) {
        return new AuthorDomain(Status.UNPARSEABLE, List.of(), addresses,
            "the From field " + quoted + " holds a display name but no address");
      }
      if (m.domain().isEmpty() || m.addressLiteral()) {
        return new AuthorDomain(Status.NO_DOMAIN, List.of(), addresses, "the From address \"" + shorten(m.address())
            + "\" has " + (m.addressLiteral() ? "an address literal instead of a domain" : "no domain"));
      }
      Optional<String> d = DomainNames.normalize(m.domain());
      if (d.isEmpty()) {
        return new AuthorDomain(Status.UNPARSEABLE, List.of(), addresses,
            "the From address \"" + shorten(m.address()) + "\" has no valid domain name");
      }
      if (!domains.contains(d.get())) {
        domains.add(d.get());
      }
    }
    if (mailboxes.size() == 1) {
      return new AuthorDomain(Status.FOUND, domains, addresses, "From domain " + domains.get(0));
    }
    return new AuthorDomain(Status.SEVERAL_ADDRESSES, domains, addresses, "the From field holds "
        + mailboxes.size() + " addresses, from " + (domains.size() == 1 ? "the domain " : "the domains ")
        + String.join(", ", domains));
  }

  /** {@return the one From domain, when there is exactly one (even over several addresses)} */
  public Optional<String> domain() {
    return domains.size() == 1 ? Optional.of(domains.get(0)) : Optional.empty();
  }

  /** {@return whether DMARC can be evaluated: at least one valid From domain} */
  public boolean isUsable() {
    return !domains.isEmpty();
  }

  private static String shorten(String s) {
    String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    char[] shown = null; // made only for a value with controls: nearly every one has none
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        shown = shown == null ? t.toCharArray() : shown;
        shown[i] = '?';
      }
    }
    return shown == null ? t : new String(shown);
  }
}
