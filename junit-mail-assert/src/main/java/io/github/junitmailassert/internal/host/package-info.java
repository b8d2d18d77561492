/** Internal: may change at any time. */
package io.github.junitmailassert.internal.host;
