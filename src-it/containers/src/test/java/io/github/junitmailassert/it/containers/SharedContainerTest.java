package io.github.junitmailassert.it.containers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.MailDeliverabilityExtension;
import io.github.junitmailassert.testcontainers.MailContainers;
import io.github.junitmailassert.testcontainers.MailRoute;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;

/**
 * One container for a whole class, as the README describes: a static extension field (one capture
 * server per class, mails cleared before each test) and the route opened in {@code @BeforeAll}.
 */
@RequiresDocker
@Execution(ExecutionMode.SAME_THREAD)
class SharedContainerTest {

  @RegisterExtension
  static MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance()
      .domain("sample.co.jp")
      .clientIp("203.0.113.25")
      .build();

  private static GenericContainer<?> shop;
  private static MailRoute route;

  @BeforeAll
  static void startShop() {
    shop = new GenericContainer<>(DebianSendmailImage.IMAGE)
        .withCreateContainerCmdModifier(cmd -> cmd.withHostName("mail.sample.co.jp"))
        .withStartupTimeout(Duration.ofSeconds(60));
    route = MailContainers.sendThrough(shop, mail);
    shop.start();
  }

  @AfterAll
  static void stopShop() {
    route.close();
  }

  @Test
  void should_capture_the_first_tests_mail_only_when_the_container_is_shared() throws Exception {
    send("First");

    CapturedMail first = mail.mails().single();
    assertThat(first.subject()).contains("First");
    assertThat(first.envelopeSender()).isEqualTo("reports@sample.co.jp");
  }

  @Test
  void should_capture_the_second_tests_mail_only_when_the_container_is_shared() throws Exception {
    send("Second");

    CapturedMail second = mail.mails().single();
    assertThat(second.subject()).contains("Second");
    assertThat(second.heloName()).contains("mail.sample.co.jp");
  }

  /**
   * The MX is looked up anew for each mail: the zone, reset before each test to what the extension
   * declared, must have it again.
   */
  private static void send(String subject) throws Exception {
    mail.zone().mx("example.com", 10, "mx.example.com").a("mx.example.com", route.hostAddress());
    ExecResult result = shop.execInContainer("sh", "-c", "printf 'Subject: " + subject + "\\n\\nReport.\\n'"
        + " | sendmail -Am -odi -oi -f reports@sample.co.jp ops@example.com");
    assertThat(result.getExitCode()).as("sendmail: %s%s", result.getStdout(), result.getStderr()).isZero();
  }
}
