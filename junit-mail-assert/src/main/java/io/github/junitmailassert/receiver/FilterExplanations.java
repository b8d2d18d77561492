package io.github.junitmailassert.receiver;

import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.envelope.LocalNameLeak.Place;
import io.github.junitmailassert.filter.FilterRule;
import io.github.junitmailassert.filter.SpamFilterResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which of the receiver's own findings explains a filter rule: SpamAssassin's and rspamd's rules
 * for SPF, DKIM, DMARC, reverse DNS, the HELO name, the envelope sender, the Message-ID, block
 * lists and header format, matched by their names' prefixes. A rule gets the findings only when
 * the check found something: the filter and the check then agree, and the check has the fix.
 */
final class FilterExplanations {

  private FilterExplanations() {}

  static SpamFilterResult explain(SpamFilterResult result, ReceiverResult receiver) {
    if (!result.isScored()) {
      return result;
    }
    List<FilterRule> explained = new ArrayList<>();
    for (FilterRule rule : result.rules()) {
      explained.add(rule.score() > 0 ? rule.explainedBy(findings(rule.name(), receiver)) : rule);
    }
    return result.withRules(explained);
  }

  static List<Finding> findings(String rule, ReceiverResult r) {
    String name = rule.toUpperCase(Locale.ROOT).replaceFirst("^T_", "");
    Set<Finding> found = new LinkedHashSet<>();
    if (starts(name, "SPF_HELO_", "R_SPF_HELO")) {
      found.addAll(r.leakFindings(Place.HELO));
      found.addAll(findingsOf(r, MailCheck.SPF));
    } else if (starts(name, "SPF_", "R_SPF_")) {
      found.addAll(findingsOf(r, MailCheck.SPF));
    } else if (starts(name, "DKIM_", "R_DKIM_")) {
      found.addAll(findingsOf(r, MailCheck.DKIM));
    } else if (starts(name, "DMARC_")) {
      found.addAll(findingsOf(r, MailCheck.DMARC));
    } else if (starts(name, "RDNS_", "HFILTER_RDNS_", "HFILTER_HOSTNAME_")) {
      if (r.receiver().declaredClientIp().isPresent()) { // else the loopback address, which says nothing
        found.addAll(r.sendingHost().reverseDns().findings());
      }
    } else if (starts(name, "HELO_", "FSL_HELO_", "HFILTER_HELO_", "RCVD_HELO_", "RCVD_NUMERIC_HELO")) {
      List<Finding> leaks = r.leakFindings(Place.HELO);
      found.addAll(leaks.isEmpty() ? r.sendingHost().helo().findings() : leaks);
    } else if (starts(name, "MID_", "MSGID_", "MISSING_MID")) {
      found.addAll(r.leakFindings(Place.MESSAGE_ID));
      r.outcome(MailCheck.FORMAT).findings().stream().filter(f -> f.text().contains("Message-ID")).forEach(found::add);
    } else if (starts(name, "ENVFROM_", "HFILTER_FROMHOST_", "NO_DNS_FOR_FROM", "FORGED_SENDER",
        "HEADER_FROM_DIFFERENT_DOMAINS")) {
      found.addAll(r.leakFindings(Place.MAIL_FROM));
      found.addAll(r.outcome(MailCheck.ENVELOPE_DOMAIN).findings());
    } else if (starts(name, "RCVD_IN_", "RBL_", "RECEIVED_")) {
      found.addAll(findingsOf(r, MailCheck.BLOCK_LISTS));
    } else if (starts(name, "MISSING_", "INVALID_DATE", "DATE_IN_")) {
      found.addAll(r.outcome(MailCheck.FORMAT).findings());
    }
    return List.copyOf(found);
  }

  private static List<Finding> findingsOf(ReceiverResult r, MailCheck check) {
    return r.outcome(check).findings();
  }

  private static boolean starts(String name, String... prefixes) {
    for (String prefix : prefixes) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
