package io.github.junitmailassert;

import io.github.junitmailassert.check.MailCheck;
import io.github.junitmailassert.dkim.DkimPolicy;
import io.github.junitmailassert.dmarc.DmarcMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Changes the settings of {@link MailDeliverability} (or of a {@link MailDeliverabilityExtension}
 * built in code) for one test method, or for the tests of a {@code @Nested} class:
 *
 * <pre>{@code
 * @MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", spf = "v=spf1 ip4:203.0.113.25 -all")
 * class SpfTest {
 *   @Test
 *   @MailDeliverabilityOverride(spf = "v=spf1 ip4:198.51.100.1 -all")
 *   void a_sender_the_record_does_not_list_fails(SmtpEndpoint smtp, CapturedMails mails) {
 *     app.sendWelcome(smtp.host(), smtp.port());
 *     assertThat(mails.single()).spf().isFail();
 *   }
 * }
 * }</pre>
 *
 * <p>Every attribute is empty unless given, and an empty one keeps the class's setting. A
 * single-valued attribute takes one value: {@code spf = ""} publishes no SPF record for this test.
 * {@link #records()} replace, at each name and type they give, the class's records there (as
 * {@link io.github.junitmailassert.dns.DnsZone#replaceRecords(String, String...)} does); other
 * records stay. Overrides of enclosing {@code @Nested} classes apply first, outermost first, then
 * the method's. Works as a meta-annotation.
 *
 * <p>With the default {@code PER_METHOD} lifecycle each test starts its own servers from the merged
 * settings, so everything can be overridden. Where the tests of a class share one server
 * ({@code PER_CLASS}, or a static {@code @RegisterExtension} field), the test's zone, receiver
 * settings and wait apply for that test and are reset after it; {@link #smtpPort()}, {@link #dnsPort()}
 * and {@link #receivingHost()}, which a running server cannot change, are refused with an
 * {@code ExtensionConfigurationException} naming the attribute.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MailDeliverabilityOverride {

  /**
   * {@return the domain the application sends from in this test, in place of the class's; empty keeps it}
   *
   * @see MailDeliverability#domain()
   */
  String[] domain() default {};

  /**
   * {@return the IP address the receiver sees the mail come from in this test, in place of the class's; empty keeps it}
   *
   * @see MailDeliverability#clientIp()
   */
  String[] clientIp() default {};

  /**
   * {@return the name the client announces in {@code EHLO} in this test, in place of the class's; empty keeps it}
   *
   * @see MailDeliverability#clientHostName()
   */
  String[] clientHostName() default {};

  /** {@return the SPF record at the domain for this test, in place of the class's; {@code ""} for none} */
  String[] spf() default {};

  /** {@return the DMARC record for this test, in place of the class's; {@code ""} for none} */
  String[] dmarc() default {};

  /**
   * Records in BIND zone-file syntax, relative to the domain; each replaces the class's records of
   * its name and type ({@code "@ IN MX 20 backup"} leaves that one MX record).
   *
   * @return the records for this test, each relative to the domain
   */
  String[] records() default {};

  /**
   * {@return whether the gate verifies every mail after this test, in place of the class's; empty keeps it}
   *
   * @see MailDeliverability#verifyEachTest()
   */
  boolean[] verifyEachTest() default {};

  /** {@return the checks of the gate for this test, in place of the class's} */
  MailCheck[] checks() default {};

  /**
   * {@return how the receiver reads DMARC in this test, in place of the class's; empty keeps it}
   *
   * @see MailDeliverability#dmarcMode()
   */
  DmarcMode[] dmarcMode() default {};

  /**
   * {@return the DKIM signatures the receiver accepts in this test, in place of the class's; empty keeps it}
   *
   * @see MailDeliverability#dkimPolicy()
   */
  DkimPolicy[] dkimPolicy() default {};

  /** {@return the block lists the receiver asks in this test, in place of the class's} */
  String[] blockLists() default {};

  /**
   * {@return the receiver's clock for this test, an ISO-8601 instant, in place of the class's; empty keeps it}
   *
   * @see MailDeliverability#clock()
   */
  String[] clock() default {};

  /**
   * The receiving host's name for this test; refused where the tests of a class share a server.
   *
   * @return the receiving MTA's host name for this test
   * @see MailDeliverability#receivingHost()
   */
  String[] receivingHost() default {};

  /**
   * The capture server's port for this test; refused where the tests of a class share a server.
   *
   * @return the capture server's port for this test, 0 for a free one
   * @see MailDeliverability#smtpPort()
   */
  int[] smtpPort() default {};

  /**
   * The loopback DNS server's port for this test; refused where the tests of a class share a server.
   *
   * @return the loopback DNS server's port for this test, 0 for a free one
   * @see MailDeliverability#dnsPort()
   */
  int[] dnsPort() default {};

  /**
   * {@return how long waits for mail take in this test, as {@code "2 s"}, in place of the class's; empty keeps it}
   *
   * @see MailDeliverability#awaitTimeout()
   */
  String[] awaitTimeout() default {};
}
