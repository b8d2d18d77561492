/**
 * The DKIM verifier's machinery: tag-lists, canonicalization, key records, signed-data assembly.
 * Internal: may change at any time; use {@link io.github.junitmailassert.dkim.DkimVerifier}.
 */
package io.github.junitmailassert.internal.dkim;
