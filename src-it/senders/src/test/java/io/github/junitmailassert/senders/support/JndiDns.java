package io.github.junitmailassert.senders.support;

import io.github.junitmailassert.DnsEndpoint;

/**
 * Points Java's JNDI DNS provider at the test's loopback DNS server while some code runs, for code
 * in this JVM that resolves through JNDI rather than through a resolver it is given: Simple Java
 * Mail's DKIM signer fetches the published key before it signs. JNDI reads
 * {@code java.naming.provider.url} from the system properties, which are global: callers take
 * JUnit's lock on them ({@code @ResourceLock(Resources.SYSTEM_PROPERTIES)}).
 */
public final class JndiDns {

  private static final String PROVIDER_URL = "java.naming.provider.url";

  private JndiDns() {}

  /** Runs {@code action} with {@code java.naming.provider.url} set to {@code dns://host:port}, then restores it. */
  public static void resolvingThrough(DnsEndpoint dns, Runnable action) {
    String previous = System.getProperty(PROVIDER_URL);
    System.setProperty(PROVIDER_URL, "dns://" + dns.host() + ":" + dns.port());
    try {
      action.run();
    } finally {
      if (previous == null) {
        System.clearProperty(PROVIDER_URL);
      } else {
        System.setProperty(PROVIDER_URL, previous);
      }
    }
  }
}
