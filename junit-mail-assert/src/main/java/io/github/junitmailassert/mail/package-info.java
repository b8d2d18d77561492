/**
 * The model: each captured mail with its whole SMTP transaction ({@code CapturedMail}), the mails
 * of a test ({@code CapturedMails}) and the endpoints the application sends and resolves through.
 * Nothing here knows about the checks or JUnit.
 */
package io.github.junitmailassert.mail;
