package io.github.junitmailassert;

import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.mail.DnsEndpoint;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dkim.DkimPolicy;
import io.github.junitmailassert.dmarc.DmarcMode;
import io.github.junitmailassert.filter.SpamFilter;
import io.github.junitmailassert.receiver.Receiver;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a capture SMTP server and a fake DNS zone for a test class, so that the mail the
 * application sends can be checked the way a receiving MTA would check it.
 *
 * <pre>{@code
 * @MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25",
 *                     spf = "v=spf1 ip4:203.0.113.25 -all")
 * class SignupMailTest {
 *   @Test void welcomeMail(SmtpEndpoint smtp, CapturedMails mails) {
 *     app.sendWelcome(smtp.host(), smtp.port());
 *     assertThat(mails.single()).hasEnvelopeSenderDomain("sample.co.jp").hasNoLocalNameLeaks();
 *   }
 * }
 * }</pre>
 *
 * <p>Test methods and lifecycle methods can declare parameters of type {@link CapturedMails},
 * {@link SmtpEndpoint}, {@link DnsEndpoint}, {@link io.github.junitmailassert.dns.DnsZone},
 * {@link Receiver}, {@link io.github.junitmailassert.mail.SmtpFaults} (the capture server's
 * refusals, delays and drops for this test) and {@link io.github.junitmailassert.mail.SmtpTls}
 * (trust material for clients that verify its certificate). Works on {@code @Nested} classes
 * (they share the enclosing class's settings) and as a meta-annotation;
 * {@link MailDeliverabilityOverride} on a test method (or a {@code @Nested} class) changes
 * settings for its tests. For settings built in code, register
 * {@link MailDeliverabilityExtension} with {@code @RegisterExtension} instead.
 *
 * <p>Thread-safety: with the default {@link Lifecycle#PER_METHOD} every test has its own servers and
 * zone, so test methods and classes may run in parallel.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MailDeliverabilityExtension.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface MailDeliverability {

  /**
   * {@return the domain the application sends from; the envelope sender should be in it} An
   * internationalized domain ({@code "例え.jp"}) is published in the zone under its A-labels
   * ({@code xn--r8jz45g.jp}), and the checks treat both forms as one domain.
   */
  String domain() default "";

  /**
   * {@return the public IP address receivers would see as the client} Over loopback every client is
   * 127.0.0.1, which no SPF record lists; the checks use this address instead and say so.
   */
  String clientIp() default "";

  /**
   * {@return the sending host's name; with {@link #clientIp()} the zone gets its A and PTR records}
   * An internationalized name gets them under its A-labels.
   */
  String clientHostName() default "";

  /** {@return an SPF record to publish at {@link #domain()}, such as {@code "v=spf1 ip4:203.0.113.25 -all"}} */
  String spf() default "";

  /** {@return a DMARC record to publish at {@code _dmarc.}{@link #domain()}, such as {@code "v=DMARC1; p=reject"}} */
  String dmarc() default "";

  /**
   * More DNS records, one per entry in BIND zone-file syntax, relative to {@link #domain()}:
   * {@code "mail IN A 203.0.113.25"}, {@code "@ IN MX 10 mail"}.
   *
   * @return the records; none by default
   */
  String[] records() default {};

  /** {@return BIND zone files to load: file paths, or class path resources written {@code classpath:zones/x.zone}} */
  String[] zoneFiles() default {};

  /** {@return the origin of relative names in {@link #zoneFiles()}; {@link #domain()} when empty} */
  String zoneFileOrigin() default "";

  /**
   * Checks every captured mail after each test, with no assertion written, and fails the test
   * with one report of every offending mail and the fixes: the {@link #checks()}, by default
   * envelope sender in {@link #domain()}, no local names leaking, SPF pass and forward-confirmed
   * reverse DNS for {@link #clientIp()}. This is how a team gates merges in CI.
   *
   * @return whether each test checks every captured mail
   */
  boolean verifyEachTest() default false;

  /**
   * {@return the checks {@link #verifyEachTest()} runs} SPF and REVERSE_DNS need {@link #clientIp()}
   * (and reverse DNS a PTR record, which {@link #clientHostName()} gives); ENVELOPE_DOMAIN needs
   * {@link #domain()}. Add DKIM and DMARC once the application signs its mail.
   */
  MailCheck[] checks() default {MailCheck.ENVELOPE_DOMAIN, MailCheck.LOCAL_NAMES, MailCheck.SPF, MailCheck.REVERSE_DNS};

  /**
   * How the receiver finds the DMARC policy: the RFC 9989 DNS tree walk (the default), or RFC 7489
   * with the Public Suffix List, which needs {@code com.google.guava:guava} on the test class path.
   *
   * @return the DMARC mode
   */
  DmarcMode dmarcMode() default DmarcMode.RFC9989;

  /**
   * Which DKIM signatures the receiver accepts: RFC 8301 (the default: no {@code rsa-sha1}, RSA
   * keys of 1024 bits and more), or {@link DkimPolicy#LEGACY} to model an old receiver.
   *
   * @return the DKIM policy
   */
  DkimPolicy dkimPolicy() default DkimPolicy.RFC8301;

  /**
   * DNS block list zones the receiver asks for the client IP (RFC 5782), such as
   * {@code "zen.dnsbl.example"}; the test publishes the listings it simulates in the zone.
   * {@code MailCheck.BLOCK_LISTS} in {@link #checks()} makes the gate fail a listed client.
   *
   * @return the block list zones; none by default
   */
  String[] blockLists() default {};

  /**
   * The real spam filters the receiver asks for {@code MailCheck.SPAM_SCORE} in {@link #checks()}:
   * the gate fails a mail one of them calls spam. Assertions ({@code spamAssassin()},
   * {@code rspamd()}) score any mail without this.
   *
   * @return the spam filters that score each mail; none by default
   */
  SpamFilter[] spamFilters() default {};

  /**
   * The receiver's clock as a fixed instant in ISO-8601, such as {@code "2026-11-27T10:00:00Z"},
   * for DKIM {@code t=} and {@code x=} and SPF's {@code %{t}}; the system clock when empty. (The
   * builder takes a {@link java.time.Clock}.)
   *
   * @return the instant, or empty for the system clock
   */
  String clock() default "";

  /** {@return the receiving MTA's host name, written in the {@code Received-SPF} and {@code Authentication-Results} it reports} */
  String receivingHost() default Receiver.DEFAULT_RECEIVING_HOST;

  /**
   * Refuses {@code MAIL} sent in the clear with {@code 530 5.7.0 Must issue a STARTTLS command
   * first}, as receivers that require TLS do; the refused attempt is in
   * {@link CapturedMails#attempts()} and in the message of a wait that times out.
   *
   * @return whether the capture server requires STARTTLS before {@code MAIL}
   */
  boolean requireTls() default false;

  /**
   * Speaks TLS from the first byte (SMTPS, port 465 style) instead of offering STARTTLS;
   * {@link SmtpEndpoint#implicitTls()} says so, and {@link io.github.junitmailassert.mail.SmtpTls}
   * gives the trust material.
   *
   * @return whether the capture server speaks TLS from the first byte
   */
  boolean implicitTls() default false;

  /** {@return whether each test gets its own servers (the default), or the tests of a class share them} */
  Lifecycle lifecycle() default Lifecycle.PER_METHOD;

  /**
   * A fixed port for the capture server, for an application whose port is in a configuration file;
   * 0 (the default) takes a free port, which is what parallel tests need. A port another process
   * holds fails the start with an {@code ExtensionConfigurationException} that names it; so does a
   * port another running test of this JVM holds. With {@link Lifecycle#PER_METHOD} every test starts
   * a server on that port in turn, so a test whose methods run concurrently is refused: use
   * {@link Lifecycle#PER_CLASS} or {@code @Execution(SAME_THREAD)}, and {@code @ResourceLock} on
   * classes that share the port. A sender still sending after its test ended can reach the next
   * test's server on a fixed port (a free port is not reused within the JVM before the capture
   * servers have gone through the OS's ephemeral range).
   *
   * @return the capture server's port; 0 for a free one
   */
  int smtpPort() default 0;

  /**
   * A fixed port (UDP and TCP) for the loopback DNS server, for a process whose resolver port is in
   * a configuration file; 0 (the default) takes a free one when {@link DnsEndpoint} is first asked
   * for. A fixed port starts the server with the environment, and is refused and documented as
   * {@link #smtpPort()} is.
   *
   * @return the loopback DNS server's port; 0 for a free one
   */
  int dnsPort() default 0;

  /**
   * How long {@link CapturedMails#single()} and {@link CapturedMails#await(int)} wait, written as
   * JUnit writes timeouts: {@code "2 s"}, {@code "500 ms"}. When empty, the JUnit configuration
   * parameter {@value CapturedMails#AWAIT_TIMEOUT_PARAMETER} decides, else 10 s. A
   * {@link MailDeliverabilityOverride} on the test method decides over both.
   *
   * @return how long waits for mail take, or empty for the configuration parameter's or 10 s
   */
  String awaitTimeout() default "";

  /** When the capture server and the fake zone start and stop. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  enum Lifecycle {
    /**
     * New servers and an empty zone for every test method: tests may run in parallel. Starting
     * and stopping them takes well under a millisecond (see the benchmark in the README).
     */
    PER_METHOD,
    /**
     * One capture server per test class; captured mails are cleared and the zone is reset to the
     * declared records before each test. The tests of such a class must not run concurrently with
     * each other (annotate it {@code @Execution(SAME_THREAD)} when running in parallel); the
     * extension fails a test that would share the server with another running test.
     */
    PER_CLASS
  }
}
