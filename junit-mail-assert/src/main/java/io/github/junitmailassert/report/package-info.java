/** Human-readable reports of captured mails. */
package io.github.junitmailassert.report;
