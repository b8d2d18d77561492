package io.github.junitmailassert.examples.kotlin

import jakarta.mail.Message
import jakarta.mail.Session
import jakarta.mail.Transport
import jakarta.mail.internet.InternetAddress
import jakarta.mail.internet.MimeMessage
import java.util.Properties

/** Where and as whom a Kotlin service sends its invoices: plain Jakarta Mail settings. */
data class MailConfig(
    val smtpHost: String,
    val smtpPort: Int,
    val envelopeSender: String,
    val heloName: String,
    val from: String,
) {
    fun toProperties(): Properties = Properties().apply {
        setProperty("mail.smtp.host", smtpHost)
        setProperty("mail.smtp.port", smtpPort.toString())
        setProperty("mail.smtp.from", envelopeSender)
        setProperty("mail.smtp.localhost", heloName)
        setProperty("mail.from", from)
    }
}

/** The mail part of a small Kotlin billing service. */
class InvoiceMailer(private val config: MailConfig) {
    private val session: Session = Session.getInstance(config.toProperties())

    fun sendInvoice(to: String, invoiceNumber: String) {
        val message = MimeMessage(session).apply {
            setFrom(InternetAddress(config.from))
            setRecipients(Message.RecipientType.TO, to)
            setSubject("Invoice $invoiceNumber", "UTF-8")
            setText("Your invoice $invoiceNumber is attached to your account.", "UTF-8")
        }
        Transport.send(message)
    }
}
