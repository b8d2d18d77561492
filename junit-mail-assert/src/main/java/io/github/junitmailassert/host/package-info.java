/** The sending host's DNS: forward-confirmed reverse DNS and the HELO name. */
package io.github.junitmailassert.host;
