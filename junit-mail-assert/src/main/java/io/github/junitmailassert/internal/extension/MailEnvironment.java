package io.github.junitmailassert.internal.extension;

import io.github.junitmailassert.CapturedMail;
import io.github.junitmailassert.CapturedMails;
import io.github.junitmailassert.DnsEndpoint;
import io.github.junitmailassert.ReceiverView;
import io.github.junitmailassert.SmtpEndpoint;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.internal.dns.IpLiterals;
import io.github.junitmailassert.internal.dns.LoopbackDnsServer;
import io.github.junitmailassert.internal.dns.ZoneText;
import io.github.junitmailassert.internal.smtp.CaptureSmtpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.xbill.DNS.Name;

/**
 * The running capture server, fake zone and (started on first use) loopback DNS server of one test
 * or one test class. Lives in the JUnit store, which closes it even when a test fails. Internal.
 */
@SuppressWarnings("deprecation") // CloseableResource: JUnit before 5.13 closes only those
public final class MailEnvironment implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final Settings settings;
  private final DnsZone zone = DnsZone.create();
  private final CapturedMails mails = new CapturedMails();
  private final ReceiverView receiverView;
  private final CaptureSmtpServer smtp;
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicInteger runningTests = new AtomicInteger();
  private volatile LoopbackDnsServer dns;
  private volatile boolean closed;

  public MailEnvironment(Settings settings) {
    this.settings = settings;
    fillZone();
    this.receiverView = new ReceiverView(zone.resolver(), parseIp(settings.clientIp(), "clientIp"),
        settings.clientHostName().isBlank() ? Optional.empty() : Optional.of(settings.clientHostName()),
        settings.receivingHost(), settings.clock(), settings.dmarcMode());
    this.smtp = CaptureSmtpServer.start(LOOPBACK, settings.receivingHost(), this::accept);
  }

  private void accept(CapturedMail.Builder mail) {
    mails.add(mail.sequence(sequence.incrementAndGet()).receiverView(receiverView).build());
  }

  public Settings settings() {
    return settings;
  }

  public DnsZone zone() {
    return zone;
  }

  public CapturedMails mails() {
    return mails;
  }

  public ReceiverView receiverView() {
    return receiverView;
  }

  public SmtpEndpoint smtpEndpoint() {
    return new SmtpEndpoint(smtp.host(), smtp.port());
  }

  /** The loopback DNS server, started on first use: most tests never need one. */
  public DnsEndpoint dnsEndpoint() {
    LoopbackDnsServer server = dns;
    if (server == null) {
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("the mail test environment is already closed");
        }
        server = dns;
        if (server == null) {
          server = LoopbackDnsServer.start(zone, LOOPBACK);
          dns = server;
        }
      }
    }
    return new DnsEndpoint(server.address().getHostAddress(), server.port());
  }

  /** Before a test of a shared (per-class) environment: forget mails, restore the declared zone. */
  public void reset() {
    mails.clear();
    sequence.set(0);
    zone.clear();
    fillZone();
  }

  /** Marks a test as running; false when another test is already using this environment. */
  public boolean beginTest() {
    return runningTests.incrementAndGet() == 1;
  }

  public void endTest() {
    runningTests.decrementAndGet();
  }

  private void fillZone() {
    String domain = settings.domain();
    String origin = settings.hasDomain() ? domain : ".";
    if (settings.hasDomain()) {
      zone.soa(domain);
      if (!settings.spf().isBlank()) {
        zone.spf(domain, settings.spf());
      }
      if (!settings.dmarc().isBlank()) {
        zone.dmarc(domain, settings.dmarc());
      }
    } else if (!settings.spf().isBlank() || !settings.dmarc().isBlank()) {
      throw new IllegalArgumentException("spf and dmarc are published at the domain: declare domain as well");
    }
    if (!settings.clientHostName().isBlank()) {
      if (settings.clientIp().isBlank()) {
        throw new IllegalArgumentException("clientHostName \"" + settings.clientHostName()
            + "\" needs clientIp: the zone gets its A and PTR records from both");
      }
      zone.sendingHost(settings.clientHostName(), settings.clientIp());
    }
    zone.records(origin, settings.records().toArray(String[]::new));
    String fileOrigin = settings.zoneFileOrigin().isBlank() ? origin : settings.zoneFileOrigin();
    for (String file : settings.zoneFiles()) {
      loadZoneFile(file, fileOrigin);
    }
  }

  private void loadZoneFile(String file, String origin) {
    if (!file.startsWith("classpath:")) {
      zone.loadZoneFile(Path.of(file), origin);
      return;
    }
    String resource = file.substring("classpath:".length()).replaceFirst("^/", "");
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("zone file " + file + " is not on the class path");
      }
      byte[] text = in.readNBytes(ZoneText.MAX_BYTES + 1);
      ZoneText.text("zone file " + file, text, Name.fromString(origin.endsWith(".") ? origin : origin + "."), 300,
          zone::add);
    } catch (IOException e) {
      throw new IllegalArgumentException("zone file " + file + String.valueOf(e.getMessage()).replaceFirst("^<none>", ""), e);
    }
  }

  private static Optional<InetAddress> parseIp(String ip, String what) {
    if (ip.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(IpLiterals.parse(ip.strip()).orElseThrow(() ->
        new IllegalArgumentException(what + " must be an IPv4 or IPv6 address, not \"" + ip + "\"")));
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      smtp.close();
    } finally {
      LoopbackDnsServer server = dns;
      if (server != null) {
        server.close();
      }
    }
  }
}
