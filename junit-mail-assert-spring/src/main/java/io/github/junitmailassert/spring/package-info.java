/**
 * Spring's test framework meets junit-mail-assert: a test class that runs the capture server for the
 * whole class gets {@code spring.mail.host} and {@code spring.mail.port} pointed at it, with no
 * {@code @DynamicPropertySource} method.
 *
 * <pre>{@code
 * @SpringBootTest
 * @MailDeliverability(domain = "sample.co.jp", lifecycle = Lifecycle.PER_CLASS)
 * class OrderMailTest {
 *   @Autowired OrderMailer orderMailer;
 *
 *   @Test
 *   void confirmation(CapturedMails mails) {
 *     orderMailer.sendConfirmation("user@example.com", "A-1001");
 *     assertThat(mails.single()).hasEnvelopeSenderDomain("sample.co.jp");
 *   }
 * }
 * }</pre>
 *
 * <p>Nothing here is called by users: Spring finds {@link MailDeliverabilityContextCustomizerFactory}
 * through {@code META-INF/spring.factories} once the module is on the test class path.
 */
package io.github.junitmailassert.spring;
