package io.github.junitmailassert.internal.spf;

import io.github.junitmailassert.dns.DnsAnswer;
import io.github.junitmailassert.internal.dns.DnsLookup;
import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.check.Finding.Severity;
import io.github.junitmailassert.spf.SpfLintReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apiguardian.api.API;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** The work behind {@code SpfLint}: one lint run, not thread-safe. Internal. */
@API(status = API.Status.INTERNAL)
public final class SpfLinter {

  /** Records followed through includes and redirects, to bound the work on hostile zones. */
  private static final int MAX_RECORDS = 30;

  private final DnsLookup dns;
  private final List<Finding> findings = new ArrayList<>();
  private final Set<String> visiting = new HashSet<>();
  private int lookups;
  private int voids;
  private int recordsFollowed;

  public SpfLinter(DnsLookup dns) {
    this.dns = dns;
  }

  public SpfLintReport lint(String rawDomain) {
    String domain = DomainNames.stripTrailingDot(rawDomain);
    String record = "";
    if (!DomainNames.isCheckableDomain(domain)) {
      add(Severity.ERROR, "\"" + domain + "\" is not a fully qualified domain name, so receivers check nothing",
          "send from an address in a registered domain");
    } else {
      record = fetch(domain, null);
      if (record != null) {
        visiting.add(domain.toLowerCase(Locale.ROOT));
        lintRecord(domain, record, true);
      } else {
        record = "";
      }
    }
    if (lookups > SpfEvaluation.LOOKUP_LIMIT) {
      add(Severity.ERROR, "the record needs " + lookups + " DNS lookups counted through its includes; over "
          + SpfEvaluation.LOOKUP_LIMIT + ", receivers return permerror",
          "replace includes by the ip4:/ip6: ranges they list, or drop the ones no longer used");
    }
    if (voids > SpfEvaluation.VOID_LIMIT) {
      add(Severity.ERROR, voids + " lookups answer nothing (void lookups); over " + SpfEvaluation.VOID_LIMIT
          + ", receivers return permerror", "remove the terms whose names do not exist");
    }
    findings.sort(Comparator.comparing(Finding::severity));
    return new SpfLintReport(domain, record, lookups, findings);
  }

  /** The single SPF record of {@code domain}, or null after adding a finding. */
  private String fetch(String domain, String via) {
    String where = via == null ? domain : via + ": " + domain;
    Name name = DomainNames.toName(domain);
    if (name == null) {
      add(Severity.ERROR, where + " is not a valid domain name, so receivers return permerror", "correct the name");
      return null;
    }
    DnsAnswer answer = dns.lookup(name, Type.TXT);
    if (answer.isTempError()) {
      add(Severity.ERROR, where + ": the TXT lookup failed (" + answer.detail() + "), so receivers return temperror",
          "make the DNS servers for " + domain + " answer");
      return null;
    }
    List<String> spf = new ArrayList<>();
    for (Record r : answer.records()) {
      if (r instanceof TXTRecord txt) {
        String text = SpfEvaluation.join(txt);
        if (SpfRecord.isSpfRecord(text)) {
          spf.add(text);
        }
      }
    }
    if (spf.isEmpty()) {
      boolean nx = answer.status() == DnsAnswer.Status.NXDOMAIN;
      if (via == null) {
        add(Severity.ERROR, domain + (nx ? " does not exist in DNS" : " has no SPF record") + ", so receivers get none",
            "publish TXT " + domain + " \"v=spf1 ip4:<your sending address> -all\"");
      } else {
        add(Severity.ERROR, where + (nx ? " does not exist" : " has no SPF record") + ", so receivers return permerror",
            "remove " + via + " or correct the name");
      }
      return null;
    }
    if (spf.size() > 1) {
      add(Severity.ERROR, where + " has " + spf.size() + " SPF records; receivers return permerror",
          "merge them into one TXT record");
      return null;
    }
    return spf.get(0);
  }

  private void lintRecord(String domain, String text, boolean top) {
    recordsFollowed++;
    String prefix = top ? "" : domain + ": ";
    List<Object> terms = new ArrayList<>();
    boolean termErrors = false;
    int n = text.length();
    int i = 6; // after "v=spf1"
    while (i < n) {
      if (text.charAt(i) == ' ') {
        i++;
        continue;
      }
      int start = i;
      while (i < n && text.charAt(i) != ' ') {
        i++;
      }
      String term = text.substring(start, i);
      try {
        SpfRecord one = SpfRecord.parse("v=spf1 " + term);
        terms.addAll(one.mechanisms());
        if (one.redirect() != null) {
          terms.add(one.redirect());
        }
        if (one.exp() != null) {
          terms.add(one.exp());
        }
      } catch (SpfSyntaxException e) {
        termErrors = true;
        add(Severity.ERROR, prefix + "syntax error at position " + (start + e.position() - 7) + ": " + e.getMessage()
            + " (in \"" + printable(term) + "\"), so receivers return permerror", "correct or remove \"" + printable(term) + "\"");
      }
    }
    if (!termErrors) {
      try {
        SpfRecord.parse(text);
      } catch (SpfSyntaxException e) {
        add(Severity.ERROR, prefix + "syntax error at position " + e.position() + ": " + e.getMessage()
            + ", so receivers return permerror", "keep one of each");
      }
    }
    boolean sawAll = false;
    SpfRecord.Modifier redirect = null;
    for (Object t : terms) {
      if (t instanceof SpfRecord.Modifier m) {
        if (m.name().equalsIgnoreCase("redirect")) {
          redirect = m;
        }
        continue;
      }
      SpfRecord.Mechanism m = (SpfRecord.Mechanism) t;
      if (sawAll) {
        add(Severity.WARNING, prefix + "\"" + m.text() + "\" comes after \"all\" and is never evaluated",
            "move it before \"all\" or remove it");
      }
      switch (m.kind()) {
        case ALL -> {
          sawAll = true;
          if (m.qualifier() == '+') {
            add(Severity.ERROR, prefix + "\"" + m.text() + "\" lets every host on the internet send as "
                + (top ? domain : "the including domain"), "end the record with -all (or ~all while testing)");
          } else if (m.qualifier() == '?' && top) {
            add(Severity.WARNING, prefix + "\"?all\" tells receivers nothing about hosts not listed",
                "end the record with -all (or ~all while testing)");
          }
        }
        case PTR -> {
          lookups++;
          add(Severity.WARNING, prefix + "\"" + m.text() + "\" is deprecated (RFC 7208 section 5.5): slow, and"
              + " some receivers skip it", "list the sending hosts with ip4:, ip6: or a: instead");
        }
        case INCLUDE -> {
          lookups++;
          follow(m.domainSpec(), m.text(), prefix);
        }
        case A, MX, EXISTS -> {
          lookups++;
          checkVoid(m, domain, prefix);
        }
        default -> {
          // ip4 and ip6 need no lookup
        }
      }
    }
    if (redirect != null) {
      if (sawAll) {
        add(Severity.WARNING, prefix + "\"" + redirect.text() + "\" is ignored because the record has \"all\"",
            "remove one of them");
      } else {
        lookups++;
        follow(redirect.value(), redirect.text(), prefix);
      }
    } else if (!sawAll && top) {
      add(Severity.WARNING, "the record has no \"all\": hosts not listed get neutral",
          "end the record with -all (or ~all while testing)");
    }
  }

  private void follow(MacroString spec, String term, String prefix) {
    if (spec.hasMacros()) {
      add(Severity.INFO, prefix + "\"" + term + "\" depends on the sender (macros), so it was not followed", "");
      return;
    }
    String target = DomainNames.stripTrailingDot(spec.text());
    String key = target.toLowerCase(Locale.ROOT);
    if (visiting.contains(key)) {
      add(Severity.ERROR, prefix + "\"" + term + "\" leads back to a record already being evaluated (a loop);"
          + " receivers return permerror", "remove " + term);
      return;
    }
    if (recordsFollowed >= MAX_RECORDS) {
      add(Severity.INFO, prefix + "\"" + term + "\" was not followed: over " + MAX_RECORDS + " records already", "");
      return;
    }
    String record = fetch(target, prefix + term);
    if (record != null) {
      visiting.add(key);
      lintRecord(target, record, false);
      visiting.remove(key);
    }
  }

  private void checkVoid(SpfRecord.Mechanism m, String domain, String prefix) {
    if (m.domainSpec() != null && m.domainSpec().hasMacros()) {
      return;
    }
    String target = m.domainSpec() == null ? domain : DomainNames.stripTrailingDot(m.domainSpec().text());
    Name name = DomainNames.toName(target);
    if (name == null) {
      add(Severity.ERROR, prefix + "\"" + m.text() + "\": " + target + " is not a valid domain name", "correct it");
      return;
    }
    int[] types = switch (m.kind()) {
      case A -> new int[] {Type.A, Type.AAAA};
      case MX -> new int[] {Type.MX};
      default -> new int[] {Type.A};
    };
    boolean found = false;
    for (int type : types) {
      DnsAnswer a = dns.lookup(name, type);
      if (a.isTempError()) {
        add(Severity.WARNING, prefix + "\"" + m.text() + "\": the " + Type.string(type) + " lookup of " + target
            + " failed (" + a.detail() + "); receivers would return temperror", "make the DNS servers for " + target + " answer");
        return;
      }
      if (a.isOk()) {
        found = true;
        if (type == Type.MX && a.records().size() > SpfEvaluation.NAME_LIMIT) {
          add(Severity.ERROR, prefix + "\"" + m.text() + "\": " + target + " has " + a.records().size()
              + " MX records; over " + SpfEvaluation.NAME_LIMIT + ", receivers return permerror",
              "list the sending hosts with ip4:/ip6: instead of mx");
        }
      }
    }
    if (!found) {
      voids++;
      String what = m.kind() == SpfRecord.Kind.MX ? "no MX record" : m.kind() == SpfRecord.Kind.A ? "no A or AAAA record"
          : "no A record";
      add(Severity.WARNING, prefix + "\"" + m.text() + "\": " + target + " has " + what + " (a void lookup)",
          "remove \"" + m.text() + "\" or publish the record");
    }
  }

  private static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && i < 200; i++) {
      char c = s.charAt(i);
      sb.append(c >= 0x20 && c <= 0x7e ? String.valueOf(c) : String.format("\\x%02X", (int) c & 0xff));
    }
    return sb.toString();
  }

  private void add(Severity severity, String text, String fix) {
    if (findings.size() < 200) {
      findings.add(new Finding(MailCheck.SPF, severity, text, fix, "RFC 7208"));
    }
  }
}
