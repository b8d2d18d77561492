package io.github.junitmailassert.it.containers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class only where a Docker engine answers and the images {@link DebianSendmailImage}
 * and {@link DebianFilterImage} name exist. Elsewhere the class is skipped with the reason, as
 * {@code @Testcontainers(disabledWithoutDocker = true)} does; with {@code -Dit.requireDocker=true}
 * or {@code -Dit.requireTools=true} (CI) the same reason fails it instead, so a broken Docker
 * set-up cannot pass as a skip.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DockerCondition.class)
public @interface RequiresDocker {
}
