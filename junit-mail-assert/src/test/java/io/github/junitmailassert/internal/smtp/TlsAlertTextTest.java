package io.github.junitmailassert.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/** A failed handshake reads alike whatever JDK wrote its message (SmtpTlsTest sees it through a real client). */
class TlsAlertTextTest {

  @Test
  void should_read_the_alert_of_java_17_and_of_java_25_alike() {
    assertThat(SmtpSession.alertText(new SSLException("Received fatal alert: certificate_unknown")))
        .isEqualTo("Received fatal alert: certificate_unknown");
    assertThat(SmtpSession.alertText(new SSLException("(certificate_unknown) Received fatal alert: certificate_unknown")))
        .isEqualTo("Received fatal alert: certificate_unknown");
    assertThat(SmtpSession.alertText(new SSLException((String) null))).isEqualTo("no reason given");
  }
}
