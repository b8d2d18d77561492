package io.github.junitmailassert.assertions;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.envelope.LocalNameLeak;
import io.github.junitmailassert.envelope.LocalNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.assertj.core.api.FactoryBasedNavigableListAssert;

/**
 * Assertions on all captured mails: AssertJ's list assertions ({@code hasSize}, {@code first()},
 * {@code element(i)}, ...) where each element navigates to a {@link CapturedMailAssert}, plus the
 * mail-specific ones below.
 */
public class CapturedMailsAssert
    extends FactoryBasedNavigableListAssert<CapturedMailsAssert, List<CapturedMail>, CapturedMail, CapturedMailAssert> {

  public CapturedMailsAssert(List<CapturedMail> actual) {
    super(actual, CapturedMailsAssert.class, CapturedMailAssert::new);
  }

  /**
   * Narrows to the mails with {@code recipient} among their {@code RCPT TO} (case-insensitive).
   *
   * <pre>{@code
   * assertThat(mails.all()).sentTo("alice@example.com").hasSize(1); // passes when one mail went to Alice
   * }</pre>
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
   * assertThat(mails.all()).everyMail(mail -> mail.hasEnvelopeSenderDomain("sample.co.jp"));
   * }</pre>
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
      failWithMessage("%d of %d mail(s) failed:%n%s", failures.size(), actual.size(), String.join(String.format("%n%n"), failures));
    }
    return myself;
  }

  /**
   * Verifies that no mail leaks a local host name; see {@link AbstractCapturedMailAssert#hasNoLocalNameLeaks()}.
   */
  public CapturedMailsAssert haveNoLocalNameLeaks() {
    isNotNull();
    StringBuilder report = new StringBuilder();
    int bad = 0;
    for (CapturedMail mail : actual) {
      List<LocalNameLeak> leaks = LocalNames.findLeaks(mail);
      if (!leaks.isEmpty()) {
        bad++;
        report.append(String.format("%n%s", mail));
        for (LocalNameLeak leak : leaks) {
          report.append(String.format("%n  - %s", leak.describe()));
        }
      }
    }
    if (bad > 0) {
      failWithMessage("%nExpecting no local host names in %d captured mail(s) but %d leak them:%s", actual.size(), bad, report);
    }
    return myself;
  }
}
