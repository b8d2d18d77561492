/** SPF (RFC 7208): the verifier, its results and record lint. */
package io.github.junitmailassert.spf;
