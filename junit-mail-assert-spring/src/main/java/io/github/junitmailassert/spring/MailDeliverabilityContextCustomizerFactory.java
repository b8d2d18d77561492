package io.github.junitmailassert.spring;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.MailDeliverability.Lifecycle;
import io.github.junitmailassert.MailDeliverabilityExtension;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Gives the application context of a test class that uses junit-mail-assert the properties
 * {@code spring.mail.host} and {@code spring.mail.port} of its capture server, the way
 * Testcontainers' {@code @ServiceConnection} wires a database. Spring's test framework finds this
 * factory through {@code META-INF/spring.factories}; users never name it.
 *
 * <p>A test class qualifies when it (or, for a {@code @Nested} class, an enclosing class) carries
 * {@link MailDeliverability} or has a {@code @RegisterExtension} field of type
 * {@link MailDeliverabilityExtension}. The capture server must serve the whole class, so
 * {@code lifecycle = PER_CLASS} or a {@code static} field: Spring builds the application context
 * when it prepares the test instance, after the class's server started ({@code beforeAll}) and
 * before any per-test server would. The two properties come first among the context's property
 * sources, and each such class gets a context of its own (its own server), as with
 * {@code @DynamicPropertySource}. A class whose servers are per test still loads its context; only
 * reading one of the two properties then fails, with that explanation.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class MailDeliverabilityContextCustomizerFactory implements ContextCustomizerFactory {

  /** Made by Spring's test framework, from {@code META-INF/spring.factories}. */
  public MailDeliverabilityContextCustomizerFactory() {}

  /**
   * The customizer for {@code testClass}, or {@code null} when it does not use junit-mail-assert.
   *
   * @param testClass the test class whose context Spring is about to configure
   * @param configAttributes the context configuration Spring found (not needed here)
   * @return a customizer that adds the capture server's properties, or {@code null}
   */
  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    return serverOwner(testClass).orElse(null);
  }

  // The class whose capture server the test class uses, and why it would not be there for the context.
  private static Optional<CaptureServerContextCustomizer> serverOwner(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      List<Field> fields = ReflectionSupport.findFields(c,
          f -> MailDeliverabilityExtension.class.isAssignableFrom(f.getType())
              && AnnotationSupport.isAnnotated(f, RegisterExtension.class),
          HierarchyTraversalMode.TOP_DOWN);
      if (!fields.isEmpty()) {
        Field field = fields.get(0);
        return Optional.of(new CaptureServerContextCustomizer(c, Modifier.isStatic(field.getModifiers()) ? null
            : "the @RegisterExtension field '" + field.getName() + "' of " + c.getName() + " is not static, so its"
                + " capture server starts before each test, after Spring has built the application context that reads"
                + " spring.mail.host and spring.mail.port: make the field static (one server for the class, mails"
                + " cleared before each test)"));
      }
      Optional<MailDeliverability> declared = AnnotationSupport.findAnnotation(c, MailDeliverability.class);
      if (declared.isPresent()) {
        return Optional.of(new CaptureServerContextCustomizer(c, declared.get().lifecycle() == Lifecycle.PER_CLASS ? null
            : "@MailDeliverability on " + c.getName() + " starts a capture server before each test (lifecycle"
                + " PER_METHOD), after Spring has built the application context that reads spring.mail.host and"
                + " spring.mail.port: declare lifecycle = PER_CLASS (one server for the class, mails cleared before"
                + " each test)"));
      }
    }
    return Optional.empty();
  }
}
