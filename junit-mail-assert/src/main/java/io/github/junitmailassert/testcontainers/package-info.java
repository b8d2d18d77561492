/**
 * Senders in Testcontainers containers: {@link
 * io.github.junitmailassert.testcontainers.MailContainers#sendThrough} gives a container a {@link
 * io.github.junitmailassert.testcontainers.MailRoute} to the test's capture server (port 25) and
 * fake DNS zone (port 53). The only package that needs Testcontainers, which the library declares
 * optional: add {@code org.testcontainers:testcontainers} 2.0 to use it.
 */
package io.github.junitmailassert.testcontainers;
