package io.github.junitmailassert.spf;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.dns.DnsZone;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SpfVerifierClockTest {

  @Test
  void should_write_the_receivers_clock_into_the_t_macro_of_an_explanation() throws Exception {
    // GIVEN a domain whose explanation shows the time of the check
    DnsZone zone = DnsZone.create()
        .spf("sample.co.jp", "v=spf1 -all exp=why.sample.co.jp")
        .txt("why.sample.co.jp", "checked at %{t}");
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1_795_730_400L), ZoneOffset.UTC);
    // WHEN
    SpfResult result = SpfVerifier.using(zone.resolver()).withClock(clock)
        .checkMailFrom(InetAddress.getByName("192.0.2.1"), "a@sample.co.jp", "mail.sample.co.jp");
    // THEN
    assertThat(result.code()).isEqualTo(SpfResultCode.FAIL);
    assertThat(result.explanation()).isEqualTo("checked at 1795730400");
  }
}
