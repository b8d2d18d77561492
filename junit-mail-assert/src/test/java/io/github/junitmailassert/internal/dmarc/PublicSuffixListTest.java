package io.github.junitmailassert.internal.dmarc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitmailassert.dmarc.DmarcMode;
import io.github.junitmailassert.dmarc.DmarcVerifier;
import io.github.junitmailassert.dns.DnsZone;
import org.junit.jupiter.api.Test;

class PublicSuffixListTest {

  /** A class loader that does not see Guava, as a user's test class path without it. */
  private static final class WithoutGuava extends ClassLoader {
    WithoutGuava() {
      super(PublicSuffixListTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("com.google.common.")) {
        throw new ClassNotFoundException(name);
      }
      return super.loadClass(name, resolve);
    }
  }

  @Test
  void should_see_guava_when_it_is_on_the_class_path() {
    assertThat(PublicSuffixList.isAvailable(PublicSuffixListTest.class.getClassLoader())).isTrue();
  }

  @Test
  void should_not_see_guava_when_the_class_loader_lacks_it() {
    assertThat(PublicSuffixList.isAvailable(new WithoutGuava())).isFalse();
  }

  @Test
  void should_say_which_dependency_to_add_when_guava_is_missing() {
    assertThat(PublicSuffixList.MISSING_GUAVA).isEqualTo("DmarcMode.RFC7489_PSL finds organizational domains with"
        + " the Public Suffix List that Guava ships, but com.google.common.net.InternetDomainName is not on the class"
        + " path: add the dependency com.google.guava:guava (test scope is enough), or use DmarcMode.RFC9989, which"
        + " needs no list");
  }

  @Test
  void should_fail_to_build_with_that_message_when_the_verifier_cannot_load_guava() throws Exception {
    // GIVEN the verifier's classes loaded again through a loader that hides Guava
    ClassLoader isolated = new IsolatingLoader(new WithoutGuava());
    Class<?> verifier = isolated.loadClass(DmarcVerifier.class.getName());
    Class<?> mode = isolated.loadClass(DmarcMode.class.getName());
    Object builder = verifier.getMethod("builder", org.xbill.DNS.Resolver.class)
        .invoke(null, DnsZone.create().resolver());
    Object rfc7489 = mode.getField("RFC7489_PSL").get(null);
    builder = builder.getClass().getMethod("mode", mode).invoke(builder, rfc7489);
    Object finalBuilder = builder;
    // WHEN / THEN
    assertThatThrownBy(() -> {
      try {
        finalBuilder.getClass().getMethod("build").invoke(finalBuilder);
      } catch (java.lang.reflect.InvocationTargetException e) {
        throw e.getCause();
      }
    }).isInstanceOf(IllegalStateException.class).hasMessage(PublicSuffixList.MISSING_GUAVA);
  }

  /** Defines this library's classes itself (so they resolve Guava through the hiding parent). */
  private static final class IsolatingLoader extends ClassLoader {
    IsolatingLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (!name.startsWith("io.github.junitmailassert.")) {
          return super.loadClass(name, resolve);
        }
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          String path = name.replace('.', '/') + ".class";
          try (java.io.InputStream in = getParent().getResourceAsStream(path)) {
            if (in == null) {
              throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            c = defineClass(name, bytes, 0, bytes.length);
          } catch (java.io.IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }
}
