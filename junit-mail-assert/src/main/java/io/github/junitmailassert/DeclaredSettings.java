package io.github.junitmailassert;

import io.github.junitmailassert.MailDeliverability.Lifecycle;
import io.github.junitmailassert.internal.extension.Settings;
import io.github.junitmailassert.internal.extension.SmtpSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
        clock(a.clock()), a.smtpPort(), a.dnsPort(), wait(a.awaitTimeout()), List.of(),
        new SmtpSettings(a.requireTls(), a.implicitTls(), SmtpSettings.DEFAULT.faults()),
        List.of(a.spamFilters()), Optional.empty());
  }

  private static Duration wait(String declared) {
    return declared.isBlank() ? null : Settings.parseWait(declared, "awaitTimeout");
  }

  /** {@code base} with what {@code o} declares in its place; its records replace the declared ones of their name and type. */
  static Settings override(Settings base, MailDeliverabilityOverride o) {
    List<String> replacing = new ArrayList<>(base.replacingRecords());
    replacing.addAll(List.of(o.records()));
    return new Settings(one(o.domain(), "domain", base.domain()), one(o.clientIp(), "clientIp", base.clientIp()),
        one(o.clientHostName(), "clientHostName", base.clientHostName()), one(o.spf(), "spf", base.spf()),
        one(o.dmarc(), "dmarc", base.dmarc()), base.records(), base.zoneFiles(), base.zoneFileOrigin(),
        o.verifyEachTest().length == 0 ? base.verifyEachTest() : one(o.verifyEachTest()),
        o.checks().length == 0 ? base.checks() : Set.copyOf(Arrays.asList(o.checks())),
        one(o.receivingHost(), "receivingHost", base.receivingHost()),
        one(o.dmarcMode(), "dmarcMode", base.dmarcMode()), one(o.dkimPolicy(), "dkimPolicy", base.dkimPolicy()),
        o.blockLists().length == 0 ? base.blockLists() : List.of(o.blockLists()), base.perClass(),
        o.clock().length == 0 ? base.clock() : clock(one(o.clock(), "clock", "")),
        o.smtpPort().length == 0 ? base.smtpPort() : one(o.smtpPort(), "smtpPort"),
        o.dnsPort().length == 0 ? base.dnsPort() : one(o.dnsPort(), "dnsPort"),
        o.awaitTimeout().length == 0 ? base.awaitTimeout() : wait(one(o.awaitTimeout(), "awaitTimeout", "")),
        replacing, base.smtp(), base.spamFilters(), base.spamFilterLauncher());
  }

  private static <T> T one(T[] declared, String attribute, T inherited) {
    atMostOne(declared.length, attribute, Arrays.toString(declared));
    return declared.length == 0 ? inherited : declared[0];
  }

  private static boolean one(boolean[] declared) {
    atMostOne(declared.length, "verifyEachTest", Arrays.toString(declared));
    return declared[0];
  }

  private static int one(int[] declared, String attribute) {
    atMostOne(declared.length, attribute, Arrays.toString(declared));
    return declared[0];
  }

  private static void atMostOne(int length, String attribute, String values) {
    if (length > 1) {
      throw new ExtensionConfigurationException("@MailDeliverabilityOverride(" + attribute + ") takes one value, not "
          + length + ": " + values);
    }
  }

  static Clock clock(String instant) {
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
