package io.github.junitmailassert.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apiguardian.api.API;

/**
 * Trust material for clients that verify the capture server's certificate: the certificate as PEM,
 * a PKCS#12 truststore, an {@link SSLContext} that trusts it and nothing else, and Jakarta Mail
 * properties that use it. The certificate is self-signed, names {@code localhost}, {@code
 * 127.0.0.1} and {@code ::1} (so host name checks pass over loopback) and is valid from 2000 to 2128.
 * Its key ships inside this library: trust it in tests only.
 *
 * <p>Immutable and safe to share between threads.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class SmtpTls {

  /** The alias of the certificate in {@link #truststore(char[])}. */
  public static final String ALIAS = "junit-mail-assert-capture-server";

  private final X509Certificate certificate;

  private SmtpTls(X509Certificate certificate) {
    this.certificate = Objects.requireNonNull(certificate, "certificate");
  }

  /**
   * Trust material for a server that presents {@code certificate}.
   *
   * @param certificate the certificate the server presents
   * @return the trust material
   */
  public static SmtpTls of(X509Certificate certificate) {
    return new SmtpTls(certificate);
  }

  /** {@return the server's certificate} */
  public X509Certificate certificate() {
    return certificate;
  }

  /**
   * {@return the certificate in PEM ({@code -----BEGIN CERTIFICATE-----}), as {@code openssl} and most clients read
   * it}
   */
  public String certificatePem() {
    try {
      String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
          .encodeToString(certificate.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("the certificate cannot be encoded: " + e.getMessage(), e);
    }
  }

  /**
   * A PKCS#12 truststore with the certificate as its one trusted entry ({@link #ALIAS}), protected by {@code password}.
   *
   * @param password the truststore's password
   * @return the truststore's bytes
   */
  public byte[] truststore(char[] password) {
    Objects.requireNonNull(password, "password");
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      keyStore().store(out, password);
      return out.toByteArray();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("the truststore cannot be written: " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@link #truststore(char[])} to {@code file} (for {@code javax.net.ssl.trustStore} of a
   * client in another process, or a Spring SSL bundle), replacing it.
   *
   * @param file the file to write
   * @param password the truststore's password
   * @return the file
   */
  public Path writeTruststore(Path file, char[] password) {
    try {
      return Files.write(file, truststore(password));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the truststore to " + file + ": " + e.getMessage(), e);
    }
  }

  /** {@return a TLS context that trusts the capture server's certificate and no other} */
  public SSLContext sslContext() {
    try {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(keyStore());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a TLS context: " + e.getMessage(), e);
    }
  }

  /**
   * Jakarta Mail (Angus) properties that send to {@code smtp} over TLS and verify the server as a
   * careful production client does: {@code mail.smtp.ssl.checkserveridentity}, a socket factory from
   * {@link #sslContext()}, and STARTTLS required (or {@code mail.smtp.ssl.enable} for an endpoint
   * with implicit TLS).
   *
   * @param smtp the capture server's endpoint
   * @return new properties for a Jakarta Mail {@code Session}
   */
  public Properties javaMailProperties(SmtpEndpoint smtp) {
    Properties p = smtp.javaMailProperties();
    if (!smtp.implicitTls()) {
      p.setProperty("mail.smtp.starttls.enable", "true");
      p.setProperty("mail.smtp.starttls.required", "true");
    }
    p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    p.put("mail.smtp.ssl.socketFactory", sslContext().getSocketFactory());
    return p;
  }

  private KeyStore keyStore() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry(ALIAS, certificate);
    return store;
  }

  @Override
  public String toString() {
    return "SmtpTls[" + certificate.getSubjectX500Principal().getName() + "]";
  }
}
