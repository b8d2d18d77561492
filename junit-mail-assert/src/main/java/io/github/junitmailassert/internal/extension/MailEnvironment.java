package io.github.junitmailassert.internal.extension;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.DnsEndpoint;
import io.github.junitmailassert.mail.SmtpAttempt;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.mail.SmtpFaults;
import io.github.junitmailassert.mail.SmtpTls;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.dmarc.DmarcMode;
import io.github.junitmailassert.internal.dmarc.PublicSuffixList;
import io.github.junitmailassert.internal.dns.IpLiterals;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.internal.dns.LoopbackDnsServer;
import io.github.junitmailassert.internal.dns.ZoneSnapshot;
import io.github.junitmailassert.internal.smtp.CaptureSink;
import io.github.junitmailassert.internal.smtp.CaptureSmtpServer;
import io.github.junitmailassert.internal.smtp.SmtpOptions;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
  // Fixed ports held by this JVM's environments ("smtpPort 2525"), and by whom: a second one gets a clear refusal.
  private static final Map<String, String> FIXED_PORTS = new ConcurrentHashMap<>();

  private final Settings settings; // the environment's, as the class (or builder) declared them
  private final ZoneSnapshot declaredZone;
  private final DnsZone zone;
  private final CapturedMails captured = new CapturedMails(); // what the server fills; views of it are handed out
  private final Receiver declaredReceiver;
  private final CaptureSmtpServer smtp;
  private final SmtpFaults faults;
  private final AtomicInteger runningTests = new AtomicInteger();
  // The running test's (a shared environment applies a test's overrides and goes back after it).
  private volatile Settings testSettings;
  private volatile Receiver receiver;
  private volatile CapturedMails mails;
  private volatile LoopbackDnsServer dns;
  private volatile boolean closed;

  /**
   * Starts the environment.
   *
   * @param owner the test (or class) that starts it, named when another asks for its fixed port
   */
  public MailEnvironment(Settings settings, String owner) {
    settings.validate();
    this.settings = settings;
    this.testSettings = settings;
    this.declaredZone = declaredZone(settings);
    this.zone = declaredZone.newZone();
    this.declaredReceiver = receiver(settings, zone);
    this.receiver = declaredReceiver;
    this.faults = settings.smtp().declaredFaults(new SmtpFaults());
    this.smtp = startSmtp(settings, owner, new CaptureSink() {
      @Override
      public CapturedMail mail(CapturedMail.Builder mail) {
        return captured.add(mail.receiver(receiver)); // numbered and listed in one step: all() is in sequence order
      }

      @Override
      public void attempt(SmtpAttempt.Builder attempt) {
        captured.addAttempt(attempt);
      }
    }, faults);
    this.mails = captured.withEndpoint(smtpEndpoint()).withDefaultWait(settings.await());
    if (settings.dnsPort() != 0) {
      try {
        this.dns = startDns(zone, settings.dnsPort(), owner); // at once: what reads the port asks no endpoint first
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }
  }

  public MailEnvironment(Settings settings) {
    this(settings, "another test");
  }

  private static CaptureSmtpServer startSmtp(Settings settings, String owner, CaptureSink sink, SmtpFaults faults) {
    SmtpOptions options = new SmtpOptions(SmtpOptions.DEFAULT.maxMessageBytes(), settings.smtp().requireTls(),
        settings.smtp().implicitTls(), null).withFaults(faults);
    int port = settings.smtpPort();
    if (port == 0) {
      return CaptureSmtpServer.start(LOOPBACK, settings.receivingHost(), sink, options);
    }
    return onFixedPort("smtpPort", port, owner, "the capture server",
        () -> CaptureSmtpServer.start(LOOPBACK, port, settings.receivingHost(), sink, options));
  }

  private static LoopbackDnsServer startDns(DnsZone zone, int port, String owner) {
    return onFixedPort("dnsPort", port, owner, "the DNS server", () -> LoopbackDnsServer.start(zone, LOOPBACK, port));
  }

  /** Starts a server on a fixed port, refusing clearly a port this JVM's other environment or another process holds. */
  private static <T> T onFixedPort(String attribute, int port, String owner, String server, Supplier<T> start) {
    String key = attribute + " " + port;
    String holder = FIXED_PORTS.putIfAbsent(key, owner);
    if (holder != null) {
      throw new ExtensionConfigurationException(key + " is held by " + server + " of " + holder
          + ", still running in this JVM: two tests cannot listen on one fixed port at the same time. Run them one"
          + " after the other (@ResourceLock(\"" + attribute + "-" + port + "\") on both classes, or lifecycle"
          + " PER_CLASS in one class), or leave " + attribute + " at 0 for a free port");
    }
    try {
      return start.get();
    } catch (UncheckedIOException e) {
      FIXED_PORTS.remove(key, owner);
      throw new ExtensionConfigurationException(key + " is taken: another process (or a server of this JVM that"
          + " is not one of this library's) holds " + LOOPBACK.getHostAddress() + ":" + port + " ("
          + e.getCause().getMessage() + "). Stop it, or choose another " + attribute + " (0, the default, takes a"
          + " free port)", e.getCause());
    } catch (RuntimeException e) {
      FIXED_PORTS.remove(key, owner);
      throw e;
    }
  }

  /** The zone as declared (records, zone files, the domain's SPF and DMARC); a bad declaration names itself. */
  private static ZoneSnapshot declaredZone(Settings settings) {
    try {
      return settings.zoneDeclarations().snapshot();
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(e.getMessage(), e);
    }
  }

  /** The environment's one receiver; its settings are checked here, before any server starts. */
  private static Receiver receiver(Settings settings, DnsZone zone) {
    Receiver.Builder builder = Receiver.builder(zone.resolver()).receivingHost(settings.receivingHost())
        .clock(settings.clock()).dmarcMode(settings.dmarcMode()).dkimPolicy(settings.dkimPolicy())
        .blockLists(settings.blockLists()).senderDomain(settings.domain()).spamFilters(settings.spamFilters());
    settings.spamFilterLauncher().ifPresent(builder::spamFiltersIn);
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

  /** The running test's settings: the environment's, with a shared environment's test overrides applied. */
  public Settings settings() {
    return testSettings;
  }

  public DnsZone zone() {
    return zone;
  }

  /** The captured mails, waited for as the running test declared. */
  public CapturedMails mails() {
    return mails;
  }

  public Receiver receiver() {
    return receiver;
  }

  public SmtpEndpoint smtpEndpoint() {
    return new SmtpEndpoint(smtp.host(), smtp.port(), settings.smtp().implicitTls());
  }

  /** The faults of the running test. */
  public SmtpFaults faults() {
    return faults;
  }

  /** Trust material for the capture server's certificate. */
  public SmtpTls tls() {
    return SmtpTls.of(CaptureSmtpServer.certificate());
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

  /** Before a test of a shared (per-class) environment: forget mails and attempts, restore the declared zone and faults. */
  public void reset() {
    startTest(settings, "");
  }

  /**
   * Before a test of a shared environment: forgets the mails, and applies the test's settings (its
   * {@code @MailDeliverabilityOverride}s) over the environment's: their zone, receiver and wait. What
   * a running server cannot change is refused, naming the attribute.
   *
   * @param test the test, named in a refusal
   */
  public void startTest(Settings forTest, String test) {
    refuseUnchangeable(forTest, test);
    forTest.validate();
    ZoneSnapshot testZone = forTest.zoneDeclarations().equals(settings.zoneDeclarations())
        ? declaredZone : declaredZone(forTest);
    Receiver testReceiver = forTest.sameReceiverAs(settings) ? declaredReceiver : receiver(forTest, zone);
    captured.clear(); // and its sequence
    declaredReceiver.clearResults();
    testSettings = forTest;
    receiver = testReceiver;
    mails = captured.withEndpoint(smtpEndpoint()).withDefaultWait(forTest.await());
    testZone.restore(zone);
  }

  /** After a test of a shared environment: back to the environment's own settings and declared zone. */
  public void finishTest() {
    testSettings = settings;
    receiver = declaredReceiver;
    mails = captured.withEndpoint(smtpEndpoint()).withDefaultWait(settings.await());
    declaredZone.restore(zone);
    settings.smtp().declaredFaults(faults.clear()); // and greylisting forgets what it saw
  }

  private void refuseUnchangeable(Settings forTest, String test) {
    String why = null;
    if (forTest.smtpPort() != settings.smtpPort()) {
      why = "smtpPort: the capture server listens on one port from the first test to the last";
    } else if (forTest.dnsPort() != settings.dnsPort()) {
      why = "dnsPort: the DNS server listens on one port from the first test to the last";
    } else if (!forTest.receivingHost().equals(settings.receivingHost())) {
      why = "receivingHost: the capture server greets every client with one name from the first test to the last";
    }
    if (why != null) {
      throw new ExtensionConfigurationException("@MailDeliverabilityOverride on " + test + " cannot change " + why
          + ", and the tests of this class share that server (lifecycle PER_CLASS, or a static @RegisterExtension"
          + " field). Declare it for the whole class, or use lifecycle PER_METHOD, where each test has its own server");
    }
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
    // The DNS server's port is freed by its I/O thread while the capture server stops.
    LoopbackDnsServer server = dns;
    Runnable[] dnsClosed = {() -> {}};
    try {
      try {
        if (server != null) {
          dnsClosed[0] = server.beginClose();
        }
      } finally {
        smtp.close();
      }
    } finally {
      if (settings.smtpPort() != 0) {
        FIXED_PORTS.remove("smtpPort " + settings.smtpPort());
      }
      dnsClosed[0].run();
      if (settings.dnsPort() != 0 && server != null) {
        FIXED_PORTS.remove("dnsPort " + settings.dnsPort());
      }
    }
  }
}
