package io.github.junitmailassert.examples.kotlin

import io.github.junitmailassert.MailDeliverability
import io.github.junitmailassert.assertions.MailAssertions.assertThat
import io.github.junitmailassert.mail.CapturedMails
import io.github.junitmailassert.mail.SmtpEndpoint
import org.junit.jupiter.api.Test

/** The declarative door from Kotlin: the annotation, and the endpoint and mails as test parameters. */
@MailDeliverability(
    domain = "billing.example",
    clientIp = "203.0.113.40",
    clientHostName = "mail.billing.example",
    spf = "v=spf1 ip4:203.0.113.40 -all",
)
class InvoiceMailTest {

    @Test
    fun `the invoice passes SPF and reverse DNS`(smtp: SmtpEndpoint, mails: CapturedMails) {
        InvoiceMailer(MailConfig(smtp.host(), smtp.port(), "bounces@billing.example", "mail.billing.example",
            "Billing <invoices@billing.example>")).sendInvoice("customer@example.com", "2026-0042")

        val mail = mails.single()
        assertThat(mail).hasEnvelopeSender("bounces@billing.example").hasHeader("Subject", "Invoice 2026-0042")
            .hasNoLocalNameLeaks()
        assertThat(mail).spf().isPass().hasMechanism("ip4:203.0.113.40")
        assertThat(mail).sendingHost().hasForwardConfirmedReverseDns().hasValidHeloName()
    }
}
