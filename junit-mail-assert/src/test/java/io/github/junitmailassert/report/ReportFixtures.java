package io.github.junitmailassert.report;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.testing.Send;
import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Test classes whose runs the report tests read: real mail through the capture server, a gate, a nested class. */
final class ReportFixtures {

  private ReportFixtures() {}

  @MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", clientHostName = "mail.sample.co.jp",
      spf = "v=spf1 ip4:203.0.113.25 -all", verifyEachTest = true)
  static class ShopFixture {
    @Test
    void clean(SmtpEndpoint smtp) {
      Send.mail(smtp, "no-reply@sample.co.jp", "user@example.com", "Welcome");
    }

    @Test
    void noMail() {}

    @Nested
    class Legacy {
      @Test
      void leaky(SmtpEndpoint smtp) {
        Properties p = smtp.javaMailProperties();
        p.setProperty("mail.smtp.localhost", "localhost.localdomain");
        p.setProperty("mail.smtp.from", "apache@localhost.localdomain");
        Send.send(p, "shop@sample.co.jp", "user@example.com", "Reset your password <b>now</b>");
      }
    }
  }

  @MailDeliverability(domain = "sample.co.jp")
  static class NewsletterFixture {
    @Test
    void twoMails(SmtpEndpoint smtp) {
      Send.mail(smtp, "news@sample.co.jp", "a@example.com", "News 1");
      Send.mail(smtp, "news@sample.co.jp", "b@example.com", "News 2");
    }
  }

  @MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", clientHostName = "mail.sample.co.jp",
      spf = "v=spf1 ip4:203.0.113.25 -all", verifyEachTest = true)
  static class PassingFixture {
    @Test
    void clean(SmtpEndpoint smtp) {
      Send.mail(smtp, "no-reply@sample.co.jp", "user@example.com", "Welcome");
    }
  }
}
