/**
 * Spring's test framework meets junit-mail-assert: a test class that runs the capture server for the
 * whole class gets {@code spring.mail.host} and {@code spring.mail.port} pointed at it, with no
 * {@code @DynamicPropertySource} method.
 *
 * <pre>{@code
 * @SpringBootTest
 * @MailDeliverability(domain = "sample.co.jp", clientIp = "203.0.113.25", spf = "v=spf1 ip4:203.0.113.25 -all",
 *     lifecycle = Lifecycle.PER_CLASS)
 * class DeclarativeWiringTest {
 *   @Autowired WelcomeMailer welcomeMailer;
 *
 *   @Test
 *   void welcome(CapturedMails mails) {
 *     welcomeMailer.sendWelcome("user@example.com");
 *     assertThat(mails.single()).hasEnvelopeSenderDomain("sample.co.jp").spf().isPass();
 *   }
 * }
 * }</pre>
 *
 * <p>(the module's own {@code DeclarativeWiringTest}). Nothing here is called by users: Spring finds {@link MailDeliverabilityContextCustomizerFactory}
 * through {@code META-INF/spring.factories} once the module is on the test class path.
 */
package io.github.junitmailassert.spring;
