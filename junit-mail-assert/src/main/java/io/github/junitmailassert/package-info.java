/**
 * The JUnit 5 extension and what tests touch: {@link io.github.junitmailassert.MailDeliverability},
 * {@link io.github.junitmailassert.MailDeliverabilityExtension}, the captured mails and the endpoints.
 */
package io.github.junitmailassert;
