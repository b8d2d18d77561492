package io.github.junitmailassert.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.mail.SmtpTls;
import io.github.junitmailassert.testing.RawSmtpClient;
import io.github.junitmailassert.testing.Send;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust material that clients which verify certificates accept, required STARTTLS, and implicit TLS, with real clients. */
@MailDeliverability(receivingHost = "mx.receiver.test")
class SmtpTlsTest {

  @Test
  void should_let_angus_verify_the_certificate_and_the_host_name_over_starttls(SmtpEndpoint smtp, SmtpTls tls,
      CapturedMails mails) {
    for (String host : new String[] {smtp.host(), "localhost"}) {
      Properties p = tls.javaMailProperties(new SmtpEndpoint(host, smtp.port()));
      assertThat(p).containsEntry("mail.smtp.ssl.checkserveridentity", "true")
          .containsEntry("mail.smtp.starttls.required", "true");
      p.setProperty("mail.smtp.from", "no-reply@sample.co.jp");
      Send.send(p, "no-reply@sample.co.jp", "user@example.com", "verified " + host);
    }
    assertThat(mails.await(2)).allSatisfy(m -> assertThat(m.tlsProtocol()).hasValueSatisfying(
        v -> assertThat(v).startsWith("TLSv1.")));
    assertThat(mails.all().get(0).transcript().lines()).anySatisfy(
        l -> assertThat(l.toString()).isEqualTo("-- TLS started: " + mails.all().get(0).tlsProtocol().orElseThrow()));
  }

  @Test
  void should_fail_a_client_that_verifies_without_the_trust_material_and_say_why(SmtpEndpoint smtp, CapturedMails mails) {
    Properties p = smtp.javaMailProperties();
    p.setProperty("mail.smtp.starttls.enable", "true");
    p.setProperty("mail.smtp.starttls.required", "true");
    p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    assertThatThrownBy(() -> Send.send(p, "no-reply@sample.co.jp", "user@example.com", "unverified"))
        .hasStackTraceContaining("PKIX path building failed");
    assertThat(mails.awaitAttempts(1, Duration.ofSeconds(10)).get(0)).hasToString("attempt #1 (no MAIL FROM): abandoned"
        + " by the client after EHLO (last reply: 250 AUTH PLAIN LOGIN); the TLS handshake failed (Received fatal alert:"
        + " certificate_unknown): a client that verifies the certificate needs SmtpTls's trust material");
  }

  @Test
  void should_give_a_pkcs12_truststore_and_pem_that_trust_the_server(SmtpEndpoint smtp, SmtpTls tls, @TempDir Path dir)
      throws Exception {
    Path file = tls.writeTruststore(dir.resolve("capture.p12"), "secret".toCharArray());
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, "secret".toCharArray());
    }
    assertThat(store.isCertificateEntry(SmtpTls.ALIAS)).isTrue();
    X509Certificate fromPem = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
        new ByteArrayInputStream(tls.certificatePem().getBytes(StandardCharsets.US_ASCII)));
    assertThat(fromPem).isEqualTo(tls.certificate()).isEqualTo(store.getCertificate(SmtpTls.ALIAS));
    assertThat(tls.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
    assertThat(fromPem.getSubjectAlternativeNames()).extracting(san -> san.get(1).toString())
        .contains("localhost", "127.0.0.1");

    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    try (RawSmtpClient client = new RawSmtpClient(smtp.host(), smtp.port())) {
      client.command("EHLO mail.sample.co.jp");
      assertThat(client.command("STARTTLS")).isEqualTo("220 2.0.0 Ready to start TLS");
      // the raw client's socket is not reachable; a second connection proves the handshake with the truststore
    }
    try (java.net.Socket plain = new java.net.Socket(smtp.host(), smtp.port())) {
      BufferedReader in = new BufferedReader(new InputStreamReader(plain.getInputStream(), StandardCharsets.US_ASCII));
      in.readLine();
      plain.getOutputStream().write("STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(in.readLine()).isEqualTo("220 2.0.0 Ready to start TLS");
      try (SSLSocket tlsSocket = (SSLSocket) context.getSocketFactory().createSocket(plain, "localhost", smtp.port(),
          true)) {
        javax.net.ssl.SSLParameters params = tlsSocket.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS"); // checks the name as strict clients do
        tlsSocket.setSSLParameters(params);
        tlsSocket.startHandshake();
        assertThat(tlsSocket.getSession().getPeerCertificates()[0]).isEqualTo(tls.certificate());
      }
    }
  }

  @Nested
  @MailDeliverability(receivingHost = "mx.receiver.test", requireTls = true)
  class RequireTls {

    @Test
    void should_refuse_mail_in_the_clear_with_530_and_record_the_attempt(SmtpEndpoint smtp, CapturedMails mails)
        throws Exception {
      try (RawSmtpClient client = new RawSmtpClient(smtp.host(), smtp.port())) {
        client.command("EHLO mail.sample.co.jp");
        assertThat(client.command("MAIL FROM:<a@sample.co.jp>")).isEqualTo("530 5.7.0 Must issue a STARTTLS command first");
      }
      assertThat(mails.awaitAttempts(1, Duration.ofSeconds(10)).get(0)).hasToString(
          "attempt #1 <a@sample.co.jp> to []: refused at MAIL: 530 5.7.0 Must issue a STARTTLS command first");
      assertThatThrownBy(() -> mails.await(1, Duration.ofMillis(20))).hasMessage(String.format(
          "Expecting 1 mail(s) within 20 ms at the capture server " + smtp.host() + ":" + smtp.port()
              + " but 0 arrived%nAttempts that delivered no mail:%n"
              + "  - attempt #1 <a@sample.co.jp> to []: refused at MAIL: 530 5.7.0 Must issue a STARTTLS command first"));
    }

    @Test
    void should_accept_angus_after_starttls(SmtpEndpoint smtp, SmtpTls tls, CapturedMails mails) {
      Send.send(tls.javaMailProperties(smtp), "no-reply@sample.co.jp", "user@example.com", "over TLS");
      CapturedMail mail = mails.single();
      assertThat(mail.isTls()).isTrue();
      assertThat(mails.attempts()).singleElement().satisfies(a -> assertThat(a.isTls()).isTrue());
    }

    @Test
    void should_refuse_angus_in_the_clear(SmtpEndpoint smtp, CapturedMails mails) {
      assertThatThrownBy(() -> Send.send(smtp.javaMailProperties(), "no-reply@sample.co.jp", "user@example.com", "clear"))
          .hasMessageContaining("530 5.7.0 Must issue a STARTTLS command first");
      assertThat(mails.awaitAttempts(1, Duration.ofSeconds(10)).get(0).toString())
          .endsWith("refused at MAIL: 530 5.7.0 Must issue a STARTTLS command first");
      assertThat(mails.all()).isEmpty();
    }
  }

  @Nested
  @MailDeliverability(receivingHost = "mx.receiver.test", implicitTls = true)
  class ImplicitTls {

    @Test
    void should_speak_tls_from_the_first_byte_to_angus_with_ssl_enabled(SmtpEndpoint smtp, SmtpTls tls,
        CapturedMails mails) {
      assertThat(smtp.implicitTls()).isTrue();
      assertThat(smtp.toString()).startsWith("smtps://127.0.0.1:");
      Properties p = tls.javaMailProperties(smtp);
      assertThat(p).containsEntry("mail.smtp.ssl.enable", "true").doesNotContainKey("mail.smtp.starttls.enable");
      Send.send(p, "no-reply@sample.co.jp", "user@example.com", "smtps");
      CapturedMail mail = mails.single();
      assertThat(mail.isTls()).isTrue();
      assertThat(mail.transcript().lines().get(0).toString())
          .isEqualTo("-- TLS from the first byte (implicit TLS): " + mail.tlsProtocol().orElseThrow());
      assertThat(mail.transcript().lines()).noneSatisfy(l -> assertThat(l.text()).isEqualTo("250-STARTTLS"));
    }
  }
}
