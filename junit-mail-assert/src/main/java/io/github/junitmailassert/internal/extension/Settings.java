package io.github.junitmailassert.internal.extension;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.MailDeliverability.Lifecycle;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dkim.DkimPolicy;
import io.github.junitmailassert.dmarc.DmarcMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What a test declared, from the annotation or the builder. Internal.
 */
public record Settings(String domain, String clientIp, String clientHostName, String spf, String dmarc,
    List<String> records, List<String> zoneFiles, String zoneFileOrigin, boolean verifyEachTest,
    Set<MailCheck> checks, String receivingHost, DmarcMode dmarcMode, DkimPolicy dkimPolicy, List<String> blockLists,
    Lifecycle lifecycle, Clock clock) {

  /** Every default, read from the annotation's own: the one place they are written. */
  public static final Settings DEFAULTS = of(Defaults.class.getAnnotation(MailDeliverability.class));

  /** What verifyEachTest runs unless told otherwise. */
  public static final Set<MailCheck> DEFAULT_CHECKS = DEFAULTS.checks();

  @MailDeliverability
  private static final class Defaults {}

  public Settings {
    records = List.copyOf(records);
    blockLists = List.copyOf(blockLists);
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
      if (checks.contains(MailCheck.BLOCK_LISTS) && (blockLists.isEmpty() || clientIp.isBlank())) {
        throw new ExtensionConfigurationException("verifyEachTest checks BLOCK_LISTS: declare blockLists (the zones the"
            + " receiver asks) and clientIp, or leave BLOCK_LISTS out of checks");
      }
    }
  }

  public static Settings of(MailDeliverability a) {
    return new Settings(a.domain(), a.clientIp(), a.clientHostName(), a.spf(), a.dmarc(), List.of(a.records()),
        List.of(a.zoneFiles()), a.zoneFileOrigin(), a.verifyEachTest(), Set.copyOf(Arrays.asList(a.checks())), a.receivingHost(),
        a.dmarcMode(), a.dkimPolicy(), List.of(a.blockLists()), a.lifecycle(), clock(a.clock()));
  }

  private static Clock clock(String instant) {
    if (instant.isBlank()) {
      return Clock.systemUTC();
    }
    try {
      return Clock.fixed(Instant.parse(instant.strip()), ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new ExtensionConfigurationException("clock must be an ISO-8601 instant such as \"2026-11-27T10:00:00Z\","
          + " not \"" + instant + "\"", e);
    }
  }

  public boolean hasDomain() {
    return !domain.isBlank();
  }
}
