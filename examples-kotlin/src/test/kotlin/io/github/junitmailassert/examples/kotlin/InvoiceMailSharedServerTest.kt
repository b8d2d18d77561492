package io.github.junitmailassert.examples.kotlin

import io.github.junitmailassert.MailDeliverabilityExtension
import io.github.junitmailassert.assertions.MailAssertions.assertThat
import io.github.junitmailassert.mail.CapturedMails
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension

/**
 * The programmatic door from Kotlin: a `@JvmField` in the companion object is the static field JUnit
 * needs for one capture server per class (mails cleared before each test).
 */
class InvoiceMailSharedServerTest {

    companion object {
        @JvmField
        @RegisterExtension
        val mail: MailDeliverabilityExtension = MailDeliverabilityExtension.newInstance()
            .domain("billing.example").clientIp("203.0.113.40").spf("v=spf1 ip4:203.0.113.40 -all")
            .build()
    }

    private fun mailer(envelopeSender: String) = InvoiceMailer(MailConfig(mail.smtp().host(), mail.smtp().port(),
        envelopeSender, "mail.billing.example", "invoices@billing.example"))

    @Test
    fun `the envelope sender in the domain passes SPF`(mails: CapturedMails) {
        mailer("bounces@billing.example").sendInvoice("customer@example.com", "2026-0043")

        assertThat(mails.single()).hasEnvelopeSenderDomain("billing.example").spf().isPass()
        assertThat(mail.mails().single()).isSameAs(mails.single())
    }

    @Test
    fun `an envelope sender in another domain is reported with the fix`() {
        mailer("billing@mailer.invalid").sendInvoice("customer@example.com", "2026-0044")

        assertThatThrownBy { assertThat(mail.mails().single()).hasEnvelopeSenderDomain("billing.example") }
            .hasMessage(
                """
                |
                |Expecting the envelope sender (MAIL FROM) of
                |  mail #1 from <billing@mailer.invalid> to [customer@example.com] "Invoice 2026-0044"
                |to be in domain:
                |  billing.example
                |but was:
                |  <billing@mailer.invalid>
                |as the client sent it:
                |  MAIL FROM:<billing@mailer.invalid>
                |Receivers check SPF for this domain, write it as Return-Path and send bounces there.
                |Fix: set the envelope sender to an address in billing.example: Jakarta Mail mail.smtp.from=no-reply@billing.example (Spring Boot: spring.mail.properties.mail.smtp.from); PHP -fno-reply@billing.example in sendmail_path or as mail()'s fifth argument; sendmail MASQUERADE_AS(`billing.example') with FEATURE(`masquerade_envelope')
                """.trimMargin(),
            )
    }
}
