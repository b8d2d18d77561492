package io.github.junitmailassert.senders.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class or method only where the real programs it drives are installed. Elsewhere it is
 * skipped with a reason that names the Debian packages and the install script; with the system
 * property {@value RequiresToolCondition#REQUIRE_TOOLS} set to {@code true} (as CI does) a missing
 * program fails the test instead, so that CI can never pass by skipping.
 *
 * <pre>{@code
 * @RequiresTool(value = {"sendmail", "m4"}, packages = "sendmail-bin sendmail-cf m4")
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(RequiresTool.All.class)
@ExtendWith(RequiresToolCondition.class)
public @interface RequiresTool {

  /** Program names, looked up in the directories of {@code PATH}, or absolute paths. */
  String[] value();

  /** The Debian packages that install them, space-separated. */
  String packages();

  /**
   * Whether the programs must run as root here (sendmail does: it runs in private UTS and mount
   * namespaces under the host name {@code localhost.localdomain}, and drops privileges itself).
   */
  boolean asRoot() default false;

  /** The container of repeated {@link RequiresTool}s. */
  @Target({ElementType.TYPE, ElementType.METHOD})
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @Inherited
  @ExtendWith(RequiresToolCondition.class)
  @interface All {
    RequiresTool[] value();
  }
}
