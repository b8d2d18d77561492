/**
 * DKIM as a receiver checks it (RFC 6376, RFC 8301, RFC 8463): {@link
 * io.github.junitmailassert.dkim.DkimVerifier} gives one {@link
 * io.github.junitmailassert.dkim.DkimSignatureResult} per signature, and {@link
 * io.github.junitmailassert.dkim.DkimKeyPair} makes the keys a test configures its application's
 * signer with.
 */
package io.github.junitmailassert.dkim;
