package io.github.junitmailassert.internal.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * RFC 7489 mode without Guava on the class path: the environment refuses to start and names the
 * attribute. Run in a class loader that has the library and its dependencies but not Guava.
 */
class MissingGuavaTest {

  @Test
  void should_fail_at_environment_start_naming_dmarc_mode() throws Exception {
    // GIVEN a class path without Guava
    List<URL> path = new ArrayList<>();
    for (String marker : List.of("io.github.junitmailassert.receiver.Receiver", "org.xbill.DNS.Name", "org.slf4j.Logger",
        "org.junit.jupiter.api.extension.ExtensionContext", "org.junit.platform.commons.JUnitException",
        "org.apiguardian.api.API", "com.icegreen.greenmail.util.GreenMail",
        "jakarta.mail.Session")) {
      path.add(Class.forName(marker).getProtectionDomain().getCodeSource().getLocation());
    }
    assertThat(path).noneMatch(url -> url.toString().contains("guava"));
    try (URLClassLoader withoutGuava = new URLClassLoader(path.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Class<?> settingsType = withoutGuava.loadClass(Settings.class.getName());
      Class<?> modeType = withoutGuava.loadClass("io.github.junitmailassert.dmarc.DmarcMode");
      Class<?> policyType = withoutGuava.loadClass("io.github.junitmailassert.dkim.DkimPolicy");
      Object settings = settingsType.getConstructors()[0].newInstance("sample.co.jp", "", "", "", "", List.of(), List.of(),
          "", false, Set.of(), "mx.receiver.test", enumValue(modeType, "RFC7489_PSL"), enumValue(policyType, "RFC8301"),
          List.of(), false, java.time.Clock.systemUTC(), 0, 0, null, List.of(),
          withoutGuava.loadClass(SmtpSettings.class.getName()).getField("DEFAULT").get(null), List.of(),
          java.util.Optional.empty());
      // WHEN the environment starts
      Throwable thrown = catchThrowable(() -> withoutGuava.loadClass(MailEnvironment.class.getName())
          .getConstructor(settingsType).newInstance(settings));
      // THEN
      Throwable cause = thrown instanceof InvocationTargetException e ? e.getCause() : thrown;
      assertThat(cause.getClass().getName()).isEqualTo("org.junit.jupiter.api.extension.ExtensionConfigurationException");
      assertThat(cause.getMessage()).isEqualTo("dmarcMode = RFC7489_PSL: DmarcMode.RFC7489_PSL finds organizational"
          + " domains with the Public Suffix List that Guava ships, but com.google.common.net.InternetDomainName is not"
          + " on the class path: add the dependency com.google.guava:guava (test scope is enough), or use"
          + " DmarcMode.RFC9989, which needs no list");
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumValue(Class<?> type, String name) {
    return Enum.valueOf((Class) type, name);
  }
}
