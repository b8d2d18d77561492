/** DMARC (RFC 9989, RFC 7489 as an option), alignment and the From domain. */
package io.github.junitmailassert.dmarc;
