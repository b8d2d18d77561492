package io.github.junitmailassert.testcontainers;

import io.github.junitmailassert.filter.FilterLauncher;
import java.util.Objects;
import org.apiguardian.api.API;
import org.testcontainers.utility.DockerImageName;

/**
 * Runs the real spam filters (SpamAssassin's {@code spamd}, {@code rspamd}) in containers of an
 * image the user names, in place of processes of this machine:
 *
 * <pre>{@code
 * @RegisterExtension
 * static MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance()
 *     .domain("sample.co.jp").clientIp("203.0.113.25")
 *     .spamFiltersIn(FilterContainers.image("shop/spam-filters:bookworm"))
 *     .build();
 * }</pre>
 *
 * <p>The library configures the filter as it does a local one (the same private configuration,
 * offline, nothing learnt) and the container runs exactly that command: on the host's network, so
 * that the filter listens on this machine's loopback and resolves through the library's DNS front
 * there, which answers from the zone of the mail being scored; with the configuration's directory
 * mounted at the same path; as the JVM's user. One container per filter and image is started on
 * first use and stopped when the JVM exits, like a local filter.
 *
 * <p>The image must have the filter's program on its {@code PATH} ({@code spamd} with
 * SpamAssassin's rules in {@code /usr/share/spamassassin}; {@code rspamd} with its shipped
 * configuration in {@code /etc/rspamd}), as Debian's packages install them. Needs a Docker engine
 * on this Linux machine (host networking and bind mounts), as {@link MailContainers} does.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class FilterContainers {

  private FilterContainers() {}

  /**
   * The filters in containers of {@code image}.
   *
   * @param image the image's name, such as {@code shop/spam-filters:bookworm}; it is never pulled
   *     when the engine has it
   * @return the launcher to give {@code spamFiltersIn(...)}; launchers of the same image share their
   *     containers
   */
  public static FilterLauncher image(String image) {
    return image(DockerImageName.parse(Objects.requireNonNull(image, "image")));
  }

  /**
   * The filters in containers of {@code image}.
   *
   * @param image the image
   * @return the launcher to give {@code spamFiltersIn(...)}; launchers of the same image share their
   *     containers
   */
  public static FilterLauncher image(DockerImageName image) {
    return new FilterContainer(Objects.requireNonNull(image, "image"));
  }
}
