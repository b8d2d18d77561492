/** Error-message factories of the assertions, one per failure. */
package io.github.junitmailassert.assertions.error;
