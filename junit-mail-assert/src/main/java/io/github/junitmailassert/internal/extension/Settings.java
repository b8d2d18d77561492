package io.github.junitmailassert.internal.extension;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.MailDeliverability.Lifecycle;
import java.time.Clock;
import java.util.List;

/**
 * What a test declared, from the annotation or the builder. Internal.
 */
public record Settings(String domain, String clientIp, String clientHostName, String spf, String dmarc,
    List<String> records, List<String> zoneFiles, String zoneFileOrigin, boolean verifyEachTest,
    String receivingHost, Lifecycle lifecycle, Clock clock) {

  public Settings {
    records = List.copyOf(records);
    zoneFiles = List.copyOf(zoneFiles);
  }

  public static Settings of(MailDeliverability a) {
    return new Settings(a.domain(), a.clientIp(), a.clientHostName(), a.spf(), a.dmarc(), List.of(a.records()),
        List.of(a.zoneFiles()), a.zoneFileOrigin(), a.verifyEachTest(), a.receivingHost(), a.lifecycle(),
        Clock.systemUTC());
  }

  public boolean hasDomain() {
    return !domain.isBlank();
  }
}
