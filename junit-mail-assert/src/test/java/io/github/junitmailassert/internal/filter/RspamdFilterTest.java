package io.github.junitmailassert.internal.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitmailassert.dns.DnsZone;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rspamd's HTTP exchange as the filter reads and writes it, without rspamd: replies, and what cannot be sent. */
class RspamdFilterTest {

  private static byte[] reply(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void should_read_the_body_of_a_200_reply() throws IOException {
    assertThat(RspamdFilter.body(reply("HTTP/1.1 200 OK\r\nConnection: close\r\nServer: rspamd/3.4\r\n"
        + "Content-Length: 27\r\nContent-Type: application/json\r\n\r\n{\"score\":0.0,\"action\":\"é\"}")))
        .isEqualTo("{\"score\":0.0,\"action\":\"é\"}");
  }

  @Test
  void should_fail_on_a_reply_cut_short_of_its_content_length() {
    assertThatThrownBy(() -> RspamdFilter.body(reply("HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n{\"score\":0.0,")))
        .isInstanceOf(IOException.class)
        .hasMessage("rspamd's reply is cut short: 13 of the 40 octets it announced");
  }

  @Test
  void should_read_no_more_than_the_content_length_and_refuse_a_chunked_body() throws IOException {
    assertThat(RspamdFilter.body(reply("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}\r\n"))).isEqualTo("{}");
    assertThatThrownBy(() -> RspamdFilter.body(reply("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "2\r\n{}\r\n0\r\n\r\n")))
        .isInstanceOf(IOException.class)
        .hasMessage("rspamd's reply is chunked, which this client does not read: HTTP/1.1 200 OK"
            + " Transfer-Encoding: chunked  2 {} 0  ");
  }

  @Test
  void should_fail_with_the_status_and_the_body_of_another_reply() {
    assertThatThrownBy(() -> RspamdFilter.body(reply("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n"
        + "{\"error\":\"message has no body\"}")))
        .isInstanceOf(IOException.class)
        .hasMessage("rspamd answered HTTP 400: {\"error\":\"message has no body\"}");
  }

  @Test
  void should_fail_on_a_reply_that_is_not_http() {
    assertThatThrownBy(() -> RspamdFilter.body(reply("SPAMD/1.1 0 EX_OK\r\n")))
        .isInstanceOf(IOException.class)
        .hasMessage("rspamd's reply is not HTTP: SPAMD/1.1 0 EX_OK ");
    assertThatThrownBy(() -> RspamdFilter.body(new byte[0]))
        .isInstanceOf(IOException.class)
        .hasMessage("rspamd's reply is not HTTP: ");
  }

  @Test
  void should_refuse_a_helo_name_with_a_line_break_before_connecting() throws IOException {
    FilterRequest request = new FilterRequest(reply("Subject: x\r\n\r\nx\r\n"), InetAddress.getByName("203.0.113.25"),
        "", "mail.sample.co.jp\r\nX-Injected: 1", "shop@sample.co.jp", List.of("user@example.com"), "mx.example.com",
        Instant.EPOCH, DnsZone.create().resolver());
    try (RspamdFilter filter = new RspamdFilter("/nonexistent/rspamd", 1)) {
      assertThatThrownBy(() -> filter.scoreInGate(request))
          .isInstanceOf(IOException.class)
          .hasMessage("the Helo \"mail.sample.co.jp X-Injected: 1\" has a line break or NUL,"
              + " which rspamd's HTTP header cannot carry");
    }
  }
}
