package io.github.junitmailassert.it.containers;

import io.github.junitmailassert.filter.FilterLauncher;
import io.github.junitmailassert.filter.SpamFilter;
import io.github.junitmailassert.internal.filter.SpamFilters;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.testcontainers.FilterContainers;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** The filters in the image's containers, and the same filters as local processes to compare them with. */
final class LocalFilters {

  /** What the container tests give {@code spamFiltersIn}: the image .ci/prepare-docker builds. */
  static final FilterLauncher IN_CONTAINERS = FilterContainers.image(DebianFilterImage.NAME);

  private LocalFilters() {}

  /**
   * {@code mail}'s receiver as it is but with the filters as local processes of this machine: its
   * verdict is what the container's must equal. A local filter that is missing is a visible skip,
   * a failure under {@code it.requireTools} (CI installs both).
   */
  static Receiver localTwinOf(CapturedMail mail) {
    for (SpamFilter filter : SpamFilter.values()) {
      Optional<String> missing = SpamFilters.missing(filter);
      if (missing.isPresent()) {
        if (Boolean.getBoolean(DockerCondition.REQUIRE_TOOLS)) {
          throw new IllegalStateException(missing.get() + " (to compare with the container's verdict); "
              + DockerCondition.REQUIRE_TOOLS + "=true makes this a failure");
        }
        Assumptions.abort(missing.get() + " (to compare with the container's verdict)");
      }
    }
    Receiver inContainers = Receiver.of(mail);
    Receiver.Builder local = Receiver.builder(inContainers.resolver()).receivingHost(inContainers.receivingHost())
        .clock(inContainers.clock()).dmarcMode(inContainers.dmarcMode()).dkimPolicy(inContainers.dkimPolicy())
        .blockLists(inContainers.blockLists()).spamFilters(inContainers.spamFilters());
    inContainers.declaredClientIp().ifPresent(local::clientIp);
    inContainers.senderDomain().ifPresent(local::senderDomain);
    return local.build();
  }
}
