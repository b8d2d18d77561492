package io.github.junitmailassert.internal.host;

import io.github.junitmailassert.host.HeloCheck;
import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.envelope.LocalNames;
import io.github.junitmailassert.check.Finding.Severity;
import io.github.junitmailassert.host.ReverseDns;
import io.github.junitmailassert.dns.DnsAnswer;
import io.github.junitmailassert.internal.dns.DnsLookup;
import io.github.junitmailassert.internal.spf.DomainNames;
import io.github.junitmailassert.internal.spf.IpAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** The DNS work behind the sending host checks. Internal. */
@API(status = API.Status.INTERNAL)
public final class SendingHostChecks {

  /** PTR names followed, as SPF's limit; a host with more is misconfigured anyway. */
  private static final int MAX_PTR_NAMES = 10;

  private static final String SOURCE = "RFC 8601 section 3 and RFC 1912 section 2.1 (forward-confirmed reverse DNS);"
      + " Gmail and Yahoo sender requirements (2024)";

  private final DnsLookup dns;
  private final Function<String, Optional<String>> organizationalDomain;

  /** @param organizationalDomain finds a name's organizational domain, as DMARC does, for "same domain" */
  public SendingHostChecks(DnsLookup dns, Function<String, Optional<String>> organizationalDomain) {
    this.dns = dns;
    this.organizationalDomain = organizationalDomain;
  }

  private static Finding finding(Severity severity, String text, String fix) {
    return new Finding(MailCheck.REVERSE_DNS, severity, text, fix, SOURCE);
  }

  public ReverseDns reverseDns(InetAddress clientIp, String heloName) {
    byte[] ip = IpAddresses.bytes(clientIp);
    String ipText = IpAddresses.readable(ip);
    String reverse = IpAddresses.reverseName(ip);
    String type = ip.length == 4 ? "A" : "AAAA";
    String suggested = DomainNames.isCheckableDomain(heloName) && !isLocalName(heloName)
        ? DomainNames.stripTrailingDot(heloName) : "<the host's public name>";
    List<Finding> findings = new ArrayList<>();
    DnsAnswer ptr = dns.lookup(DomainNames.toName(reverse), Type.PTR);
    if (ptr.isTempError()) {
      findings.add(finding(Severity.WARNING, "the PTR lookup of " + reverse + " failed: " + ptr.detail(),
          "make the DNS servers for " + reverse + " answer"));
      return new ReverseDns(clientIp, reverse, List.of(), Map.of(), "", ReverseDns.Status.TEMPERROR, findings);
    }
    List<String> names = new ArrayList<>();
    for (Record r : ptr.records()) {
      if (r instanceof PTRRecord p) {
        names.add(DomainNames.text(p.getTarget()));
      }
    }
    if (names.isEmpty()) {
      findings.add(finding(Severity.ERROR, ipText + " has no PTR record (" + reverse + ": "
          + (ptr.status() == DnsAnswer.Status.NXDOMAIN ? "NXDOMAIN" : "no PTR records") + ")",
          "publish PTR " + reverse + " -> " + suggested + " (ask whoever owns " + ipText
              + ": the hosting provider or ISP), and " + type + " " + suggested + " -> " + ipText));
      return new ReverseDns(clientIp, reverse, names, Map.of(), "", ReverseDns.Status.NO_PTR, findings);
    }
    Map<String, List<String>> forward = new LinkedHashMap<>();
    String confirmed = "";
    boolean temperror = false;
    for (String name : names.subList(0, Math.min(names.size(), MAX_PTR_NAMES))) {
      DnsAnswer a = lookupAddresses(name, ip.length);
      List<String> addresses = addresses(a);
      forward.put(name, addresses);
      if (a.isTempError()) {
        temperror = true;
        findings.add(finding(Severity.WARNING, "the " + type + " lookup of " + name + " failed: " + a.detail(),
            "make the DNS servers for " + name + " answer"));
      } else if (addresses.contains(ipText)) {
        if (confirmed.isEmpty()) {
          confirmed = name;
        }
      } else if (addresses.isEmpty()) {
        findings.add(finding(Severity.ERROR, "the PTR name " + name + " has no " + type + " record",
            "publish " + type + " " + name + " -> " + ipText));
      } else {
        findings.add(finding(Severity.ERROR, "the PTR name " + name + " resolves to "
            + String.join(", ", addresses) + ", not to " + ipText,
            "publish " + type + " " + name + " -> " + ipText + " (or point PTR " + reverse
                + " at a name that resolves to " + ipText + ")"));
      }
    }
    if (names.size() > 1) {
      findings.add(finding(Severity.INFO, reverse + " has " + names.size() + " PTR records ("
          + String.join(", ", names) + "); receivers may look at any one of them",
          "keep one PTR record per address"));
    }
    ReverseDns.Status status;
    if (!confirmed.isEmpty()) {
      status = ReverseDns.Status.CONFIRMED;
      // A name that does not lead back is harmless once another one does.
      findings.removeIf(f -> f.severity() == Severity.ERROR);
    } else {
      status = temperror ? ReverseDns.Status.TEMPERROR : ReverseDns.Status.NOT_CONFIRMED;
    }
    return new ReverseDns(clientIp, reverse, names, forward, confirmed, status, findings);
  }

  public HeloCheck helo(InetAddress clientIp, String heloName, ReverseDns reverseDns) {
    byte[] ip = IpAddresses.bytes(clientIp);
    String ipText = IpAddresses.readable(ip);
    String type = ip.length == 4 ? "A" : "AAAA";
    String helo = heloName == null ? "" : heloName.trim();
    String ptrName = reverseDns.confirmedName().isEmpty()
        ? (reverseDns.ptrNames().isEmpty() ? "" : reverseDns.ptrNames().get(0)) : reverseDns.confirmedName();
    String suggested = ptrName.isEmpty() ? "<the host's public name, e.g. mail.your-domain>" : ptrName;
    String howTo = " (Postfix: smtp_helo_name or myhostname; sendmail: confDOMAIN_NAME;"
        + " Jakarta Mail: mail.smtp.localhost)";
    List<Finding> findings = new ArrayList<>();
    String problem = null;
    if (helo.isEmpty()) {
      problem = "the client sent no HELO name";
    } else if (helo.startsWith("[")) {
      problem = "the HELO name " + helo + " is an address literal, not a host name";
    } else if (isLocalName(helo)) {
      problem = "the HELO name " + helo + " is a local name that means nothing outside the sending host";
    } else if (!DomainNames.isCheckableDomain(helo)) {
      problem = "the HELO name " + helo + " is not a fully qualified domain name";
    }
    if (problem != null) {
      findings.add(finding(Severity.ERROR, problem, "set the HELO name to " + suggested + howTo));
      return new HeloCheck(helo, false, List.of(), false, HeloCheck.PtrMatch.NO_PTR_NAME, findings);
    }
    String name = DomainNames.stripTrailingDot(helo);
    DnsAnswer a = lookupAddresses(name, ip.length);
    List<String> addresses = addresses(a);
    boolean resolves = addresses.contains(ipText);
    if (a.isTempError()) {
      findings.add(finding(Severity.WARNING, "the " + type + " lookup of the HELO name " + name + " failed: "
          + a.detail(), "make the DNS servers for " + name + " answer"));
    } else if (addresses.isEmpty()) {
      findings.add(finding(Severity.WARNING, "the HELO name " + name + " has no " + type + " record",
          "publish " + type + " " + name + " -> " + ipText));
    } else if (!resolves) {
      findings.add(finding(Severity.WARNING, "the HELO name " + name + " resolves to "
          + String.join(", ", addresses) + ", not to " + ipText,
          "publish " + type + " " + name + " -> " + ipText + " or set the HELO name to " + suggested + howTo));
    }
    HeloCheck.PtrMatch match = ptrMatch(name, reverseDns.ptrNames());
    switch (match) {
      case SAME_DOMAIN -> findings.add(finding(Severity.INFO, "the HELO name " + name
          + " is not the PTR name " + ptrName + " but is in the same organizational domain "
          + organizationalDomain.apply(name).orElse(name), "set the HELO name to " + ptrName + howTo));
      case DIFFERENT -> findings.add(finding(Severity.WARNING, "the HELO name " + name
          + " does not match the PTR name " + ptrName,
          "set the HELO name to " + ptrName + howTo + ", or publish PTR " + reverseDns.reverseName() + " -> " + name));
      default -> {
        // SAME_NAME is right; NO_PTR_NAME is already reported by the reverse DNS check.
      }
    }
    return new HeloCheck(helo, true, addresses, resolves, match, findings);
  }

  private HeloCheck.PtrMatch ptrMatch(String helo, List<String> ptrNames) {
    if (ptrNames.isEmpty()) {
      return HeloCheck.PtrMatch.NO_PTR_NAME;
    }
    for (String p : ptrNames) {
      if (DomainNames.stripTrailingDot(p).equalsIgnoreCase(helo)) {
        return HeloCheck.PtrMatch.SAME_NAME;
      }
    }
    Optional<String> heloDomain = organizationalDomain.apply(helo);
    for (String p : ptrNames) {
      if (heloDomain.isPresent() && organizationalDomain.apply(DomainNames.stripTrailingDot(p)).equals(heloDomain)) {
        return HeloCheck.PtrMatch.SAME_DOMAIN;
      }
    }
    return HeloCheck.PtrMatch.DIFFERENT;
  }

  /** A local name (localhost, names under .local, .localdomain, ...) as the local-name check defines it. */
  private static boolean isLocalName(String name) {
    String n = DomainNames.stripTrailingDot(name);
    return n.contains(".") && !n.startsWith("[") && LocalNames.whyLocal(n).isPresent() || n.equalsIgnoreCase("localhost");
  }

  private DnsAnswer lookupAddresses(String name, int family) {
    Name n = DomainNames.toName(name);
    if (n == null) {
      return DnsAnswer.nxdomain();
    }
    return dns.lookup(n, family == 4 ? Type.A : Type.AAAA);
  }

  private static List<String> addresses(DnsAnswer answer) {
    List<String> list = new ArrayList<>();
    for (Record r : answer.records()) {
      if (r instanceof ARecord a) {
        list.add(IpAddresses.readable(a.getAddress().getAddress()));
      } else if (r instanceof AAAARecord aaaa) {
        list.add(IpAddresses.readable(aaaa.getAddress().getAddress()));
      }
    }
    return list;
  }
}
