package io.github.junitmailassert.profile;

import io.github.junitmailassert.check.CheckOutcome;
import io.github.junitmailassert.check.Finding;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dmarc.DmarcFindings;
import io.github.junitmailassert.dmarc.DmarcPolicy;
import io.github.junitmailassert.receiver.ReceiverResult;
import java.util.List;
import java.util.Optional;

/**
 * The rules the published profiles share, each a predicate over the receiver result: what a
 * receiver holds against a mail is the receiver's own findings, never judged again here.
 */
final class Rules {

  private Rules() {}

  /** SPF or DKIM passes; else both checks' findings, and the fix is either one. */
  static ProfileRule spfOrDkim(String requirement, String source, Verdict consequence) {
    return new ProfileRule(requirement, source, consequence, r -> {
      CheckOutcome spf = r.outcome(MailCheck.SPF);
      CheckOutcome dkim = r.outcome(MailCheck.DKIM);
      if (spf.isPassed() || dkim.isPassed()) {
        return Optional.empty();
      }
      ProfileRule.Breach s = ProfileRule.breachOf(spf).orElseThrow();
      ProfileRule.Breach d = ProfileRule.breachOf(dkim).orElseThrow();
      String fix = s.fix().isEmpty() || d.fix().isEmpty() ? s.fix() + d.fix() : "either " + s.fix() + "; or " + d.fix();
      return Optional.of(new ProfileRule.Breach(s.problem() + "; " + d.problem(), fix));
    });
  }

  /** SPF and DKIM both pass; else the findings of each that does not. */
  static ProfileRule spfAndDkim(String requirement, String source, Verdict consequence) {
    return new ProfileRule(requirement, source, consequence, r -> {
      Optional<ProfileRule.Breach> s = ProfileRule.breachOf(r.outcome(MailCheck.SPF));
      Optional<ProfileRule.Breach> d = ProfileRule.breachOf(r.outcome(MailCheck.DKIM));
      if (s.isEmpty() || d.isEmpty()) {
        return s.or(() -> d);
      }
      return Optional.of(new ProfileRule.Breach(s.get().problem() + "; " + d.get().problem(),
          s.get().fix() + "; " + d.get().fix()));
    });
  }

  /** The From domain publishes a DMARC record (p=none is enough). */
  static ProfileRule dmarcPublished(String requirement, String source, Verdict consequence) {
    return new ProfileRule(requirement, source, consequence, r -> r.dmarc().record().isPresent()
        ? Optional.empty()
        : Optional.of(new ProfileRule.Breach("no DMARC record for "
            + (r.dmarc().authorDomain().isEmpty() ? "the From domain" : r.dmarc().authorDomain()),
            DmarcFindings.publishFix(r.dmarc()))));
  }

  /** From is aligned with a passing SPF or DKIM domain. */
  static ProfileRule aligned(String requirement, String source, Verdict consequence) {
    return new ProfileRule(requirement, source, consequence,
        r -> r.dmarc().alignments().stream().anyMatch(a -> a.authenticated() && a.aligned()) ? Optional.empty()
            : Optional.of(new ProfileRule.Breach(r.dmarc().reason(), DmarcFindings.alignmentFix(r.dmarc()))));
  }

  /**
   * The receiver honours the From domain's DMARC policy: broken when DMARC fails and the
   * disposition the receiver applies is {@code disposition} (quarantine or reject).
   */
  static ProfileRule dmarcDisposition(DmarcPolicy disposition, String source, Verdict consequence) {
    return new ProfileRule("the From domain's DMARC policy p=" + disposition.keyword() + " is honoured", source,
        consequence, r -> r.dmarc().disposition() == disposition
            ? Optional.of(ProfileRule.breachOf(r.outcome(MailCheck.DMARC))
                .orElseGet(() -> new ProfileRule.Breach(r.dmarc().reason(), DmarcFindings.fix(r.dmarc()))))
            : Optional.empty());
  }

  /** The client IP has forward-confirmed reverse DNS; not checked (no client IP) breaks it, saying why. */
  static ProfileRule reverseDns(String source, Verdict consequence) {
    return new ProfileRule("the sending IP has forward-confirmed reverse DNS", source, consequence, r -> {
      CheckOutcome outcome = r.outcome(MailCheck.REVERSE_DNS);
      if (outcome.status() == CheckOutcome.Status.NOT_CHECKED) {
        return ProfileRule.breachOf(outcome);
      }
      return r.sendingHost().reverseDns().isConfirmed() ? Optional.empty()
          : Optional.of(ProfileRule.breachOf(r.sendingHost().reverseDns().findings()));
    });
  }

  /** The mail came over TLS: {@link io.github.junitmailassert.mail.CapturedMail#isTls()}. */
  static ProfileRule tls(String source, Verdict consequence) {
    return ProfileRule.of("the connection uses TLS", source, consequence,
        r -> r.mail().isTls(), r -> "the mail was sent without STARTTLS",
        "enable STARTTLS in the client (Jakarta Mail: mail.smtp.starttls.enable=true; Spring Boot:"
            + " spring.mail.properties.mail.smtp.starttls.enable=true)");
  }

  /** The format check passes. */
  static ProfileRule format(String source, Verdict consequence) {
    return ProfileRule.requiring(MailCheck.FORMAT, "the message is formatted per RFC 5322", source, consequence);
  }

  /**
   * The message has one valid Message-ID: broken by the format check's findings about Message-ID
   * (none, an empty or malformed one, several).
   */
  static ProfileRule messageId(String requirement, String source, Verdict consequence) {
    return new ProfileRule(requirement, source, consequence, r -> findingsNaming(r, "Message-ID"));
  }

  /**
   * The message has one From field that names an address: broken by the format check's findings
   * about the From field, or when DMARC finds no From domain in it.
   */
  static ProfileRule fromAddress(String requirement, String source, Verdict consequence) {
    return new ProfileRule(requirement, source, consequence, r -> {
      Optional<ProfileRule.Breach> count = findingsNaming(r, " From field");
      if (count.isPresent() || !r.dmarc().authorDomain().isEmpty()) {
        return count;
      }
      return Optional.of(new ProfileRule.Breach("the From field names no address: " + r.dmarc().reason(),
          "write From as an address in your domain, e.g. From: Sample Shop <shop@your-domain>"));
    });
  }

  /** Broken when a block list the receiver asks lists the client IP; kept when the receiver asks none. */
  static ProfileRule notListed(String requirement, String source, Verdict consequence) {
    return new ProfileRule(requirement, source, consequence, r -> {
      CheckOutcome outcome = r.outcome(MailCheck.BLOCK_LISTS);
      return outcome.isFailed() ? Optional.of(ProfileRule.breachOf(outcome.failures())) : Optional.empty();
    });
  }

  /** The format check's findings whose text names {@code field}; the check's own words and fixes. */
  private static Optional<ProfileRule.Breach> findingsNaming(ReceiverResult r, String field) {
    List<Finding> named = r.outcome(MailCheck.FORMAT).findings().stream().filter(f -> f.text().contains(field))
        .toList();
    return named.isEmpty() ? Optional.empty() : Optional.of(ProfileRule.breachOf(named));
  }

  /** The From domain a receiver's reply names, else the envelope sender's domain. */
  static String sendingDomain(ReceiverResult r) {
    String from = r.dmarc().authorDomain();
    return from.isEmpty() ? r.mail().envelopeSenderDomain().orElse("") : from;
  }

  /** The client IP the receiver checked with, as text. */
  static String clientIp(ReceiverResult r) {
    return r.spf().clientIp().getHostAddress();
  }

  /** The first recipient, as a carrier's reply names it. */
  static String recipient(ReceiverResult r) {
    return r.mail().recipients().isEmpty() ? "" : r.mail().recipients().get(0);
  }
}
