package io.github.junitmailassert.mail;

import java.util.Properties;
import org.apiguardian.api.API;

/**
 * Where the application under test sends its mail: the capture server's host and port.
 *
 * @param host the loopback address the server listens on, such as {@code 127.0.0.1}
 * @param port the port, chosen freely when the server started
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record SmtpEndpoint(String host, int port) {

  /** {@return {@code mail.smtp.host} and {@code mail.smtp.port}, as Jakarta Mail (and Angus) read them} */
  public Properties javaMailProperties() {
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", host);
    p.setProperty("mail.smtp.port", Integer.toString(port));
    return p;
  }

  @Override
  public String toString() {
    return "smtp://" + host + ":" + port;
  }
}
