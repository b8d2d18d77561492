/** The receiver checks of a captured mail, and local-name leaks. */
package io.github.junitmailassert.check;
