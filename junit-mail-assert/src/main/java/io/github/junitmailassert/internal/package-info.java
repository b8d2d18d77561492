/** Machinery of the library. Not API: everything here may change at any time. */
package io.github.junitmailassert.internal;
