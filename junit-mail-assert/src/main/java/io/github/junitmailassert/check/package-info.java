/**
 * The vocabulary every check shares: {@code MailCheck}, {@code Finding} (what is wrong, the fix,
 * the source) and {@code CheckOutcome} (passed, failed, not checked and why).
 */
package io.github.junitmailassert.check;
