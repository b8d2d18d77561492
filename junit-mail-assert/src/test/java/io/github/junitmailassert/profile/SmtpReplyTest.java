package io.github.junitmailassert.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.receiver.ReceiverResult;
import io.github.junitmailassert.testing.Received;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replies, and rules that send them: bad input is a clear error, the verdict's reply is the first of the worst. */
class SmtpReplyTest {

  private final ReceiverResult result = result();

  private static ReceiverResult result() {
    DnsZone zone = DnsZone.create();
    CapturedMail mail = Received.mail(Received.view(zone, "203.0.113.25"), "a@sample.co.jp", "mail.sample.co.jp",
        "From: a@sample.co.jp\r\nSubject: x\r\n\r\nb\r\n".getBytes(StandardCharsets.UTF_8));
    return Receiver.checkOf(mail);
  }

  private static ProfileRule broken(String requirement, Verdict consequence) {
    return ProfileRule.of(requirement, "a test", consequence, r -> false, r -> "broken", "");
  }

  @Test
  void should_write_the_reply_as_the_receiver_does_and_tell_deferred_from_rejected() {
    assertThat(new SmtpReply(550, "5.7.26", "blocked")).hasToString("550 5.7.26 blocked")
        .extracting(SmtpReply::verdict).isEqualTo(Verdict.REJECTED);
    assertThat(new SmtpReply(550, "", "Unknown user u@docomo.example")).hasToString("550 Unknown user u@docomo.example");
    assertThat(new SmtpReply(451, "4.7.23", "later").verdict()).isEqualTo(Verdict.DEFERRED);
  }

  @Test
  void should_refuse_a_reply_that_is_no_refusal_or_whose_codes_disagree() {
    assertThatIllegalArgumentException().isThrownBy(() -> new SmtpReply(250, "2.0.0", "ok"))
        .withMessage("a refusal's reply code is 4xx or 5xx, not 250");
    assertThatIllegalArgumentException().isThrownBy(() -> new SmtpReply(550, "4.7.1", "x"))
        .withMessage("the enhanced status code 4.7.1 does not go with 550");
    assertThatIllegalArgumentException().isThrownBy(() -> new SmtpReply(550, "5.7", "x"))
        .withMessage("the enhanced status code 5.7 does not go with 550");
  }

  @Test
  void should_refuse_a_reply_on_a_rule_that_accepts_the_mail() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> broken("no spam", Verdict.SPAM_FOLDER).withReply(new SmtpReply(550, "5.7.1", "x")))
        .withMessage("only a rule that rejects or defers sends a reply, not one whose consequence is SPAM_FOLDER:"
            + " no spam");
  }

  @Test
  void should_say_which_rule_sends_a_reply_of_the_wrong_class() {
    ReceiverProfile profile = ReceiverProfile.of("wrong", List.of(
        broken("TLS", Verdict.DEFERRED).withReply(new SmtpReply(550, "5.7.29", "blocked"))));
    assertThatIllegalStateException().isThrownBy(() -> profile.evaluate(result))
        .withMessage("the rule \"TLS\" gives the verdict DEFERRED but its reply 550 5.7.29 blocked gives REJECTED");
  }

  @Test
  void should_answer_with_the_reply_of_the_first_rule_that_gives_the_verdict() {
    ReceiverProfile profile = ReceiverProfile.of("two", List.of(
        broken("later", Verdict.DEFERRED).withReply(new SmtpReply(451, "4.7.23", "later")),
        broken("never", Verdict.REJECTED).withReply(new SmtpReply(550, "5.7.25", "never")),
        broken("not either", Verdict.REJECTED).withReply(new SmtpReply(550, "5.7.29", "not either"))));
    ProfileResult evaluated = profile.evaluate(result);
    assertThat(evaluated.verdict()).isEqualTo(Verdict.REJECTED);
    assertThat(evaluated.reply()).hasValue(new SmtpReply(550, "5.7.25", "never"));
    assertThat(evaluated.broken()).extracting(b -> b.reply().orElseThrow().enhancedCode())
        .containsExactly("4.7.23", "5.7.25", "5.7.29");
  }
}
