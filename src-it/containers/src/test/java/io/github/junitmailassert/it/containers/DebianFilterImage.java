package io.github.junitmailassert.it.containers;

import java.util.Optional;

/**
 * The Debian bookworm image with {@code spamassassin}, {@code spamc}, {@code spamd},
 * {@code libmail-spf-perl} and {@code rspamd} that .ci/prepare-docker builds with debootstrap and
 * {@code docker import}, as a user builds the image they name to {@code FilterContainers.image}:
 * the same packages as the local filters, so the same rules and scores.
 */
final class DebianFilterImage {

  /** The tag .ci/prepare-docker gives it (it exports the same as JMA_IT_FILTER_IMAGE). */
  static final String NAME = Optional.ofNullable(System.getenv("JMA_IT_FILTER_IMAGE"))
      .filter(s -> !s.isBlank())
      .orElse("junit-mail-assert-it/debian-filters:bookworm-1");

  private DebianFilterImage() {}
}
