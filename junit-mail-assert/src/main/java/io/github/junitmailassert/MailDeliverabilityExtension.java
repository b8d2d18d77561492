package io.github.junitmailassert;

import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.mail.DnsEndpoint;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.SmtpFaults;
import io.github.junitmailassert.mail.SmtpTls;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dkim.DkimPolicy;
import io.github.junitmailassert.dmarc.DmarcMode;
import io.github.junitmailassert.filter.FilterLauncher;
import io.github.junitmailassert.filter.SpamFilter;
import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.internal.extension.HtmlRunReport;
import io.github.junitmailassert.internal.extension.MailEnvironment;
import io.github.junitmailassert.internal.extension.Settings;
import io.github.junitmailassert.internal.extension.SmtpSettings;
import io.github.junitmailassert.internal.extension.TestAttachments;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.receiver.ReceiverResult;
import io.github.junitmailassert.report.GateReport;
import io.github.junitmailassert.report.MailReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link MailDeliverability}, and its programmatic door:
 *
 * <pre>{@code
 * @RegisterExtension
 * static MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance()
 *     .domain("sample.co.jp").clientIp("203.0.113.25").spf("v=spf1 ip4:203.0.113.25 -all")
 *     .build();
 * }</pre>
 *
 * <p>As with WireMock's extension, the field decides the lifecycle: a {@code static} field gives
 * one capture server per class (mails cleared and zone reset before each test), an instance field
 * one per test. The builder is the only way to create one, so options can grow without breaking
 * anyone. State lives in JUnit's {@link ExtensionContext.Store}, which closes the servers even when
 * a test fails.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class MailDeliverabilityExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(MailDeliverabilityExtension.class);
  private static final String ENVIRONMENT = "environment";
  private static final String SHARED = "shared-environment-in-use";
  private static final String REJECTED = "rejected-concurrent-test";
  private static final String CREATED_BY = "environment-created-by:";
  private static final String SAVED_PROPERTIES = "saved-system-properties:";
  private static final List<String> HOST_PROPERTIES = List.of("mail.smtp.host", "spring.mail.host");
  private static final List<String> PORT_PROPERTIES = List.of("mail.smtp.port", "spring.mail.port");
  private static final String JNDI_PROVIDER_URL = "java.naming.provider.url";

  // The environments that serve a whole test class, by that class, while it runs: the one door for
  // integrations that configure an application before the test instance exists (junit-mail-assert-spring).
  // Keyed by class, so classes running in parallel never meet; the environments themselves live in the Store.
  private static final Map<Class<?>, Set<MailEnvironment>> CLASS_ENVIRONMENTS = new ConcurrentHashMap<>();

  private final Settings programmatic;
  // The environments this instance serves right now; its accessors need exactly one.
  private final Set<MailEnvironment> live = ConcurrentHashMap.newKeySet();

  // JUnit creates the declarative one reflectively; users build programmatic ones with newInstance().
  private MailDeliverabilityExtension() {
    this(null);
  }

  private MailDeliverabilityExtension(Settings programmatic) {
    this.programmatic = programmatic;
  }

  /**
   * Starts a builder: the only way to make an extension for {@code @RegisterExtension}.
   *
   * @return a new builder
   */
  public static Builder newInstance() {
    return new Builder();
  }

  // ---------------------------------------------------------------- programmatic accessors

  /** {@return the mails captured in the running test} */
  public CapturedMails mails() {
    return environment().mails();
  }

  /** {@return the fake DNS zone of the running test} */
  public DnsZone zone() {
    return environment().zone();
  }

  /** {@return where the application under test sends its mail} */
  public SmtpEndpoint smtp() {
    return environment().smtpEndpoint();
  }

  /** {@return the loopback DNS server (started on first use) answering from the zone} */
  public DnsEndpoint dns() {
    return environment().dnsEndpoint();
  }

  /** {@return the receiver that checks the captured mails} */
  public Receiver receiver() {
    return environment().receiver();
  }

  /** {@return the faults the capture server applies in the running test (those the builder declared, until changed)} */
  public SmtpFaults faults() {
    return environment().faults();
  }

  /** {@return trust material for clients that verify the capture server's certificate} */
  public SmtpTls tls() {
    return environment().tls();
  }

  /**
   * The capture server that serves {@code testClass} as a whole, while that class runs: the server of
   * a static {@code @RegisterExtension} field, or of {@code @MailDeliverability(lifecycle = PER_CLASS)},
   * found on the class itself or, for a {@code @Nested} class, on the nearest enclosing class that has
   * one. It is there from the class's {@code beforeAll} to its {@code afterAll}, so code that sets up
   * an application before the test instance exists can point it at the server: junit-mail-assert-spring
   * sets {@code spring.mail.host} and {@code spring.mail.port} from it.
   *
   * <pre>{@code
   * @MailDeliverability(domain = "sample.co.jp", lifecycle = MailDeliverability.Lifecycle.PER_CLASS)
   * class OrderMailTest { }
   *
   * // while OrderMailTest runs, before its test instance exists:
   * int port = MailDeliverabilityExtension.classSmtpEndpoint(OrderMailTest.class).orElseThrow().port();
   * }</pre>
   *
   * @param testClass the test class (or a class nested in it)
   * @return the endpoint, or empty when no server serves that class as a whole right now: it declares
   *     servers per test, or has not started yet, or has finished
   * @throws IllegalStateException when the class runs twice at the same time, each run with its own server
   */
  public static Optional<SmtpEndpoint> classSmtpEndpoint(Class<?> testClass) {
    Objects.requireNonNull(testClass, "testClass");
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      List<MailEnvironment> running = List.copyOf(CLASS_ENVIRONMENTS.getOrDefault(c, Set.of()));
      if (running.size() > 1) {
        throw new IllegalStateException(c.getName() + " runs " + running.size() + " times at the same time, each"
            + " run with its own capture server, so its endpoint cannot be told apart: run the class once at a time");
      }
      if (running.size() == 1) {
        return Optional.of(running.get(0).smtpEndpoint());
      }
    }
    return Optional.empty();
  }

  private MailEnvironment environment() {
    List<MailEnvironment> now = List.copyOf(live);
    if (now.isEmpty()) {
      throw new IllegalStateException("no test is running with this extension: its servers start before each test"
          + " (or before all tests, for a static field) and stop after it");
    }
    if (now.size() > 1) {
      throw new IllegalStateException("this extension instance serves " + now.size() + " test classes running at the"
          + " same time (a static field in a shared base class?), so it cannot tell which one asks: declare the field"
          + " in each test class, or take CapturedMails, SmtpEndpoint and DnsZone as test method parameters");
    }
    return now.get(0);
  }

  // ---------------------------------------------------------------- callbacks

  @Override
  public void beforeAll(ExtensionContext context) {
    Settings settings = settings(context);
    if (settings.perClass() || programmatic != null) {
      // A static @RegisterExtension field, or PER_CLASS: one environment for the class (and its @Nested classes).
      ExtensionContext.Store store = context.getStore(NAMESPACE);
      MailEnvironment env = store.get(ENVIRONMENT, MailEnvironment.class);
      if (env == null) {
        env = new MailEnvironment(settings, context.getRequiredTestClass().getName());
        store.put(ENVIRONMENT, env);
        store.put(CREATED_BY + context.getUniqueId(), Boolean.TRUE);
        live.add(env);
        MailEnvironment created = env;
        CLASS_ENVIRONMENTS.compute(context.getRequiredTestClass(), (c, envs) -> {
          Set<MailEnvironment> running = envs == null ? ConcurrentHashMap.newKeySet() : envs;
          running.add(created);
          return running;
        });
        // Published for the whole class, so that what reads them while the test instance is made sees them.
        publishSystemProperties(context, env);
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    restoreSystemProperties(context);
    if (store.remove(CREATED_BY + context.getUniqueId(), Boolean.class) != null) {
      MailEnvironment env = store.get(ENVIRONMENT, MailEnvironment.class);
      live.remove(env);
      CLASS_ENVIRONMENTS.computeIfPresent(context.getRequiredTestClass(), (c, envs) -> {
        envs.remove(env);
        return envs.isEmpty() ? null : envs;
      });
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    MailEnvironment env = store.get(ENVIRONMENT, MailEnvironment.class);
    if (env == null) {
      Settings forTest = testSettings(context);
      refuseConcurrentFixedPort(context, forTest);
      env = new MailEnvironment(forTest, testName(context));
      store.put(ENVIRONMENT, env);
      store.put(CREATED_BY + context.getUniqueId(), Boolean.TRUE);
      live.add(env);
    } else {
      if (!env.beginTest()) {
        env.endTest();
        store.put(REJECTED, Boolean.TRUE);
        throw new ExtensionConfigurationException("Another test is using the same capture server right now: with"
            + " lifecycle PER_CLASS (or a static @RegisterExtension field) the tests of "
            + context.getRequiredTestClass().getName() + " share it, so they must not run concurrently."
            + " Annotate the class @Execution(ExecutionMode.SAME_THREAD), or use the default PER_METHOD lifecycle.");
      }
      store.put(SHARED, Boolean.TRUE);
      try {
        env.startTest(testSettings(context), testName(context));
      } catch (RuntimeException e) {
        store.put(REJECTED, Boolean.TRUE);
        throw e;
      }
    }
    publishSystemProperties(context, env);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    MailEnvironment env = store.get(ENVIRONMENT, MailEnvironment.class);
    try {
      restoreSystemProperties(context);
      if (env == null || Boolean.TRUE.equals(store.remove(REJECTED, Boolean.class))) {
        return; // a test refused in beforeEach has no mail of its own to report
      }
      // The receiver's one result per mail; the gate and both reports only render it.
      Set<MailCheck> declared = env.settings().verifyEachTest() ? env.settings().checks() : Set.of();
      List<ReceiverResult> results = env.receiver().checkAll(env.mails().all(), declared);
      String gateReport = declared.isEmpty() ? null : GateReport.of(results, declared);
      try {
        reportAndAttach(context, results, declared, gateReport != null || context.getExecutionException().isPresent());
      } catch (RuntimeException | LinkageError | StackOverflowError e) {
        // A report must never fail a test: say what went wrong and carry on.
        System.err.printf("junit-mail-assert: the mail report of %s could not be made: %s%n",
            context.getDisplayName(), e);
      }
      if (gateReport != null) {
        throw new AssertionError(gateReport);
      }
    } finally {
      if (env != null && Boolean.TRUE.equals(store.remove(SHARED, Boolean.class))) {
        env.finishTest(); // the class's zone, receiver and wait again, for what runs after the test
        env.endTest();
      }
      if (env != null && store.remove(CREATED_BY + context.getUniqueId(), Boolean.class) != null) {
        live.remove(env);
      }
    }
  }

  /**
   * The report hooks, each behind its switch: the printed reports, the run report (HTML and JSON)
   * and the test's attachments. Each mail's report is made once, for all of them alike.
   */
  private static void reportAndAttach(ExtensionContext context, List<ReceiverResult> results, Set<MailCheck> declared,
      boolean failed) {
    boolean print = context.getConfigurationParameter(MailReport.REPORT_PARAMETER, Boolean::parseBoolean).orElse(false);
    boolean attach = context.getConfigurationParameter(MailReport.ATTACHMENTS_PARAMETER, Boolean::parseBoolean)
        .orElse(false);
    Optional<String> html = context.getConfigurationParameter(MailReport.HTML_REPORT_PARAMETER)
        .filter(f -> !f.isBlank());
    if (!print && !attach && html.isEmpty()) {
      return;
    }
    List<String> reports = new ArrayList<>(results.size());
    for (ReceiverResult result : results) {
      reports.add(MailReport.of(result, declared));
    }
    if (print) {
      printReports(context, reports);
    }
    if (html.isPresent()) {
      context.getRoot().getStore(NAMESPACE)
          .getOrComputeIfAbsent(HtmlRunReport.class, key -> new HtmlRunReport(Path.of(html.get())),
              HtmlRunReport.class)
          .add(context, failed, results, reports, declared);
    }
    if (attach) {
      TestAttachments.publish(context, results.stream().map(ReceiverResult::mail).toList(), reports);
    }
  }

  private static void printReports(ExtensionContext context, List<String> reports) {
    StringBuilder out = new StringBuilder(String.format("%n== %s > %s: %d captured mail(s)%n",
        context.getRequiredTestClass().getSimpleName(), context.getDisplayName(), reports.size()));
    for (String report : reports) {
      out.append(report).append(String.format("%n"));
    }
    System.out.print(out);
  }

  // ---------------------------------------------------------------- parameters

  private static final List<Class<?>> INJECTABLE =
      List.of(CapturedMails.class, SmtpEndpoint.class, DnsEndpoint.class, DnsZone.class, Receiver.class,
          SmtpFaults.class, SmtpTls.class);

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return INJECTABLE.contains(parameterContext.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
    Class<?> type = parameterContext.getParameter().getType();
    MailEnvironment env = context.getStore(NAMESPACE).get(ENVIRONMENT, MailEnvironment.class);
    if (env == null) {
      throw new ParameterResolutionException("No capture server is running yet to give a " + type.getSimpleName()
          + ": with the PER_METHOD lifecycle it starts before each test, so declare this parameter on a test or"
          + " @BeforeEach method (or use lifecycle = PER_CLASS for @BeforeAll).");
    }
    if (type == CapturedMails.class) {
      return env.mails();
    }
    if (type == SmtpEndpoint.class) {
      return env.smtpEndpoint();
    }
    if (type == DnsEndpoint.class) {
      return env.dnsEndpoint();
    }
    if (type == DnsZone.class) {
      return env.zone();
    }
    if (type == SmtpFaults.class) {
      return env.faults();
    }
    if (type == SmtpTls.class) {
      return env.tls();
    }
    return env.receiver();
  }

  // ---------------------------------------------------------------- settings and system properties

  /** The class's settings (annotation or builder), with the run's configured wait where they declare none. */
  private Settings settings(ExtensionContext context) {
    Optional<Duration> configuredWait = context.getConfigurationParameter(CapturedMails.AWAIT_TIMEOUT_PARAMETER)
        .filter(v -> !v.isBlank()).map(v -> Settings.parseWait(v, CapturedMails.AWAIT_TIMEOUT_PARAMETER));
    return declaredSettings(context).withAwaitTimeoutDefault(configuredWait.orElse(null));
  }

  private Settings declaredSettings(ExtensionContext context) {
    if (programmatic != null) {
      return programmatic;
    }
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      Optional<MailDeliverability> found = AnnotationSupport.findAnnotation(c, MailDeliverability.class);
      if (found.isPresent()) {
        return DeclaredSettings.of(found.get());
      }
    }
    throw new ExtensionConfigurationException("MailDeliverabilityExtension found no @MailDeliverability on "
        + context.getRequiredTestClass().getName() + ": register it with @RegisterExtension and newInstance() instead");
  }

  /** The class's settings with the overrides of the enclosing classes (outermost first) and the method. */
  private Settings testSettings(ExtensionContext context) {
    Settings settings = programmatic != null ? classSettings(context) : classFacts(context).settings();
    Optional<MailDeliverabilityOverride> onMethod =
        context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, MailDeliverabilityOverride.class));
    return onMethod.isPresent() ? DeclaredSettings.override(settings, onMethod.get()) : settings;
  }

  /** The class's settings with the overrides of the enclosing classes, outermost first. */
  private Settings classSettings(ExtensionContext context) {
    List<MailDeliverabilityOverride> overrides = new ArrayList<>();
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      AnnotationSupport.findAnnotation(c, MailDeliverabilityOverride.class).ifPresent(o -> overrides.add(0, o));
    }
    Settings settings = settings(context);
    for (MailDeliverabilityOverride o : overrides) {
      settings = DeclaredSettings.override(settings, o);
    }
    return settings;
  }

  /**
   * What a test class and its enclosing classes declare, read once per class and run (in the class's
   * store) instead of once per test: annotations are looked up reflectively.
   *
   * @param settings the class's settings with its overrides; null for a programmatic instance
   */
  private record ClassFacts(Settings settings, boolean publishSmtp, boolean publishDns) {}

  private ClassFacts classFacts(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    // A programmatic instance brings its own settings: it caches only what the classes declare.
    boolean declared = programmatic == null;
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(
        (declared ? "class facts " : "class annotations ") + context.getRequiredTestClass().getName(),
        key -> new ClassFacts(declared ? classSettings(context) : null,
            classesAnnotated(context, PublishSmtpSystemProperties.class),
            classesAnnotated(context, PublishDnsSystemProperties.class)),
        ClassFacts.class);
  }

  private static String testName(ExtensionContext context) {
    return context.getRequiredTestClass().getName() + " > " + context.getDisplayName();
  }

  /** A fixed port and a server per test cannot work when the tests run at the same time: refused before it flakes. */
  private static void refuseConcurrentFixedPort(ExtensionContext context, Settings forTest) {
    boolean parallel = context.getConfigurationParameter("junit.jupiter.execution.parallel.enabled",
        Boolean::parseBoolean).orElse(false);
    if (!parallel || context.getExecutionMode() != ExecutionMode.CONCURRENT) {
      return;
    }
    String fixed = forTest.smtpPort() != 0 ? "smtpPort " + forTest.smtpPort()
        : forTest.dnsPort() != 0 ? "dnsPort " + forTest.dnsPort() : null;
    if (fixed != null) {
      throw new ExtensionConfigurationException(fixed + " with lifecycle PER_METHOD: the tests of "
          + context.getRequiredTestClass().getName() + " run concurrently (JUnit parallel execution), and each would"
          + " start its own server on that port. Annotate the class @Execution(ExecutionMode.SAME_THREAD), or use"
          + " lifecycle PER_CLASS so that its tests share one server");
    }
  }

  private static boolean classesAnnotated(ExtensionContext context,
      Class<? extends java.lang.annotation.Annotation> type) {
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      if (AnnotationSupport.isAnnotated(c, type)) {
        return true;
      }
    }
    return false;
  }

  private boolean isAnnotated(ExtensionContext context, Class<? extends java.lang.annotation.Annotation> type) {
    if (context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, type)).orElse(false)) {
      return true;
    }
    ClassFacts facts = classFacts(context);
    return type == PublishSmtpSystemProperties.class ? facts.publishSmtp() : facts.publishDns();
  }

  private void publishSystemProperties(ExtensionContext context, MailEnvironment env) {
    Map<String, String> values = new HashMap<>();
    if (isAnnotated(context, PublishSmtpSystemProperties.class)) {
      SmtpEndpoint smtp = env.smtpEndpoint();
      HOST_PROPERTIES.forEach(key -> values.put(key, smtp.host()));
      PORT_PROPERTIES.forEach(key -> values.put(key, Integer.toString(smtp.port())));
    }
    if (isAnnotated(context, PublishDnsSystemProperties.class)) {
      DnsEndpoint dns = env.dnsEndpoint();
      values.put(JNDI_PROVIDER_URL, "dns://" + dns.host() + ":" + dns.port());
    }
    if (values.isEmpty()) {
      return;
    }
    Map<String, String> saved = new HashMap<>();
    values.forEach((key, value) -> {
      saved.put(key, System.getProperty(key));
      System.setProperty(key, value);
    });
    context.getStore(NAMESPACE).put(SAVED_PROPERTIES + context.getUniqueId(), saved);
  }

  private static void restoreSystemProperties(ExtensionContext context) {
    @SuppressWarnings("unchecked")
    Map<String, String> saved = context.getStore(NAMESPACE).remove(SAVED_PROPERTIES + context.getUniqueId(), Map.class);
    if (saved == null) {
      return;
    }
    saved.forEach((key, value) -> {
      if (value == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, value);
      }
    });
  }

  /**
   * Builds a {@link MailDeliverabilityExtension}. The options mirror the attributes of
   * {@link MailDeliverability}, plus the receiver's clock; the lifecycle follows the field (static:
   * per class, instance: per test).
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    // The annotation's defaults, so that both doors start from the same settings.
    private String domain = DeclaredSettings.DEFAULTS.domain();
    private String clientIp = DeclaredSettings.DEFAULTS.clientIp();
    private String clientHostName = DeclaredSettings.DEFAULTS.clientHostName();
    private String spf = DeclaredSettings.DEFAULTS.spf();
    private String dmarc = DeclaredSettings.DEFAULTS.dmarc();
    private final List<String> records = new ArrayList<>(DeclaredSettings.DEFAULTS.records());
    private final List<String> zoneFiles = new ArrayList<>(DeclaredSettings.DEFAULTS.zoneFiles());
    private String zoneFileOrigin = DeclaredSettings.DEFAULTS.zoneFileOrigin();
    private boolean verifyEachTest = DeclaredSettings.DEFAULTS.verifyEachTest();
    private Set<MailCheck> checks = DeclaredSettings.DEFAULTS.checks();
    private String receivingHost = DeclaredSettings.DEFAULTS.receivingHost();
    private DkimPolicy dkimPolicy = DeclaredSettings.DEFAULTS.dkimPolicy();
    private final List<String> blockLists = new ArrayList<>(DeclaredSettings.DEFAULTS.blockLists());
    private Clock clock = DeclaredSettings.DEFAULTS.clock();
    private DmarcMode dmarcMode = DeclaredSettings.DEFAULTS.dmarcMode();
    private boolean requireTls = DeclaredSettings.DEFAULTS.smtp().requireTls();
    private boolean implicitTls = DeclaredSettings.DEFAULTS.smtp().implicitTls();
    private Consumer<SmtpFaults> faults = DeclaredSettings.DEFAULTS.smtp().faults();
    private int smtpPort = DeclaredSettings.DEFAULTS.smtpPort();
    private int dnsPort = DeclaredSettings.DEFAULTS.dnsPort();
    private Duration awaitTimeout = DeclaredSettings.DEFAULTS.awaitTimeout();
    private final List<SpamFilter> spamFilters = new ArrayList<>(DeclaredSettings.DEFAULTS.spamFilters());
    private Optional<FilterLauncher> spamFilterLauncher = DeclaredSettings.DEFAULTS.spamFilterLauncher();

    private Builder() {}

    /**
     * Sets what {@link MailDeliverability#domain()} sets.
     *
     * @param domain as {@link MailDeliverability#domain()}
     * @return this builder
     */
    public Builder domain(String domain) {
      this.domain = Objects.requireNonNull(domain, "domain");
      return this;
    }

    /**
     * Sets what {@link MailDeliverability#clientIp()} sets.
     *
     * @param clientIp as {@link MailDeliverability#clientIp()}
     * @return this builder
     */
    public Builder clientIp(String clientIp) {
      this.clientIp = Objects.requireNonNull(clientIp, "clientIp");
      return this;
    }

    /**
     * Sets what {@link MailDeliverability#clientHostName()} sets.
     *
     * @param clientHostName as {@link MailDeliverability#clientHostName()}
     * @return this builder
     */
    public Builder clientHostName(String clientHostName) {
      this.clientHostName = Objects.requireNonNull(clientHostName, "clientHostName");
      return this;
    }

    /**
     * Sets what {@link MailDeliverability#spf()} sets.
     *
     * @param spfRecord as {@link MailDeliverability#spf()}
     * @return this builder
     */
    public Builder spf(String spfRecord) {
      this.spf = Objects.requireNonNull(spfRecord, "spfRecord");
      return this;
    }

    /**
     * Sets what {@link MailDeliverability#dmarc()} sets.
     *
     * @param dmarcRecord as {@link MailDeliverability#dmarc()}
     * @return this builder
     */
    public Builder dmarc(String dmarcRecord) {
      this.dmarc = Objects.requireNonNull(dmarcRecord, "dmarcRecord");
      return this;
    }

    /**
     * Sets what {@link MailDeliverability#records()} sets.
     *
     * @param bindLines as {@link MailDeliverability#records()}
     * @return this builder
     */
    public Builder records(String... bindLines) {
      for (String line : Objects.requireNonNull(bindLines, "bindLines")) {
        this.records.add(Objects.requireNonNull(line, "a DNS record line"));
      }
      return this;
    }

    /**
     * Sets what {@link MailDeliverability#zoneFiles()} sets.
     *
     * @param zoneFiles as {@link MailDeliverability#zoneFiles()}
     * @return this builder
     */
    public Builder zoneFiles(String... zoneFiles) {
      for (String file : Objects.requireNonNull(zoneFiles, "zoneFiles")) {
        this.zoneFiles.add(Objects.requireNonNull(file, "a zone file"));
      }
      return this;
    }

    /**
     * Sets what {@link MailDeliverability#zoneFileOrigin()} sets.
     *
     * @param origin as {@link MailDeliverability#zoneFileOrigin()}
     * @return this builder
     */
    public Builder zoneFileOrigin(String origin) {
      this.zoneFileOrigin = Objects.requireNonNull(origin, "origin");
      return this;
    }

    /**
     * Sets what {@link MailDeliverability#verifyEachTest()} sets.
     *
     * @param verify as {@link MailDeliverability#verifyEachTest()}
     * @return this builder
     */
    public Builder verifyEachTest(boolean verify) {
      this.verifyEachTest = verify;
      return this;
    }

    /**
     * Sets what {@link MailDeliverability#checks()} sets.
     *
     * @param checks as {@link MailDeliverability#checks()}
     * @return this builder
     */
    public Builder checks(MailCheck... checks) {
      EnumSet<MailCheck> chosen = EnumSet.noneOf(MailCheck.class);
      for (MailCheck check : Objects.requireNonNull(checks, "checks")) {
        chosen.add(Objects.requireNonNull(check, "a check"));
      }
      this.checks = chosen;
      return this;
    }

    /**
     * Sets what {@link MailDeliverability#receivingHost()} sets.
     *
     * @param receivingHost as {@link MailDeliverability#receivingHost()}
     * @return this builder
     */
    public Builder receivingHost(String receivingHost) {
      this.receivingHost = Objects.requireNonNull(receivingHost, "receivingHost");
      return this;
    }

    /**
     * Sets what {@link MailDeliverability#dmarcMode()} sets.
     *
     * @param mode as {@link MailDeliverability#dmarcMode()}
     * @return this builder
     */
    public Builder dmarcMode(DmarcMode mode) {
      this.dmarcMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Sets what {@link MailDeliverability#dkimPolicy()} sets.
     *
     * @param policy as {@link MailDeliverability#dkimPolicy()}
     * @return this builder
     */
    public Builder dkimPolicy(DkimPolicy policy) {
      this.dkimPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets what {@link MailDeliverability#blockLists()} sets.
     *
     * @param zones as {@link MailDeliverability#blockLists()}
     * @return this builder
     */
    public Builder blockLists(String... zones) {
      for (String zone : Objects.requireNonNull(zones, "zones")) {
        this.blockLists.add(Objects.requireNonNull(zone, "a block list zone"));
      }
      return this;
    }

    /**
     * Sets what {@link MailDeliverability#spamFilters()} sets.
     *
     * @param filters as {@link MailDeliverability#spamFilters()}
     * @return this builder
     */
    public Builder spamFilters(SpamFilter... filters) {
      for (SpamFilter filter : Objects.requireNonNull(filters, "filters")) {
        this.spamFilters.add(Objects.requireNonNull(filter, "a spam filter"));
      }
      return this;
    }

    /**
     * Where the real spam filters run, such as {@code FilterContainers.image("my/filters:1")} of
     * {@code junit-mail-assert-testcontainers} (a container of that image); by default they are
     * processes of this machine. Their configuration, DNS and verdicts are the same wherever they run.
     *
     * @param launcher what starts the filters' programs (once per JVM for equal launchers)
     * @return this builder
     */
    public Builder spamFiltersIn(FilterLauncher launcher) {
      this.spamFilterLauncher = Optional.of(Objects.requireNonNull(launcher, "launcher"));
      return this;
    }

    /**
     * The receiver's clock, for DKIM {@code t=} and {@code x=}; the system clock by default.
     *
     * @param clock the clock the receiver reads
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets what {@link MailDeliverability#requireTls()} sets.
     *
     * @param require as {@link MailDeliverability#requireTls()}
     * @return this builder
     */
    public Builder requireTls(boolean require) {
      this.requireTls = require;
      return this;
    }

    /**
     * Sets what {@link MailDeliverability#implicitTls()} sets.
     *
     * @param implicit as {@link MailDeliverability#implicitTls()}
     * @return this builder
     */
    public Builder implicitTls(boolean implicit) {
      this.implicitTls = implicit;
      return this;
    }

    /**
     * Sets what {@link MailDeliverability#smtpPort()} sets.
     *
     * @param port as {@link MailDeliverability#smtpPort()}
     * @return this builder
     */
    public Builder smtpPort(int port) {
      this.smtpPort = port;
      return this;
    }

    /**
     * Sets what {@link MailDeliverability#dnsPort()} sets.
     *
     * @param port as {@link MailDeliverability#dnsPort()}
     * @return this builder
     */
    public Builder dnsPort(int port) {
      this.dnsPort = port;
      return this;
    }

    /**
     * The faults every test starts with, such as {@code faults(f -> f.greylist())}; a test changes
     * them through its {@link SmtpFaults} parameter, and the next test starts from these again.
     *
     * @param faults what to do to a test's {@link SmtpFaults} before it runs
     * @return this builder
     */
    public Builder faults(Consumer<SmtpFaults> faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /**
     * How long {@code single()} and {@code await(n)} wait; when not set, the configuration parameter
     * {@value CapturedMails#AWAIT_TIMEOUT_PARAMETER} decides, else 10 s.
     *
     * @param wait how long to wait, not negative
     * @return this builder
     * @see MailDeliverability#awaitTimeout()
     */
    public Builder awaitTimeout(Duration wait) {
      if (Objects.requireNonNull(wait, "wait").isNegative()) {
        throw new IllegalArgumentException("awaitTimeout cannot be negative: " + wait);
      }
      this.awaitTimeout = wait;
      return this;
    }

    /** {@return the extension, with settings that are checked when its environment starts} */
    public MailDeliverabilityExtension build() {
      return new MailDeliverabilityExtension(new Settings(domain, clientIp, clientHostName, spf, dmarc, records,
          zoneFiles, zoneFileOrigin, verifyEachTest, checks, receivingHost, dmarcMode, dkimPolicy, blockLists, false,
          clock, smtpPort, dnsPort, awaitTimeout, List.of(), new SmtpSettings(requireTls, implicitTls, faults),
          spamFilters, spamFilterLauncher));
    }
  }
}
