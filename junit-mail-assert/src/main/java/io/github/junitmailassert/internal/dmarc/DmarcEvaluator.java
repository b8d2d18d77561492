package io.github.junitmailassert.internal.dmarc;

import io.github.junitmailassert.authresults.MethodResult;
import io.github.junitmailassert.dmarc.AlignmentMode;
import io.github.junitmailassert.dmarc.AuthorDomain;
import io.github.junitmailassert.dmarc.DkimIdentifier;
import io.github.junitmailassert.dmarc.DmarcInput;
import io.github.junitmailassert.dmarc.DmarcMode;
import io.github.junitmailassert.dmarc.DmarcPolicy;
import io.github.junitmailassert.dmarc.DmarcRecord;
import io.github.junitmailassert.dmarc.DmarcResult;
import io.github.junitmailassert.dmarc.DmarcResultCode;
import io.github.junitmailassert.dmarc.IdentifierAlignment;
import io.github.junitmailassert.dmarc.PolicyTag;
import io.github.junitmailassert.internal.dns.DnsLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.xbill.DNS.Resolver;

/**
 * DMARC evaluation (RFC 9989 section 5.3, or RFC 7489 section 6.6 with the Public Suffix List):
 * policy discovery, identifier alignment, result and disposition. Never throws for any input; the
 * DNS work is bounded (eight queries per tree walk, a fixed number of identifiers). Internal.
 */
@API(status = API.Status.INTERNAL)
public final class DmarcEvaluator {

  /** RFC 9989 section 11.5: evaluating every From domain is fine for a few, abusive for many. */
  public static final int MAX_AUTHOR_DOMAINS = 4;
  /** DKIM signatures beyond this many are not looked at for alignment. */
  public static final int MAX_DKIM_SIGNATURES = 16;

  private final DnsLookup dns;
  private final DmarcMode mode;

  public DmarcEvaluator(Resolver resolver, DmarcMode mode) {
    this.dns = new DnsLookup(resolver);
    this.mode = mode;
  }

  /** The organizational domain of {@code domain} in this mode; empty for a name that is not one, or a DNS failure. */
  public Optional<String> organizationalDomain(String domain) {
    Optional<String> name = DomainNames.normalize(domain);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    if (mode == DmarcMode.RFC9989) {
      DmarcDns.Walk walk = new DmarcDns(dns, mode).walk(name.get());
      return walk.temperror() == null ? Optional.of(DmarcDns.organizationalDomain(walk)) : Optional.empty();
    }
    return PublicSuffixList.organizationalDomain(name.get());
  }

  public DmarcResult evaluate(DmarcInput input) {
    AuthorDomain author = input.author();
    if (!author.isUsable()) {
      return permerror("", shortProblem(author.status()), "DMARC cannot be evaluated: " + author.reason() + ".");
    }
    List<String> domains = author.domains();
    if (domains.size() > MAX_AUTHOR_DOMAINS) {
      return permerror("", "too many From domains", "DMARC cannot be evaluated: " + author.reason()
          + "; receivers evaluate at most a few (RFC 9989 section 11.5), this check " + MAX_AUTHOR_DOMAINS + ".");
    }
    DmarcDns lookups = new DmarcDns(dns, mode);
    List<String> extra = new ArrayList<>();
    if (author.status() == AuthorDomain.Status.SEVERAL_ADDRESSES && domains.size() == 1) {
      extra.add(author.reason() + "; RFC 5322 then asks for a Sender field, and some receivers reject such mail");
    }
    if (domains.size() == 1) {
      return withNotes(single(domains.get(0), input, lookups), extra);
    }
    List<DmarcResult> results = new ArrayList<>();
    for (String d : domains) {
      results.add(single(d, input, lookups));
    }
    DmarcResult chosen = results.get(0);
    for (DmarcResult r : results) {
      if (severity(r) > severity(chosen)) {
        chosen = r;
      }
    }
    StringBuilder others = new StringBuilder();
    for (DmarcResult r : results) {
      if (r != chosen) {
        others.append(others.length() == 0 ? "" : ", ").append(r.authorDomain()).append(": ").append(r.code().keyword());
      }
    }
    extra.add(author.reason() + "; each domain was evaluated and the most severe result is reported, as RFC 9989"
        + " section 11.5 recommends (" + others + ")");
    return withNotes(chosen, extra);
  }

  /** Order for several From domains: a failure with the strictest policy first, a pass last. */
  private static int severity(DmarcResult r) {
    return switch (r.code()) {
      case FAIL -> 10 + r.disposition().ordinal();
      case TEMPERROR -> 4;
      case PERMERROR -> 3;
      case NONE -> 2;
      case PASS -> 1;
    };
  }

  private record Discovery(
      DmarcResultCode status, DmarcDns.Found found, PolicyTag tag, String organizationalDomain, String why, String detail) {}

  private DmarcResult single(String author, DmarcInput input, DmarcDns lookups) {
    Discovery d = mode == DmarcMode.RFC9989 ? discover9989(author, lookups) : discover7489(author, lookups);
    List<String> notes = new ArrayList<>(lookups.notes());
    if (d.status() == DmarcResultCode.TEMPERROR) {
      return new DmarcResult(DmarcResultCode.TEMPERROR, mode, author, d.organizationalDomain(), Optional.empty(),
          Optional.empty(), DmarcPolicy.NONE, DmarcPolicy.NONE, List.of(),
          "DMARC could not be evaluated for " + author + ": " + d.detail()
              + "; a receiver would defer the mail or decide without DMARC.",
          notes, part(DmarcResultCode.TEMPERROR, "", author));
    }
    if (d.status() == DmarcResultCode.NONE) {
      return none(author, d.organizationalDomain(), Optional.empty(), "No DMARC policy applies to " + author + ": "
          + d.detail() + ". Receivers such as Gmail and Yahoo require one from bulk senders; publish at least"
          + " \"v=DMARC1; p=none\" at _dmarc." + d.organizationalDomain() + ".", input, lookups, notes);
    }
    DmarcRecordParser.Parsed parsed = d.found().parsed();
    DmarcRecord record = parsed.record();
    String at = "_dmarc." + record.domain();
    for (String problem : record.problems()) {
      notes.add(at + ": " + problem);
    }
    DmarcPolicy policy;
    if (parsed.policyUsable()) {
      policy = switch (d.tag()) {
        case P -> record.policy().orElseThrow();
        case SP -> record.subdomainPolicy().orElseThrow();
        case NP -> record.nonExistentSubdomainPolicy().orElseThrow();
      };
    } else if (parsed.hasValidReportUri()) {
      policy = DmarcPolicy.NONE;
      notes.add(at + " has no valid p tag (or an sp/np tag that is not valid); as it names a report address,"
          + " receivers act as if it said p=none (" + section() + ")");
    } else {
      return none(author, d.organizationalDomain(), Optional.of(record), "No DMARC policy applies to " + author
          + ": the record at " + at + " has no valid p tag (or an sp/np tag that is not valid) and no report address,"
          + " so receivers apply no DMARC processing (" + section() + "). Fix the record, e.g. \"v=DMARC1; p=none\".",
          input, lookups, notes);
    }

    String orgAuthor = d.organizationalDomain();
    Alignments all = alignAll(author, orgAuthor, record.spfAlignment(), record.dkimAlignment(), input, lookups, notes);
    List<IdentifierAlignment> alignments = all.alignments();
    String alignmentFailure = all.temperror();
    boolean pass = alignments.stream().anyMatch(IdentifierAlignment::aligned);
    String policyText = d.tag().tag() + "=" + policy.keyword() + " of " + at + " (" + d.why() + ")";
    if (!pass && !alignmentFailure.isEmpty()) {
      return new DmarcResult(DmarcResultCode.TEMPERROR, mode, author, orgAuthor, Optional.of(record), Optional.of(d.tag()),
          policy, DmarcPolicy.NONE, alignments,
          "DMARC could not be evaluated for " + author + ": alignment needs an organizational domain and "
              + alignmentFailure + ". Policy: " + policyText + ".",
          notes, part(DmarcResultCode.TEMPERROR, "", author));
    }
    DmarcPolicy disposition = DmarcPolicy.NONE;
    if (!pass) {
      disposition = record.testing() ? policy.oneLevelBelow() : policy;
      if (record.testing() && policy != DmarcPolicy.NONE) {
        notes.add(at + " says t=y: the owner is testing its policy, so receivers apply " + disposition.keyword()
            + " instead of " + policy.keyword() + " (RFC 9989 section 4.7)");
      }
      if (record.percent().isPresent() && record.percent().getAsInt() < 100 && policy != DmarcPolicy.NONE) {
        notes.add(at + " says pct=" + record.percent().getAsInt() + ": RFC 7489 receivers apply " + policy.keyword()
            + " to that share of failing mail and one level milder to the rest; this result shows the full policy");
      }
    }
    DmarcResultCode status = pass ? DmarcResultCode.PASS : DmarcResultCode.FAIL;
    String reason;
    if (pass) {
      List<String> aligned = new ArrayList<>();
      alignments.stream().filter(IdentifierAlignment::aligned).forEach(a -> aligned.add(a.explanation()));
      reason = "DMARC passes for " + author + ": " + String.join("; ", aligned) + ". Policy: " + policyText + ".";
    } else {
      List<String> explained = new ArrayList<>();
      alignments.forEach(a -> explained.add(a.explanation()));
      String why = explained.isEmpty() ? "neither SPF nor DKIM authenticated any domain" : String.join("; ", explained);
      reason = "DMARC fails for " + author + ": no authenticated domain aligns with it (" + why + "). Policy: "
          + policyText + ", so a receiver would " + action(disposition) + ".";
    }
    return new DmarcResult(status, mode, author, orgAuthor, Optional.of(record), Optional.of(d.tag()), policy,
        disposition, alignments, reason, notes,
        part(status, d.tag().tag() + "=" + policy.keyword() + " dis=" + disposition.keyword(), author));
  }

  private record Alignments(List<IdentifierAlignment> alignments, String temperror) {}

  private Alignments alignAll(String author, String orgAuthor, AlignmentMode spfMode, AlignmentMode dkimMode,
      DmarcInput input, DmarcDns lookups, List<String> notes) {
    List<IdentifierAlignment> alignments = new ArrayList<>();
    String failure = "";
    if (!input.spfDomain().isEmpty()) {
      Aligned a = align(IdentifierAlignment.Method.SPF, input.spfDomain(), "", input.spfPassed(), author, orgAuthor,
          spfMode, lookups);
      alignments.add(a.alignment());
      failure = a.temperror();
    }
    int signatures = 0;
    for (DkimIdentifier sig : input.dkimSignatures()) {
      if (++signatures > MAX_DKIM_SIGNATURES) {
        notes.add("only the first " + MAX_DKIM_SIGNATURES + " of " + input.dkimSignatures().size()
            + " DKIM signatures were looked at");
        break;
      }
      Aligned a = align(IdentifierAlignment.Method.DKIM, sig.domain(), sig.selector(), sig.passed(), author, orgAuthor,
          dkimMode, lookups);
      alignments.add(a.alignment());
      failure = failure.isEmpty() ? a.temperror() : failure;
    }
    return new Alignments(alignments, failure);
  }

  /** A result without a policy still says what would align, which tells the sender what a new record would do. */
  private DmarcResult none(String author, String org, Optional<DmarcRecord> record, String reason, DmarcInput input,
      DmarcDns lookups, List<String> notes) {
    Alignments all = alignAll(author, org.isEmpty() ? author : org, AlignmentMode.RELAXED, AlignmentMode.RELAXED,
        input, lookups, notes);
    return new DmarcResult(DmarcResultCode.NONE, mode, author, org, record, Optional.empty(), DmarcPolicy.NONE,
        DmarcPolicy.NONE, all.alignments(), reason, notes, part(DmarcResultCode.NONE, "", author));
  }

  private static String action(DmarcPolicy disposition) {
    return switch (disposition) {
      case NONE -> "still deliver it (the policy is none)";
      case QUARANTINE -> "put it in the spam folder";
      case REJECT -> "reject it";
    };
  }

  private String section() {
    return mode == DmarcMode.RFC9989 ? "RFC 9989 section 4.10.1" : "RFC 7489 section 6.6.3";
  }

  private Discovery discover9989(String author, DmarcDns lookups) {
    DmarcDns.Found first = lookups.lookup(author);
    if (first.kind() == DmarcDns.Kind.TEMPERROR) {
      return new Discovery(DmarcResultCode.TEMPERROR, null, null, "", "", first.detail());
    }
    DmarcDns.Walk walk = lookups.walk(author);
    String org = DmarcDns.organizationalDomain(walk);
    if (walk.temperror() != null) {
      return new Discovery(DmarcResultCode.TEMPERROR, null, null, "", "", "the DNS tree walk stopped: "
          + walk.temperror().detail());
    }
    if (first.isRecord()) {
      return new Discovery(DmarcResultCode.PASS, first, PolicyTag.P, org, "published for the From domain", "");
    }
    DmarcDns.Found record = null;
    DmarcDns.Found publicSuffix = null;
    for (DmarcDns.Found f : walk.records()) {
      if (f.domain().equals(org)) {
        record = f;
      }
      if (f.record().psd() == DmarcRecord.Psd.Y) {
        publicSuffix = f;
      }
    }
    String psdText = "";
    if (record == null && publicSuffix != null) {
      record = publicSuffix;
      psdText = "the public suffix domain " + publicSuffix.domain() + "'s record (psd=y); ";
    }
    if (record == null) {
      String detail = first.kind() == DmarcDns.Kind.SEVERAL ? first.detail() + ", and the DNS tree walk found no other"
          : "the DNS tree walk (" + String.join(", ", queried(author)) + ") found no DMARC record";
      return new Discovery(DmarcResultCode.NONE, null, null, org, "", detail);
    }
    DmarcRecord r = record.record();
    if (author.equals(org)) {
      String why = psdText + "the From domain is the organizational domain, one label below the public suffix domain";
      return new Discovery(DmarcResultCode.PASS, record, PolicyTag.P, org, why, "");
    }
    if (r.nonExistentSubdomainPolicy().isPresent()) {
      Boolean exists = lookups.exists(author);
      if (exists == null) {
        return new Discovery(DmarcResultCode.TEMPERROR, null, null, org, "",
            "the lookup whether " + author + " exists (for np) failed");
      }
      if (!exists) {
        return new Discovery(DmarcResultCode.PASS, record, PolicyTag.NP, org, psdText + "the From domain does not exist"
            + " (NXDOMAIN) below the organizational domain " + org, "");
      }
    }
    if (r.subdomainPolicy().isPresent()) {
      return new Discovery(DmarcResultCode.PASS, record, PolicyTag.SP, org, psdText + "the From domain is a subdomain of"
          + " the organizational domain " + org, "");
    }
    return new Discovery(DmarcResultCode.PASS, record, PolicyTag.P, org, psdText + "the From domain is a subdomain of"
        + " the organizational domain " + org + " and the record has no sp, so p applies", "");
  }

  private static List<String> queried(String author) {
    List<String> names = new ArrayList<>();
    for (String t : DmarcDns.walkTargets(author)) {
      names.add("_dmarc." + t);
    }
    return names;
  }

  private Discovery discover7489(String author, DmarcDns lookups) {
    Optional<String> registrable = PublicSuffixList.organizationalDomain(author);
    String org = registrable.orElse(author);
    DmarcDns.Found first = registrable.isEmpty() ? null : lookups.lookup(author);
    if (first == null) {
      return new Discovery(DmarcResultCode.NONE, null, null, author, "", author + " is a public suffix, and RFC 7489"
          + " receivers do not look up policies of public suffixes");
    }
    if (first.kind() == DmarcDns.Kind.TEMPERROR) {
      return new Discovery(DmarcResultCode.TEMPERROR, null, null, org, "", first.detail());
    }
    if (first.isRecord()) {
      return new Discovery(DmarcResultCode.PASS, first, PolicyTag.P, org, "published for the From domain", "");
    }
    if (first.kind() == DmarcDns.Kind.SEVERAL) {
      return new Discovery(DmarcResultCode.NONE, null, null, org, "", first.detail()
          + ", which ends policy discovery (RFC 7489 section 6.6.3)");
    }
    if (org.equals(author)) {
      return new Discovery(DmarcResultCode.NONE, null, null, org, "", first.detail()
          + ", and " + author + " is its own organizational domain");
    }
    DmarcDns.Found second = lookups.lookup(org);
    if (second.kind() == DmarcDns.Kind.TEMPERROR) {
      return new Discovery(DmarcResultCode.TEMPERROR, null, null, org, "", second.detail());
    }
    if (!second.isRecord()) {
      return new Discovery(DmarcResultCode.NONE, null, null, org, "", first.detail() + " and " + second.detail());
    }
    if (second.record().subdomainPolicy().isPresent()) {
      return new Discovery(DmarcResultCode.PASS, second, PolicyTag.SP, org, "the From domain is a subdomain of the"
          + " organizational domain " + org, "");
    }
    return new Discovery(DmarcResultCode.PASS, second, PolicyTag.P, org, "the From domain is a subdomain of the"
        + " organizational domain " + org + " and the record has no sp, so p applies", "");
  }

  private record Aligned(IdentifierAlignment alignment, String temperror) {}

  private Aligned align(IdentifierAlignment.Method method, String rawDomain, String selector, boolean passed,
      String author, String orgAuthor, AlignmentMode required, DmarcDns lookups) {
    String label = method == IdentifierAlignment.Method.SPF ? "SPF domain " : "DKIM d=";
    String sel = selector.isEmpty() ? "" : " (s=" + DmarcRecordParser.shorten(selector) + ")";
    // smtp.mailfrom is often given as the whole address; its domain is what SPF checked.
    int at = rawDomain.lastIndexOf('@');
    Optional<String> normalized = DomainNames.normalize(at >= 0 ? rawDomain.substring(at + 1) : rawDomain);
    String shown = normalized.orElseGet(() -> DmarcRecordParser.shorten(rawDomain));
    if (normalized.isEmpty()) {
      return new Aligned(new IdentifierAlignment(method, rawDomain, selector, passed, IdentifierAlignment.Level.NONE,
          required, false, label + "\"" + shown + "\"" + sel + " is not a valid domain name"), "");
    }
    String domain = normalized.get();
    if (!passed) {
      String what = method == IdentifierAlignment.Method.SPF ? "SPF did not pass for " + domain
          : "DKIM d=" + domain + sel + " did not verify";
      return new Aligned(new IdentifierAlignment(method, domain, selector, false, IdentifierAlignment.Level.NONE,
          required, false, what + ", so it cannot align"), "");
    }
    String tag = method == IdentifierAlignment.Method.SPF ? "aspf" : "adkim";
    if (domain.equals(author)) {
      return new Aligned(new IdentifierAlignment(method, domain, selector, true, IdentifierAlignment.Level.STRICT,
          required, true, label + domain + sel + " is the From domain: aligned (strict)"), "");
    }
    String orgIdentifier;
    String failure = "";
    if (mode == DmarcMode.RFC9989) {
      DmarcDns.Walk walk = lookups.walk(domain);
      orgIdentifier = walk.temperror() == null ? DmarcDns.organizationalDomain(walk) : null;
      failure = walk.temperror() == null ? "" : walk.temperror().detail();
    } else {
      orgIdentifier = PublicSuffixList.organizationalDomain(domain).orElse(domain);
    }
    if (orgIdentifier == null) {
      String text = label + domain + sel + ": its organizational domain is unknown, " + failure;
      // Only a failure that could change the outcome (relaxed mode) makes the result a temperror.
      return new Aligned(new IdentifierAlignment(method, domain, selector, true, IdentifierAlignment.Level.NONE,
          required, false, text), required == AlignmentMode.RELAXED ? failure : "");
    }
    if (orgIdentifier.equals(orgAuthor)) {
      boolean ok = required == AlignmentMode.RELAXED;
      String text = label + domain + sel + " shares the organizational domain " + orgAuthor + " with the From domain: "
          + (ok ? "aligned (relaxed)" : "not aligned, as the record asks for strict alignment (" + tag + "=s)");
      return new Aligned(new IdentifierAlignment(method, domain, selector, true, IdentifierAlignment.Level.RELAXED,
          required, ok, text), "");
    }
    return new Aligned(new IdentifierAlignment(method, domain, selector, true, IdentifierAlignment.Level.NONE,
        required, false, label + domain + sel + " belongs to the organizational domain " + orgIdentifier
            + ", the From domain to " + orgAuthor + ": not aligned"), "");
  }

  private DmarcResult permerror(String author, String shortProblem, String reason) {
    return new DmarcResult(DmarcResultCode.PERMERROR, mode, author, "", Optional.empty(), Optional.empty(),
        DmarcPolicy.NONE, DmarcPolicy.NONE, List.of(), reason, List.of(),
        part(DmarcResultCode.PERMERROR, shortProblem, author));
  }

  /** The result as receivers write it in Authentication-Results: a comment, and the From domain when known. */
  private static MethodResult part(DmarcResultCode status, String comment, String author) {
    MethodResult r = MethodResult.of("dmarc", status.keyword()).withComment(comment);
    return author.isEmpty() ? r : r.withProperty("header", "from", author);
  }

  private static String shortProblem(AuthorDomain.Status status) {
    return switch (status) {
      case NO_FROM_FIELD -> "no From field";
      case SEVERAL_FROM_FIELDS -> "several From fields";
      case NO_DOMAIN -> "From address without a domain";
      case UNPARSEABLE -> "From field not parseable";
      case FOUND, SEVERAL_ADDRESSES -> "From domain";
    };
  }

  private static DmarcResult withNotes(DmarcResult r, List<String> extra) {
    if (extra.isEmpty()) {
      return r;
    }
    List<String> notes = new ArrayList<>(extra);
    notes.addAll(r.notes());
    return new DmarcResult(r.code(), r.mode(), r.authorDomain(), r.organizationalDomain(), r.record(),
        r.policyTag(), r.policy(), r.disposition(), r.alignments(), r.reason(), notes, r.methodResult());
  }
}
