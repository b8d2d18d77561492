package io.github.junitmailassert.it.containers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class only where a Docker engine answers and the images it needs exist (the sendmail
 * image by default; {@link Image#FILTERS} for the spam filters' image). Elsewhere the class is skipped with the reason, as
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

  /** {@return the images the class runs} */
  Image[] images() default Image.SENDMAIL;

  /** The locally built images. */
  enum Image {
    /** {@link DebianSendmailImage}. */
    SENDMAIL,
    /** {@link DebianFilterImage}. */
    FILTERS;

    String imageName() {
      return this == SENDMAIL ? DebianSendmailImage.NAME : DebianFilterImage.NAME;
    }
  }
}
