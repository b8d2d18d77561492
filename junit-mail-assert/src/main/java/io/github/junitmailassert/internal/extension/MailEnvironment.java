package io.github.junitmailassert.internal.extension;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.DnsEndpoint;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.dmarc.DmarcMode;
import io.github.junitmailassert.internal.dmarc.PublicSuffixList;
import io.github.junitmailassert.internal.dns.IpLiterals;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.internal.dns.LoopbackDnsServer;
import io.github.junitmailassert.internal.dns.ZoneDeclarations;
import io.github.junitmailassert.internal.dns.ZoneSnapshot;
import io.github.junitmailassert.internal.smtp.CaptureSmtpServer;
import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The running capture server, fake zone and (started on first use) loopback DNS server of one test
 * or one test class. Lives in the JUnit store, which closes it even when a test fails. Internal.
 */
@SuppressWarnings("deprecation") // CloseableResource: JUnit before 5.13 closes only those
@API(status = API.Status.INTERNAL)
public final class MailEnvironment implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final Settings settings;
  private final ZoneSnapshot declaredZone;
  private final DnsZone zone;
  private final CapturedMails mails = new CapturedMails();
  private final Receiver receiver;
  private final CaptureSmtpServer smtp;
  private final AtomicInteger runningTests = new AtomicInteger();
  private volatile LoopbackDnsServer dns;
  private volatile boolean closed;

  public MailEnvironment(Settings settings) {
    settings.validate();
    this.settings = settings;
    this.declaredZone = declaredZone(settings);
    this.zone = declaredZone.newZone();
    this.receiver = receiver(settings, zone);
    this.smtp = CaptureSmtpServer.start(LOOPBACK, settings.receivingHost(), this::accept);
  }

  /** The zone as declared (records, zone files, the domain's SPF and DMARC); a bad declaration names itself. */
  private static ZoneSnapshot declaredZone(Settings settings) {
    try {
      return new ZoneDeclarations(settings.domain(), settings.clientIp(), settings.clientHostName(), settings.spf(),
          settings.dmarc(), settings.records(), settings.zoneFiles(), settings.zoneFileOrigin()).snapshot();
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(e.getMessage(), e);
    }
  }

  /** The environment's one receiver; its settings are checked here, before any server starts. */
  private static Receiver receiver(Settings settings, DnsZone zone) {
    Receiver.Builder builder = Receiver.builder(zone.resolver()).receivingHost(settings.receivingHost())
        .clock(settings.clock()).dmarcMode(settings.dmarcMode()).dkimPolicy(settings.dkimPolicy())
        .blockLists(settings.blockLists()).senderDomain(settings.domain());
    parseIp(settings.clientIp(), "clientIp").ifPresent(builder::clientIp);
    if (!settings.clientHostName().isBlank()) {
      builder.clientHostName(settings.clientHostName());
    }
    if (settings.dmarcMode() == DmarcMode.RFC7489_PSL
        && !PublicSuffixList.isAvailable(MailEnvironment.class.getClassLoader())) {
      throw new ExtensionConfigurationException("dmarcMode = RFC7489_PSL: " + PublicSuffixList.MISSING_GUAVA);
    }
    return builder.build();
  }

  private void accept(CapturedMail.Builder mail) {
    mails.add(mail.receiver(receiver)); // numbered and listed in one step: all() is in sequence order
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

  public Receiver receiver() {
    return receiver;
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
    mails.clear(); // and its sequence
    receiver.clearResults();
    declaredZone.restore(zone);
  }

  /** Marks a test as running; false when another test is already using this environment. */
  public boolean beginTest() {
    return runningTests.incrementAndGet() == 1;
  }

  public void endTest() {
    runningTests.decrementAndGet();
  }

  private static Optional<InetAddress> parseIp(String ip, String what) {
    if (ip.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(IpLiterals.parse(ip.strip()).orElseThrow(() ->
        new ExtensionConfigurationException(what + " must be an IPv4 or IPv6 address, not \"" + ip + "\"")));
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
