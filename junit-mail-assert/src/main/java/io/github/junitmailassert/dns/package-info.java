/** The fake DNS zone the checks and other processes resolve through. */
package io.github.junitmailassert.dns;
