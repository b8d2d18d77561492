/**
 * Internal: may change at any time. The mail syntaxes that several checks read (RFC 5322 address lists,
 * the RFC 6376 tag-list that DKIM and DMARC records share), parsed once here.
 */
package io.github.junitmailassert.internal.syntax;
