package io.github.junitmailassert;

import io.github.junitmailassert.MailDeliverability.Lifecycle;
import io.github.junitmailassert.internal.extension.Settings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Reads {@link MailDeliverability} into the {@link Settings} both doors share; its defaults are the builder's too. */
final class DeclaredSettings {

  /** Every default, read from the annotation's own: the one place they are written. */
  static final Settings DEFAULTS = of(Defaults.class.getAnnotation(MailDeliverability.class));

  @MailDeliverability
  private static final class Defaults {}

  private DeclaredSettings() {}

  static Settings of(MailDeliverability a) {
    return new Settings(a.domain(), a.clientIp(), a.clientHostName(), a.spf(), a.dmarc(), List.of(a.records()),
        List.of(a.zoneFiles()), a.zoneFileOrigin(), a.verifyEachTest(), Set.copyOf(Arrays.asList(a.checks())),
        a.receivingHost(), a.dmarcMode(), a.dkimPolicy(), List.of(a.blockLists()), a.lifecycle() == Lifecycle.PER_CLASS,
        clock(a.clock()), List.of(a.spamFilters()));
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
}
