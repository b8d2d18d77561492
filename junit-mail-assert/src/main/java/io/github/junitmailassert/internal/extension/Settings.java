package io.github.junitmailassert.internal.extension;

import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dkim.DkimPolicy;
import io.github.junitmailassert.dmarc.DmarcMode;
import io.github.junitmailassert.filter.FilterLauncher;
import io.github.junitmailassert.filter.SpamFilter;
import io.github.junitmailassert.internal.dns.ZoneDeclarations;
import io.github.junitmailassert.mail.CapturedMails;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What a test declared, from the annotation or the builder (the JUnit door reads both into this
 * one record; the defaults are the annotation's). Internal.
 *
 * @param perClass whether the tests of a class share one environment (lifecycle PER_CLASS)
 * @param smtpPort the capture server's port, 0 for a free one
 * @param dnsPort the loopback DNS server's port (UDP and TCP), 0 for a free one
 * @param awaitTimeout the wait of {@code single()} and {@code await(n)}; null when not declared
 *     (then the configuration parameter's, else {@link CapturedMails#DEFAULT_WAIT})
 * @param replacingRecords a test method's records, each replacing the declared records of its name
 *     and type
 * @param smtp how the capture server answers (TLS, faults)
 * @param spamFilters the real filters whose verdict counts for SPAM_SCORE
 * @param spamFilterLauncher where the real filters run; empty for processes of this machine
 */
@API(status = API.Status.INTERNAL)
public record Settings(String domain, String clientIp, String clientHostName, String spf, String dmarc,
    List<String> records, List<String> zoneFiles, String zoneFileOrigin, boolean verifyEachTest,
    Set<MailCheck> checks, String receivingHost, DmarcMode dmarcMode, DkimPolicy dkimPolicy, List<String> blockLists,
    boolean perClass, Clock clock, int smtpPort, int dnsPort, Duration awaitTimeout, List<String> replacingRecords,
    SmtpSettings smtp, List<SpamFilter> spamFilters, Optional<FilterLauncher> spamFilterLauncher) {

  private static final Pattern WAIT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

  public Settings {
    replacingRecords = List.copyOf(replacingRecords);
    records = List.copyOf(records);
    blockLists = List.copyOf(blockLists);
    spamFilters = List.copyOf(spamFilters);
    Objects.requireNonNull(spamFilterLauncher, "spamFilterLauncher");
    zoneFiles = List.copyOf(zoneFiles);
    EnumSet<MailCheck> chosen = EnumSet.noneOf(MailCheck.class);
    chosen.addAll(checks);
    checks = Set.copyOf(chosen);
  }

  /**
   * Refuses settings that cannot work, naming the attribute; called when the environment starts,
   * so both doors fail the same way.
   */
  public void validate() {
    smtp.validate();
    if (smtpPort < 0 || smtpPort > 65_535) {
      throw new ExtensionConfigurationException("smtpPort must be a TCP port from 1 to 65535 (or 0, the default, for a"
          + " free one), not " + smtpPort);
    }
    if (dnsPort < 0 || dnsPort > 65_535) {
      throw new ExtensionConfigurationException("dnsPort must be a port from 1 to 65535 (or 0, the default, for a"
          + " free one), not " + dnsPort);
    }
    for (String zone : blockLists) {
      if (zone.isBlank()) {
        throw new ExtensionConfigurationException("blockLists: a block list is a DNS zone such as"
            + " \"zen.dnsbl.example\", not \"" + zone + "\"");
      }
    }
    if (verifyEachTest && checks.isEmpty()) {
      throw new ExtensionConfigurationException("verifyEachTest with no checks would gate nothing: name the checks, or"
          + " leave verifyEachTest off");
    }
    if (verifyEachTest) {
      if (checks.contains(MailCheck.ENVELOPE_DOMAIN) && domain.isBlank()) {
        throw new ExtensionConfigurationException("verifyEachTest checks ENVELOPE_DOMAIN: declare the domain the application"
            + " sends from, or leave ENVELOPE_DOMAIN out of checks");
      }
      if ((checks.contains(MailCheck.SPF) || checks.contains(MailCheck.REVERSE_DNS)) && clientIp.isBlank()) {
        throw new ExtensionConfigurationException("verifyEachTest checks SPF and REVERSE_DNS for the client IP receivers would"
            + " see: declare clientIp (over loopback every client is 127.0.0.1), or leave them out of checks");
      }
      if (checks.contains(MailCheck.SPAM_SCORE) && spamFilters.isEmpty()) {
        throw new ExtensionConfigurationException("verifyEachTest checks SPAM_SCORE: declare spamFilters (the real"
            + " filters whose verdict counts), or leave SPAM_SCORE out of checks");
      }
      if (checks.contains(MailCheck.BLOCK_LISTS) && (blockLists.isEmpty() || clientIp.isBlank())) {
        throw new ExtensionConfigurationException("verifyEachTest checks BLOCK_LISTS: declare blockLists (the zones the"
            + " receiver asks) and clientIp, or leave BLOCK_LISTS out of checks");
      }
    }
  }

  public boolean hasDomain() {
    return !domain.isBlank();
  }

  /** The wait of {@code single()} and {@code await(n)}: the declared one, else the default. */
  public Duration await() {
    return awaitTimeout != null ? awaitTimeout : CapturedMails.DEFAULT_WAIT;
  }

  /** These settings, with {@code wait} as the wait when none was declared (the configuration parameter's). */
  public Settings withAwaitTimeoutDefault(Duration wait) {
    if (awaitTimeout != null || wait == null) {
      return this;
    }
    return new Settings(domain, clientIp, clientHostName, spf, dmarc, records, zoneFiles, zoneFileOrigin, verifyEachTest,
        checks, receivingHost, dmarcMode, dkimPolicy, blockLists, perClass, clock, smtpPort, dnsPort, wait, replacingRecords,
        smtp, spamFilters, spamFilterLauncher);
  }

  /** What the zone is declared from. */
  public ZoneDeclarations zoneDeclarations() {
    return new ZoneDeclarations(domain, clientIp, clientHostName, spf, dmarc, records, zoneFiles, zoneFileOrigin,
        replacingRecords);
  }

  /** Whether a receiver built from {@code other} is the same as one built from these settings. */
  boolean sameReceiverAs(Settings other) {
    return domain.equals(other.domain) && clientIp.equals(other.clientIp)
        && clientHostName.equals(other.clientHostName) && receivingHost.equals(other.receivingHost)
        && dmarcMode == other.dmarcMode && dkimPolicy == other.dkimPolicy && blockLists.equals(other.blockLists)
        && clock.equals(other.clock) && spamFilters.equals(other.spamFilters)
        && spamFilterLauncher.equals(other.spamFilterLauncher);
  }

  /**
   * Reads a wait written as JUnit writes its timeouts: a number and a unit, {@code "2 s"},
   * {@code "500 ms"}, {@code "1 m"} (seconds when no unit is given).
   *
   * @param where what declared it, named in the error: an attribute or a configuration parameter
   */
  public static Duration parseWait(String text, String where) {
    Matcher m = WAIT.matcher(text.strip());
    if (!m.matches()) {
      throw new ExtensionConfigurationException(where + " must be a wait such as \"2 s\" or \"500 ms\" (a number,"
          + " then ms, s, m or h), not \"" + text + "\"");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }
}
