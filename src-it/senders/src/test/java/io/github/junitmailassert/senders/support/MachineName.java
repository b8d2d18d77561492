package io.github.junitmailassert.senders.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The name the JVM's mail libraries find for this machine when nobody tells them one, and why a
 * receiver would object to it, written out here independently of the library's own rules.
 */
public final class MachineName {

  private MachineName() {}

  /**
   * What Jakarta Mail (Angus) greets with and writes into Message-IDs by default:
   * {@code InetAddress.getLocalHost().getCanonicalHostName()}. On a machine whose own name maps to
   * 127.0.0.1 in /etc/hosts (Debian's default, containers) that is {@code localhost}.
   */
  public static String asJakartaMailSeesIt() {
    try {
      return InetAddress.getLocalHost().getCanonicalHostName();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("this machine cannot resolve its own name", e);
    }
  }

  /**
   * Why {@code name} is local, as the library words it; skips the calling test (an assumption) on a
   * machine whose name is a real domain name, where the defaults leak nothing.
   */
  public static String whyLocal(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    Optional<String> why;
    if (n.equals("localhost") || n.equals("localhost.localdomain")) {
      why = Optional.of(ExpectedReport.EVERY_MACHINE);
    } else if (!n.contains(".")) {
      why = Optional.of(ExpectedReport.DOTLESS);
    } else {
      why = List.of(".localhost", ".local", ".localdomain", ".internal", ".home.arpa", ".lan").stream()
          .filter(n::endsWith).findFirst()
          .map(suffix -> "under " + suffix + ", which exists only on local networks");
    }
    Assumptions.assumeTrue(why.isPresent(), () -> "this machine's name " + name
        + " is a public domain name, so the library's defaults leak nothing a receiver would flag here");
    return why.orElseThrow();
  }
}
