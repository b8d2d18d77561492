/** DNS block lists (RFC 5782), asked through the test's zone. */
package io.github.junitmailassert.blocklist;
