package io.github.junitmailassert.assertions;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.envelope.LocalNameLeak;
import io.github.junitmailassert.envelope.LocalNames;
import java.util.ArrayList;
import io.github.junitmailassert.assertions.error.ShouldHaveEveryMail;
import io.github.junitmailassert.receiver.Receiver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.assertj.core.api.FactoryBasedNavigableListAssert;

/**
 * Assertions on all captured mails: AssertJ's list assertions ({@code hasSize}, {@code first()},
 * {@code element(i)}, ...) where each element navigates to a {@link CapturedMailAssert}, plus the
 * mail-specific ones below.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public class CapturedMailsAssert
    extends FactoryBasedNavigableListAssert<CapturedMailsAssert, List<CapturedMail>, CapturedMail, CapturedMailAssert> {

  /**
   * Assertions on {@code actual}; tests start from {@link MailAssertions#assertThat}.
   *
   * @param actual what is checked
   */
  public CapturedMailsAssert(List<CapturedMail> actual) {
    super(actual, CapturedMailsAssert.class, CapturedMailAssert::new);
  }

  /**
   * Narrows to the mails with {@code recipient} among their {@code RCPT TO} (case-insensitive).
   *
   * <pre>{@code
   * assertThat(mails).sentTo("alice@example.com").hasSize(1); // passes when one mail went to Alice
   * }</pre>
   *
   * @param recipient the recipient address, without angle brackets
   * @return the assertions on those mails
   */
  public CapturedMailsAssert sentTo(String recipient) {
    isNotNull();
    String wanted = recipient.toLowerCase(Locale.ROOT);
    List<CapturedMail> matching = actual.stream()
        .filter(m -> m.recipients().stream().anyMatch(r -> r.toLowerCase(Locale.ROOT).equals(wanted)))
        .collect(Collectors.toList());
    return new CapturedMailsAssert(matching).as("mails sent to %s", recipient);
  }

  /**
   * Verifies each mail with the mail assertions, reporting every failing mail at once.
   *
   * <pre>{@code
   * assertThat(mails).everyMail(mail -> mail.hasEnvelopeSenderDomain("sample.co.jp"));
   * }</pre>
   *
   * @param requirements assertions each mail must pass
   * @return this assertion, to chain more
   */
  public CapturedMailsAssert everyMail(Consumer<CapturedMailAssert> requirements) {
    isNotNull();
    List<String> failures = new ArrayList<>();
    for (CapturedMail mail : actual) {
      try {
        requirements.accept(new CapturedMailAssert(mail));
      } catch (AssertionError e) {
        failures.add(String.valueOf(e.getMessage()).strip());
      }
    }
    if (!failures.isEmpty()) {
      throwAssertionError(ShouldHaveEveryMail.shouldPassForEveryMail(actual.size(), failures));
    }
    return myself;
  }

  /**
   * Verifies that no mail leaks a local host name; see {@link AbstractCapturedMailAssert#hasNoLocalNameLeaks()}.
   *
   * @return this assertion, to chain more
   */
  public CapturedMailsAssert haveNoLocalNameLeaks() {
    isNotNull();
    Map<CapturedMail, List<LocalNameLeak>> leaking = new LinkedHashMap<>();
    for (CapturedMail mail : actual) {
      // The receiver's result where there is one, so the leaks are found once per mail.
      List<LocalNameLeak> leaks = mail.receiver().isPresent() ? Receiver.checkOf(mail).localNameLeaks()
          : LocalNames.findLeaks(mail);
      if (!leaks.isEmpty()) {
        leaking.put(mail, leaks);
      }
    }
    if (!leaking.isEmpty()) {
      throwAssertionError(ShouldHaveEveryMail.shouldHaveNoLocalNameLeaks(actual.size(), leaking));
    }
    return myself;
  }
}
