/** RFC 5322 header format as receivers check it. */
package io.github.junitmailassert.format;
