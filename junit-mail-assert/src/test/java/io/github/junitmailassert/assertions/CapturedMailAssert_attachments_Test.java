package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static io.github.junitmailassert.assertions.CapturedMailAssert_content_Test.encodedWord;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.MailAttachment;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.testing.Send;
import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Attachments of a multipart/mixed mail that Jakarta Mail (Angus) sent through the capture server:
 * a file name in RFC 2231 (what Jakarta Mail writes) and one in RFC 2047 (what many mailers write),
 * binary content in base64.
 */
@MailDeliverability(domain = "sample.co.jp")
class CapturedMailAssert_attachments_Test {

  private static final byte[] PDF = "%PDF-1.7\n\u0000\u00ff\u0080 invoice\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] CSV = "注文番号,金額\nA-1001,1200\n".getBytes(StandardCharsets.UTF_8);
  private static final String MAIL = "mail #1 from <billing@sample.co.jp> to [user@example.com] \"請求書\"";

  private static CapturedMail invoice(SmtpEndpoint smtp, CapturedMails mails) {
    Send.message(smtp, "billing@sample.co.jp", m -> {
      m.setFrom("billing@sample.co.jp");
      m.setRecipients(RecipientType.TO, "user@example.com");
      m.setSubject("請求書", "UTF-8");
      MimeMultipart mixed = new MimeMultipart();
      MimeBodyPart body = new MimeBodyPart();
      body.setText("請求書を添付します。\n", "UTF-8");
      MimeBodyPart pdf = new MimeBodyPart();
      pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(PDF, "application/pdf")));
      pdf.setFileName("請求書.pdf");
      pdf.setDisposition("attachment");
      MimeBodyPart csv = new MimeBodyPart();
      csv.setDataHandler(new DataHandler(new ByteArrayDataSource(CSV, "text/csv; charset=UTF-8")));
      csv.setHeader("Content-Type", "text/csv; charset=UTF-8; name=\"" + encodedWord("明細.csv", "UTF-8") + "\"");
      csv.setHeader("Content-Disposition", "attachment; filename=\"" + encodedWord("明細.csv", "UTF-8") + "\"");
      mixed.addBodyPart(body);
      mixed.addBodyPart(pdf);
      mixed.addBodyPart(csv);
      m.setContent(mixed);
    });
    return mails.single();
  }

  @Test
  void should_pass_for_attachments_with_encoded_names(SmtpEndpoint smtp, CapturedMails mails) {
    // GIVEN the names as Jakarta Mail wrote them: RFC 2231 for the PDF, RFC 2047 for the CSV
    CapturedMail mail = invoice(smtp, mails);
    Assertions.assertThat(mail.bodyText())
        .contains("filename*=UTF-8''%E8%AB%8B%E6%B1%82%E6%9B%B8.pdf")
        .contains("filename=\"" + encodedWord("明細.csv", "UTF-8") + "\"");
    // THEN they read decoded, with their decoded content
    assertThat(mail)
        .hasTextBodyContaining("請求書を添付します。")
        .hasAttachment("請求書.pdf")
        .hasAttachment("明細.csv")
        .attachment("請求書.pdf").hasContentType("application/pdf").hasSize(PDF.length).hasContent(PDF)
        .returnToMail()
        .attachment("明細.csv").hasContentType("TEXT/CSV; charset=UTF-8").hasSize(CSV.length).hasContent(CSV);
    assertThat(mail).attachments().extracting(MailAttachment::fileName).containsExactly("請求書.pdf", "明細.csv");
    Assertions.assertThat(mail.attachments().get(0).content()).isEqualTo(PDF).isNotSameAs(mail.attachments().get(0).content());
  }

  @Test
  void should_fail_for_a_missing_attachment_listing_those_there_are(SmtpEndpoint smtp, CapturedMails mails) {
    CapturedMail mail = invoice(smtp, mails);
    String expected = String.format("%nExpecting%n  %s%nto have an attachment named:%n  \"invoice.pdf\"%nbut it has only:%n"
        + "  [\"請求書.pdf\" (application/pdf, %d bytes), \"明細.csv\" (text/csv, %d bytes)]", MAIL, PDF.length, CSV.length);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasAttachment("invoice.pdf")).withMessage(expected);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).attachment("invoice.pdf")).withMessage(expected);
  }

  @Test
  void should_fail_for_a_mail_without_attachments(SmtpEndpoint smtp, CapturedMails mails) {
    Send.mail(smtp, "billing@sample.co.jp", "user@example.com", "請求書");
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mails.single()).hasAttachment("請求書.pdf"))
        .withMessage(String.format("%nExpecting%n  %s%nto have an attachment named:%n  \"請求書.pdf\"%nbut it has none",
            MAIL));
  }

  @Test
  void should_fail_the_content_type_size_and_content_of_an_attachment(SmtpEndpoint smtp, CapturedMails mails) {
    CapturedMail mail = invoice(smtp, mails);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).attachment("請求書.pdf").hasContentType("application/octet-stream"))
        .withMessage(String.format("%nExpecting the content type of the attachment \"請求書.pdf\" of%n  %s%nto be:%n"
            + "  \"application/octet-stream\"%nbut was:%n  \"application/pdf\"", MAIL));
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).attachment("請求書.pdf").hasSize(1024))
        .withMessage(String.format("%nExpecting the size of the attachment \"請求書.pdf\" of%n  %s%nto be:%n  1024 bytes%n"
            + "but was:%n  %d bytes", MAIL, PDF.length));
    byte[] other = CSV.clone();
    other[3] = 'X';
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).attachment("明細.csv").hasContent(other))
        .withMessage(String.format("%nExpecting the content of the attachment \"明細.csv\" of%n  %s%n"
            + "to be the expected %d bytes%nbut it has %d bytes and differs first at byte 3 (0x%02x where 0x58 was expected)",
            MAIL, CSV.length, CSV.length, CSV[3] & 0xff));
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).attachment("明細.csv").hasContent(new byte[0]))
        .withMessage(String.format("%nExpecting the content of the attachment \"明細.csv\" of%n  %s%n"
            + "to be the expected 0 bytes%nbut it has %d bytes and differs first at byte 0 (0x%02x where the end was expected)",
            MAIL, CSV.length, CSV[0] & 0xff));
  }

  @Test
  void should_collect_a_missing_attachment_and_body_under_soft_assertions(SmtpEndpoint smtp, CapturedMails mails) {
    CapturedMail mail = invoice(smtp, mails);
    MailSoftAssertions softly = new MailSoftAssertions();
    softly.assertThat(mail).attachment("invoice.pdf").hasSize(3);
    softly.assertThat(mail).htmlBody().contains("<a");
    softly.assertThat(mail).hasSubject("Invoice").attachment("請求書.pdf").hasSize(PDF.length);
    // Soft assertions add the line of the failing call: compared up to it.
    List<String> errors = softly.assertionErrorsCollected().stream().map(Throwable::getMessage)
        .map(m -> m.substring(0, m.lastIndexOf(String.format("%nat ")))).toList();
    Assertions.assertThat(errors).containsExactly(
        String.format("%nExpecting%n  %s%nto have an attachment named:%n  \"invoice.pdf\"%nbut it has only:%n"
            + "  [\"請求書.pdf\" (application/pdf, %d bytes), \"明細.csv\" (text/csv, %d bytes)]", MAIL, PDF.length, CSV.length),
        String.format("[the attachment \"invoice.pdf\" of %s] %nExpecting actual not to be null", MAIL),
        String.format("%nExpecting%n  %s%nto have an HTML body (a text/html part that is not an attachment) but it has none;"
            + " its MIME parts are:%n  multipart/mixed%n    text/plain; charset=UTF-8%n"
            + "    application/pdf; name=\"請求書.pdf\"%n    text/csv; charset=UTF-8; name=\"明細.csv\"", MAIL),
        String.format("[the HTML body of %s] %nExpecting actual not to be null", MAIL),
        String.format("%nExpecting the subject of%n  %s%nto be:%n  \"Invoice\"%nbut was:%n  \"請求書\"%nas written:%n"
            + "  \"%s\"", MAIL, mail.header("Subject").orElseThrow()));
  }
}
