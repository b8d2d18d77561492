package io.github.junitmailassert.internal.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.256", "1.2.3.4:25", "", "1..2.3", "a.b.c.d", " 1.2.3.4"})
  void should_refuse_what_ip4_network_does_not_allow(String text) {
    assertThat(IpAddresses.parseIp4(text)).isNull();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {":CAFE::BABE", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::", "::g", "1:2:3:4:5:6:7", "::1.2.3",
      "1.2.3.4::", ""})
  void should_refuse_what_is_not_an_ipv6_address(String text) {
    assertThat(IpAddresses.parseIp6(text)).isNull();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "::, ::",
      "::1, ::1",
      "2001:DB8:0:0:0:0:2:1, 2001:db8::2:1",
      "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
      "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
      "2001:db8::1:0:0:1, 2001:db8::1:0:0:1",
      "::ffff:1.2.3.4, ::ffff:102:304",
      "CAFE:BABE::, cafe:babe::"})
  void should_parse_ipv6_and_write_it_as_rfc_5952_says(String text, String readable) throws Exception {
    // WHEN
    byte[] parsed = IpAddresses.parseIp6(text);
    // THEN
    assertThat(parsed).isEqualTo(InetAddress.getByName(text).getAddress().length == 16
        ? InetAddress.getByName(text).getAddress() : parsed);
    assertThat(IpAddresses.readable(parsed)).isEqualTo(readable);
  }

  @ParameterizedTest(name = "{0}/{2}")
  @CsvSource({
      "192.0.2.1, 192.0.2.200, 24, true",
      "192.0.2.1, 192.0.3.1, 24, false",
      "192.0.2.1, 10.0.0.0, 0, true",
      "192.0.2.1, 192.0.2.129, 25, false",
      "192.0.2.1, 192.0.2.127, 25, true"})
  void should_compare_networks_by_prefix(String a, String b, int prefix, boolean same) {
    assertThat(IpAddresses.sameNetwork(IpAddresses.parseIp4(a), IpAddresses.parseIp4(b), prefix)).isEqualTo(same);
  }
}
