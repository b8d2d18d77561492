/**
 * Senders in Testcontainers containers: {@link
 * io.github.junitmailassert.testcontainers.MailContainers#sendThrough} gives a container a {@link
 * io.github.junitmailassert.testcontainers.MailRoute} to the test's capture server (port 25) and
 * fake DNS zone (port 53); {@link io.github.junitmailassert.testcontainers.FilterContainers#image} runs
 * the real spam filters in containers of an image the user names. In an artifact of its own, {@code junit-mail-assert-testcontainers},
 * which brings Testcontainers; the library itself does not need it.
 */
package io.github.junitmailassert.testcontainers;
