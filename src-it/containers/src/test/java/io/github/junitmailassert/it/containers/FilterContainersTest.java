package io.github.junitmailassert.it.containers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.MailDeliverabilityExtension;
import io.github.junitmailassert.filter.FilterLauncher;
import io.github.junitmailassert.filter.SpamFilterResult;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.testcontainers.FilterContainers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a user sees of {@link FilterContainers}: launchers of one image are one, and an image without the filter says so. */
@RequiresDocker(images = RequiresDocker.Image.FILTERS)
class FilterContainersTest {

  @RegisterExtension
  MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance()
      .domain("sample.co.jp").clientIp("203.0.113.25")
      .spamFiltersIn(FilterContainers.image(DebianSendmailImage.NAME))
      .build();

  @Test
  void should_be_equal_for_the_same_image_so_that_they_share_their_containers() {
    FilterLauncher one = FilterContainers.image(DebianFilterImage.NAME);

    assertThat(one).isEqualTo(FilterContainers.image(DebianFilterImage.NAME)).isEqualTo(LocalFilters.IN_CONTAINERS)
        .hasSameHashCodeAs(LocalFilters.IN_CONTAINERS).isNotEqualTo(FilterContainers.image(DebianSendmailImage.NAME));
    assertThat(one).hasToString("a container of image " + DebianFilterImage.NAME);
  }

  @Test
  void should_not_score_and_say_why_when_the_image_has_no_filter() throws Exception {
    CapturedMail order = OrderMail.send(mail);

    SpamFilterResult result = Receiver.checkOf(order).spamAssassin();

    assertThat(result.status()).isEqualTo(SpamFilterResult.Status.FAILED);
    // After the library's words, the engine's (runc's here), whose wording is not ours.
    assertThat(result.reason()).startsWith("spamd did not start in a container of image " + DebianSendmailImage.NAME
        + ": cannot start spamd: the container did not start: ").contains("exec: \"spamd\": executable file not found");
  }
}
