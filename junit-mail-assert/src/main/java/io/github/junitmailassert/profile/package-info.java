/**
 * Receiver profiles: named rule sets over a mail's {@code ReceiverResult} that give a verdict
 * (inbox, spam folder, deferred, rejected), each rule with its published source, and for a refusal
 * the SMTP reply the receiver sends ({@code SmtpReply}). The published profiles (Gmail, Yahoo,
 * Outlook.com, iCloud, au, docomo, SoftBank) are factories on {@code ReceiverProfile}.
 */
package io.github.junitmailassert.profile;
