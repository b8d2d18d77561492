package io.github.junitmailassert.mail;

import java.util.Properties;
import org.apiguardian.api.API;

/**
 * Where the application under test sends its mail: the capture server's host and port.
 *
 * @param host the loopback address the server listens on, such as {@code 127.0.0.1}
 * @param port the port: a free one, unless the test fixed it ({@code smtpPort})
 * @param implicitTls whether the server speaks TLS from the first byte (SMTPS, port 465 style)
 *     instead of offering STARTTLS
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record SmtpEndpoint(String host, int port, boolean implicitTls) {

  /**
   * An endpoint of a server that offers STARTTLS (the default).
   *
   * @param host the loopback address the server listens on
   * @param port the server's port
   */
  public SmtpEndpoint(String host, int port) {
    this(host, port, false);
  }

  /**
   * {@code mail.smtp.host} and {@code mail.smtp.port}, as Jakarta Mail (and Angus) read them, and
   * {@code mail.smtp.ssl.enable} for implicit TLS. For a client that verifies the certificate, use
   * {@link SmtpTls#javaMailProperties(SmtpEndpoint)}.
   *
   * @return new properties for a Jakarta Mail {@code Session}
   */
  public Properties javaMailProperties() {
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", host);
    p.setProperty("mail.smtp.port", Integer.toString(port));
    if (implicitTls) {
      p.setProperty("mail.smtp.ssl.enable", "true");
    }
    return p;
  }

  @Override
  public String toString() {
    return (implicitTls ? "smtps://" : "smtp://") + host + ":" + port;
  }
}
