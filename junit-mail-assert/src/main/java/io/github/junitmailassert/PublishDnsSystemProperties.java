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
 * Points JNDI's DNS provider at the test's loopback DNS server, by publishing
 * {@code java.naming.provider.url=dns://127.0.0.1:<port>} for the test. Libraries that resolve
 * through JNDI then see the fake zone: Simple Java Mail's DKIM signer, for one, looks its selector
 * up before it signs. The previous value comes back after the test.
 *
 * <p>Use it beside {@link MailDeliverability}. It takes JUnit's lock on system properties, which
 * are global to the JVM.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ResourceLock(Resources.SYSTEM_PROPERTIES)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface PublishDnsSystemProperties {}
