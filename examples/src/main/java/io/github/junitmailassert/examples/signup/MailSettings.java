package io.github.junitmailassert.examples.signup;

import java.util.Properties;

/** The two configurations of the story: as shipped, and as fixed. */
public final class MailSettings {

  private MailSettings() {}

  /**
   * What many applications ship: only the SMTP host and port. Jakarta Mail then greets with the
   * machine's own name and builds Message-IDs from it. The machine's name is passed in so the
   * example behaves the same everywhere; on the server in the story it was
   * {@code localhost.localdomain}, which is what Jakarta Mail finds there by itself.
   */
  public static Properties asShipped(String smtpHost, int smtpPort, String machineHostName) {
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", smtpHost);
    p.setProperty("mail.smtp.port", Integer.toString(smtpPort));
    p.setProperty("mail.smtp.localhost", machineHostName); // what Jakarta Mail would look up itself
    p.setProperty("mail.host", machineHostName);           // the same, for Message-ID
    return p;
  }

  /**
   * The web server of the story: its local MTA never learned its domain, so the envelope sender is
   * the web server's user at the machine's name, as sendmail and PHP's mail() make it.
   */
  public static Properties legacyWebServer(String smtpHost, int smtpPort) {
    Properties p = asShipped(smtpHost, smtpPort, "localhost.localdomain");
    p.setProperty("mail.smtp.from", "apache@localhost.localdomain");
    return p;
  }

  /**
   * The fix: an envelope sender in the sending domain (where bounces go and SPF is checked), a
   * HELO name that is the sending host's real name, and Message-IDs in the domain.
   */
  public static Properties fixed(String smtpHost, int smtpPort, String domain) {
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", smtpHost);
    p.setProperty("mail.smtp.port", Integer.toString(smtpPort));
    p.setProperty("mail.smtp.from", "bounces@" + domain);
    p.setProperty("mail.smtp.localhost", "mail." + domain);
    p.setProperty("mail.from", "no-reply@" + domain);
    return p;
  }
}
