package io.github.junitmailassert.internal.extension;

import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dkim.DkimPolicy;
import io.github.junitmailassert.dmarc.DmarcMode;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What a test declared, from the annotation or the builder (the JUnit door reads both into this
 * one record; the defaults are the annotation's). Internal.
 *
 * @param perClass whether the tests of a class share one environment (lifecycle PER_CLASS)
 */
@API(status = API.Status.INTERNAL)
public record Settings(String domain, String clientIp, String clientHostName, String spf, String dmarc,
    List<String> records, List<String> zoneFiles, String zoneFileOrigin, boolean verifyEachTest,
    Set<MailCheck> checks, String receivingHost, DmarcMode dmarcMode, DkimPolicy dkimPolicy, List<String> blockLists,
    boolean perClass, Clock clock) {

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

  public boolean hasDomain() {
    return !domain.isBlank();
  }
}
