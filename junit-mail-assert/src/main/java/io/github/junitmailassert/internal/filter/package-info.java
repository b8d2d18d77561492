/** Internal: may change at any time. The real filters' processes, protocols and private configurations. */
package io.github.junitmailassert.internal.filter;
