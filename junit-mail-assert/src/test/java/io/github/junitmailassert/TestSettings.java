package io.github.junitmailassert;

import io.github.junitmailassert.internal.extension.Settings;

/** The settings an annotation declares, for tests that start an environment without JUnit around it. */
public final class TestSettings {

  private TestSettings() {}

  public static Settings of(MailDeliverability declared) {
    return DeclaredSettings.of(declared);
  }
}
