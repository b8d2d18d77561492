package io.github.junitmailassert.assertions;

import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.format.OneClickUnsubscribe;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpEndpoint;
import io.github.junitmailassert.profile.ProfileResult;
import io.github.junitmailassert.profile.ReceiverProfile;
import io.github.junitmailassert.testing.Send;
import jakarta.mail.Message.RecipientType;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * RFC 8058 one-click unsubscribe on newsletters that Jakarta Mail (Angus) sent through the capture
 * server, and the bulk sender profile reading the same judgement.
 */
@MailDeliverability(domain = "sample.co.jp")
class CapturedMailAssert_hasOneClickUnsubscribe_Test {

  private static final String MAIL = "mail #1 from <news@sample.co.jp> to [user@example.com] \"News\"";
  private static final String REQUIRED = String.format("%nGmail and Yahoo require it of bulk senders since February 2024.%n"
      + "Fix: add List-Unsubscribe: <https://...> and List-Unsubscribe-Post: List-Unsubscribe=One-Click, and sign both"
      + " with DKIM");

  /** A newsletter with these List-Unsubscribe and List-Unsubscribe-Post values (null: no such field). */
  private static CapturedMail newsletter(SmtpEndpoint smtp, CapturedMails mails, String link, String post) {
    Send.message(smtp, "news@sample.co.jp", m -> {
      m.setFrom("news@sample.co.jp");
      m.setRecipients(RecipientType.TO, "user@example.com");
      m.setSubject("News");
      if (link != null) {
        m.setHeader("List-Unsubscribe", link);
      }
      if (post != null) {
        m.setHeader("List-Unsubscribe-Post", post);
      }
      m.setText("News.");
    });
    return mails.single();
  }

  /** The problem the bulk sender profile names for its one-click rule, or null when the rule is kept. */
  private static String profileProblem(CapturedMail mail) {
    ProfileResult result = ReceiverProfile.bulkSenders2024().evaluate(mail);
    return result.broken().stream()
        .filter(b -> b.rule().requirement().equals("marketing mail offers one-click unsubscribe (RFC 8058)"))
        .map(ProfileResult.BrokenRule::problem).findFirst().orElse(null);
  }

  @Test
  void should_pass_with_an_https_uri_and_the_one_click_post(SmtpEndpoint smtp, CapturedMails mails) {
    CapturedMail mail = newsletter(smtp, mails, "<mailto:unsubscribe@sample.co.jp?subject=unsubscribe>,"
        + " <https://sample.co.jp/unsubscribe/u1>", "List-Unsubscribe=One-Click");
    assertThat(mail).hasOneClickUnsubscribe();
    Assertions.assertThat(OneClickUnsubscribe.of(mail).httpsUri()).hasValue("https://sample.co.jp/unsubscribe/u1");
    Assertions.assertThat(profileProblem(mail)).isNull();
  }

  @Test
  void should_fail_without_either_field(SmtpEndpoint smtp, CapturedMails mails) {
    CapturedMail mail = newsletter(smtp, mails, null, null);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasOneClickUnsubscribe())
        .withMessage(String.format("%nExpecting%n  %s%nto offer one-click unsubscribe (RFC 8058) but there is no"
            + " List-Unsubscribe header field; there is no List-Unsubscribe-Post header field:%n"
            + "  List-Unsubscribe: (none)%n  List-Unsubscribe-Post: (none)", MAIL) + REQUIRED);
    Assertions.assertThat(profileProblem(mail))
        .isEqualTo("there is no List-Unsubscribe header field; there is no List-Unsubscribe-Post header field");
  }

  @Test
  void should_fail_with_a_mailto_uri_only(SmtpEndpoint smtp, CapturedMails mails) {
    CapturedMail mail = newsletter(smtp, mails, "<mailto:unsubscribe@sample.co.jp>", "List-Unsubscribe=One-Click");
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasOneClickUnsubscribe())
        .withMessage(String.format("%nExpecting%n  %s%nto offer one-click unsubscribe (RFC 8058) but List-Unsubscribe"
            + " has no https URI:%n  List-Unsubscribe: <mailto:unsubscribe@sample.co.jp>%n"
            + "  List-Unsubscribe-Post: List-Unsubscribe=One-Click", MAIL) + REQUIRED);
    Assertions.assertThat(profileProblem(mail)).isEqualTo("List-Unsubscribe has no https URI");
  }

  @Test
  void should_fail_with_an_http_uri(SmtpEndpoint smtp, CapturedMails mails) {
    CapturedMail mail = newsletter(smtp, mails, "<http://sample.co.jp/unsubscribe/u1>", "List-Unsubscribe=One-Click");
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasOneClickUnsubscribe())
        .withMessage(String.format("%nExpecting%n  %s%nto offer one-click unsubscribe (RFC 8058) but List-Unsubscribe"
            + " has no https URI:%n  List-Unsubscribe: <http://sample.co.jp/unsubscribe/u1>%n"
            + "  List-Unsubscribe-Post: List-Unsubscribe=One-Click", MAIL) + REQUIRED);
  }

  @Test
  void should_fail_without_the_post_field(SmtpEndpoint smtp, CapturedMails mails) {
    CapturedMail mail = newsletter(smtp, mails, "<https://sample.co.jp/unsubscribe/u1>", null);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasOneClickUnsubscribe())
        .withMessage(String.format("%nExpecting%n  %s%nto offer one-click unsubscribe (RFC 8058) but there is no"
            + " List-Unsubscribe-Post header field:%n  List-Unsubscribe: <https://sample.co.jp/unsubscribe/u1>%n"
            + "  List-Unsubscribe-Post: (none)", MAIL) + REQUIRED);
    Assertions.assertThat(profileProblem(mail)).isEqualTo("there is no List-Unsubscribe-Post header field");
  }

  @Test
  void should_fail_when_the_post_field_is_not_exactly_one_click(SmtpEndpoint smtp, CapturedMails mails) {
    CapturedMail mail = newsletter(smtp, mails, "<https://sample.co.jp/unsubscribe/u1>", "List-Unsubscribe=Unsubscribe");
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(mail).hasOneClickUnsubscribe())
        .withMessage(String.format("%nExpecting%n  %s%nto offer one-click unsubscribe (RFC 8058) but"
            + " List-Unsubscribe-Post is not exactly List-Unsubscribe=One-Click:%n"
            + "  List-Unsubscribe: <https://sample.co.jp/unsubscribe/u1>%n"
            + "  List-Unsubscribe-Post: List-Unsubscribe=Unsubscribe", MAIL) + REQUIRED);
    Assertions.assertThat(profileProblem(mail)).isEqualTo("List-Unsubscribe-Post is not exactly List-Unsubscribe=One-Click");
  }
}
