/**
 * Real spam filters' verdicts on a captured mail: SpamAssassin (spamd) and rspamd, each started
 * once per test JVM with a private, deterministic configuration whose DNS is the test's zone. The
 * receiver gives each mail's {@link io.github.junitmailassert.filter.SpamFilterResult}.
 */
package io.github.junitmailassert.filter;
