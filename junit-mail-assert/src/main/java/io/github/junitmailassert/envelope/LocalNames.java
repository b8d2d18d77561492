package io.github.junitmailassert.envelope;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.envelope.LocalNameLeak.Place;
import io.github.junitmailassert.internal.dns.IpLiterals;
import io.github.junitmailassert.internal.mail.Addresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Finds the sender machine's own names where receivers see them: {@code localhost},
 * {@code localhost.localdomain}, names under {@code .local}, {@code .localdomain},
 * {@code .localhost}, {@code .internal}, {@code .home.arpa} and {@code .lan}, dotless host names
 * (a container id, a bare machine name), and loopback, private or link-local address literals.
 * Searched in {@code MAIL FROM}, the HELO name, and the Return-Path, From, Sender, Reply-To,
 * Message-ID and Received header fields.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class LocalNames {

  private static final List<String> LOCAL_SUFFIXES =
      List.of(".localhost", ".local", ".localdomain", ".internal", ".home.arpa", ".lan");
  // Bounded classes: a hostile Received field must not make the matcher rescan to its end.
  private static final Pattern RECEIVED_HOST = Pattern.compile(
      "(?i)\\b(?:from|by|helo=?)\\s{1,8}(\\[[^\\]\\s\\[]{1,64}\\]|[^\\s;()\\[\\]]{1,255})"
          + "|\\[([0-9A-Fa-f:.]{1,64})\\]|\\(([^\\s()\\[\\]]{1,255})\\s");
  private static final Pattern GRAMMAR_WORD =
      Pattern.compile("from|by|with|id|via|for|smtp|esmtps?a?|lmtp|utf8smtps?|local|helo|envelope-from|\\d[\\d./]*");
  private static final Pattern HOST_TOKEN = Pattern.compile("[a-z0-9_][a-z0-9_.-]*");

  private LocalNames() {}

  /**
   * Why {@code host} (a name or an address literal, brackets allowed) is local, or empty if it is not.
   *
   * @param host a host name or an address literal (brackets allowed)
   * @return why the host is local, or empty
   */
  public static Optional<String> whyLocal(String host) {
    if (host == null) {
      return Optional.empty();
    }
    String h = host.trim().toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.isEmpty()) {
      return Optional.empty();
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
      if (h.startsWith("ipv6:")) {
        h = h.substring(5);
      }
    }
    Optional<String> address = whyLocalAddress(h);
    if (address.isPresent() || isAddressLiteral(h)) {
      return address;
    }
    if (h.equals("localhost") || h.equals("localhost.localdomain")) {
      return Optional.of("the name every machine gives itself");
    }
    for (String suffix : LOCAL_SUFFIXES) {
      if (h.endsWith(suffix)) {
        return Optional.of("under " + suffix + ", which exists only on local networks");
      }
    }
    if (!h.contains(".")) {
      return Optional.of("a dotless host name (a machine or container name, not a domain)");
    }
    return Optional.empty();
  }

  /**
   * {@return every leak in a captured mail, in the order of the places above}
   *
   * @param mail the captured mail
   */
  public static List<LocalNameLeak> findLeaks(CapturedMail mail) {
    List<LocalNameLeak> leaks = new ArrayList<>();
    if (!mail.isNullSender()) {
      String sender = mail.envelopeSender();
      int at = sender.lastIndexOf('@');
      String domain = at < 0 ? "" : sender.substring(at + 1);
      if (at < 0) {
        leaks.add(new LocalNameLeak(Place.MAIL_FROM, "<" + sender + ">", sender,
            "an address without a domain, which receivers complete with the sending host's name"));
      } else {
        whyLocal(domain).ifPresent(why -> leaks.add(new LocalNameLeak(Place.MAIL_FROM, "<" + sender + ">", domain, why)));
      }
    }
    mail.heloName().ifPresent(helo -> {
      String name = helo.trim();
      if (name.isEmpty()) {
        leaks.add(new LocalNameLeak(Place.HELO, mail.heloVerb().orElse("HELO"), "(empty)", "no name at all"));
      } else {
        whyLocal(name).ifPresent(why -> leaks.add(new LocalNameLeak(Place.HELO, name, name, why)));
      }
    });
    addressHeader(mail, "Return-Path", Place.RETURN_PATH, leaks);
    addressHeader(mail, "From", Place.FROM, leaks);
    addressHeader(mail, "Sender", Place.SENDER, leaks);
    addressHeader(mail, "Reply-To", Place.REPLY_TO, leaks);
    addressHeader(mail, "Message-ID", Place.MESSAGE_ID, leaks);
    for (String received : mail.headers("Received")) {
      String path = received.contains(";") ? received.substring(0, received.lastIndexOf(';')) : received;
      Set<String> hosts = new LinkedHashSet<>();
      Matcher m = RECEIVED_HOST.matcher(path);
      while (m.find()) {
        String host = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        if (host != null && looksLikeHost(host)) {
          hosts.add(host);
        }
      }
      for (String host : hosts) {
        whyLocal(host).ifPresent(why -> leaks.add(new LocalNameLeak(Place.RECEIVED, received, host, why)));
      }
    }
    return leaks;
  }

  private static void addressHeader(CapturedMail mail, String header, Place place, List<LocalNameLeak> leaks) {
    for (String value : mail.headers(header)) {
      List<String> domains = Addresses.domains(value);
      for (String domain : domains) {
        whyLocal(domain).ifPresent(why -> leaks.add(new LocalNameLeak(place, value, domain, why)));
      }
      if (domains.isEmpty() && place != Place.MESSAGE_ID && !value.isBlank() && !value.contains(":")) {
        leaks.add(new LocalNameLeak(place, value, value, "an address without a domain"));
      }
    }
  }

  private static boolean looksLikeHost(String token) {
    String t = token.toLowerCase(Locale.ROOT);
    if (t.startsWith("[")) {
      return true;
    }
    // Words of the Received grammar and MTA versions are not hosts.
    return !GRAMMAR_WORD.matcher(t).matches() && HOST_TOKEN.matcher(t).matches();
  }

  /** The address when {@code h} is an IPv4 or IPv6 literal, parsed without any lookup; else null. */
  private static InetAddress literal(String h) {
    return IpLiterals.parse(h).orElse(null);
  }

  private static boolean isAddressLiteral(String h) {
    return literal(h) != null;
  }

  private static Optional<String> whyLocalAddress(String h) {
    InetAddress address = literal(h);
    if (address == null) {
      return Optional.empty();
    }
    if (address.isLoopbackAddress()) {
      return Optional.of("a loopback address");
    }
    if (address.isSiteLocalAddress() || isUniqueLocalV6(address)) {
      return Optional.of("a private address");
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of("a link-local address");
    }
    if (address.isAnyLocalAddress()) {
      return Optional.of("the unspecified address");
    }
    return Optional.empty();
  }

  private static boolean isUniqueLocalV6(InetAddress address) {
    byte[] b = address.getAddress();
    return b.length == 16 && (b[0] & 0xfe) == 0xfc;
  }
}
