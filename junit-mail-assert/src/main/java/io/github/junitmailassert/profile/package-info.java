/**
 * Receiver profiles: named rule sets over a mail's {@code ReceiverResult} that give a verdict
 * (inbox, spam folder, rejected), each rule with its published source.
 */
package io.github.junitmailassert.profile;
