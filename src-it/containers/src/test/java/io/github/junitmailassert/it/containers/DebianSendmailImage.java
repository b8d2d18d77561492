package io.github.junitmailassert.it.containers;

import java.util.Optional;
import org.testcontainers.utility.DockerImageName;

/**
 * The Debian bookworm image with {@code sendmail-bin}, {@code sendmail-cf} and {@code m4} that
 * .ci/prepare-docker builds with debootstrap and {@code docker import}: no registry is reachable,
 * so it is never pulled. Its /etc/mail is Debian's, as the package installs it.
 */
final class DebianSendmailImage {

  /** The tag .ci/prepare-docker gives it (it exports the same as JMA_IT_IMAGE). */
  static final String NAME = Optional.ofNullable(System.getenv("JMA_IT_IMAGE"))
      .filter(s -> !s.isBlank())
      .orElse("junit-mail-assert-it/debian-sendmail:bookworm-1");

  static final DockerImageName IMAGE = DockerImageName.parse(NAME);

  private DebianSendmailImage() {}
}
