package io.github.junitmailassert.spring;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds the capture server's properties to one test class's context. It is part of Spring's context
 * cache key: equal only for the same server owner, so no other class reuses a context that points
 * at this class's server.
 */
final class CaptureServerContextCustomizer implements ContextCustomizer {

  private final Class<?> owner;
  private final String perTestReason;

  /**
   * @param owner the class whose capture server serves the test class
   * @param perTestReason why that server cannot serve the context (its servers are per test), or null
   */
  CaptureServerContextCustomizer(Class<?> owner, String perTestReason) {
    this.owner = owner;
    this.perTestReason = perTestReason;
  }

  @Override
  public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
    context.getEnvironment().getPropertySources()
        .addFirst(new CaptureServerPropertySource(owner, mergedConfig.getTestClass(), perTestReason));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CaptureServerContextCustomizer that && owner == that.owner;
  }

  @Override
  public int hashCode() {
    return owner.hashCode();
  }
}
