/**
 * The envelope as receivers see it: the envelope sender's domain, and local host names or private
 * addresses that leak into the envelope or the header ({@code localhost.localdomain} and the like).
 */
package io.github.junitmailassert.envelope;
