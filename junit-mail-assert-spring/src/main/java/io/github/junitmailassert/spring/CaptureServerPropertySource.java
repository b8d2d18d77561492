package io.github.junitmailassert.spring;

import io.github.junitmailassert.MailDeliverabilityExtension;
import io.github.junitmailassert.mail.SmtpEndpoint;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * {@code spring.mail.host} and {@code spring.mail.port}, read from the running capture server when
 * Spring asks: a context that never reads them (an application without mail) loads whatever the
 * server's lifecycle.
 */
final class CaptureServerPropertySource extends EnumerablePropertySource<Class<?>> {

  static final String NAME = "junit-mail-assert capture server";
  static final String HOST = "spring.mail.host";
  static final String PORT = "spring.mail.port";
  private static final String[] NAMES = {HOST, PORT};

  private final Class<?> testClass;
  private final String perTestReason;

  CaptureServerPropertySource(Class<?> owner, Class<?> testClass, String perTestReason) {
    super(NAME, owner);
    this.testClass = testClass;
    this.perTestReason = perTestReason;
  }

  @Override
  public String[] getPropertyNames() {
    return NAMES.clone();
  }

  @Override
  public Object getProperty(String name) {
    if (!HOST.equals(name) && !PORT.equals(name)) {
      return null;
    }
    SmtpEndpoint smtp = endpoint();
    return HOST.equals(name) ? smtp.host() : Integer.toString(smtp.port());
  }

  private SmtpEndpoint endpoint() {
    if (perTestReason != null) {
      throw new IllegalStateException("junit-mail-assert cannot give " + HOST + " and " + PORT + ": " + perTestReason);
    }
    return MailDeliverabilityExtension.classSmtpEndpoint(testClass).orElseThrow(() -> new IllegalStateException(
        "junit-mail-assert cannot give " + HOST + " and " + PORT + ": the capture server of " + getSource().getName()
            + " is not running while Spring builds the application context of " + testClass.getName() + ". It runs"
            + " from the class's beforeAll to its afterAll, and Spring must build the context in between, when it"
            + " prepares the test instance: @TestInstance(PER_CLASS) makes Spring build it before, so remove it"));
  }
}
