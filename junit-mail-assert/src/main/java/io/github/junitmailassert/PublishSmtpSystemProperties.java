package io.github.junitmailassert;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Publishes the capture server's host and port as the system properties that common stacks read,
 * for applications that take their SMTP settings from there: {@code mail.smtp.host},
 * {@code mail.smtp.port} (Jakarta Mail) and {@code spring.mail.host}, {@code spring.mail.port}
 * (Spring Boot). The previous values come back after the test. With servers per class they are set
 * for the whole class, before the test instance is made. Spring Boot keeps its application context
 * across test classes, so for Spring prefer junit-mail-assert-spring, which points the application
 * context at the class's server, or {@code @DynamicPropertySource} reading
 * {@code MailDeliverabilityExtension.smtp()} from a static field.
 *
 * <p>Use it beside {@link MailDeliverability}. System properties are global to the JVM, so this
 * annotation takes JUnit's lock on them: tests that read or write system properties under the same
 * lock do not run at the same time as this one.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ResourceLock(Resources.SYSTEM_PROPERTIES)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface PublishSmtpSystemProperties {}
