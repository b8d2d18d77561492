/** The Authentication-Results header field (RFC 8601). */
package io.github.junitmailassert.authresults;
