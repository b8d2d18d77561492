package io.github.junitmailassert;

import io.github.junitmailassert.internal.extension.Settings;

/** The settings an annotation declares, for tests that start an environment without JUnit around it. */
public final class TestSettings {

  private TestSettings() {}

  public static Settings of(MailDeliverability declared) {
    return DeclaredSettings.of(declared);
  }

  /** The defaults, with the capture server on {@code smtpPort}. */
  public static Settings withSmtpPort(int smtpPort) {
    Settings d = DeclaredSettings.DEFAULTS;
    return new Settings(d.domain(), d.clientIp(), d.clientHostName(), d.spf(), d.dmarc(), d.records(), d.zoneFiles(),
        d.zoneFileOrigin(), d.verifyEachTest(), d.checks(), d.receivingHost(), d.dmarcMode(), d.dkimPolicy(),
        d.blockLists(), d.perClass(), d.clock(), smtpPort, d.dnsPort(), d.awaitTimeout(), d.replacingRecords(), d.smtp(),
        d.spamFilters(), d.spamFilterLauncher());
  }
}
