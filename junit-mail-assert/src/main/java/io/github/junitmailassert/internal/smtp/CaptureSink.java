package io.github.junitmailassert.internal.smtp;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.mail.CapturedMails;
import io.github.junitmailassert.mail.SmtpAttempt;
import org.apiguardian.api.API;

/** Where a capture server hands what it captured. Internal. */
@API(status = API.Status.INTERNAL)
public interface CaptureSink {

  /** Takes an accepted transaction, before the client sees 250; returns the mail as kept, or null. */
  CapturedMail mail(CapturedMail.Builder mail);

  /** Takes an ended attempt, accepted or not (an accepted one after {@link #mail}). */
  void attempt(SmtpAttempt.Builder attempt);

  /** Numbers mails and attempts into {@code mails}. */
  static CaptureSink into(CapturedMails mails) {
    return new CaptureSink() {
      @Override
      public CapturedMail mail(CapturedMail.Builder mail) {
        return mails.add(mail);
      }

      @Override
      public void attempt(SmtpAttempt.Builder attempt) {
        mails.addAttempt(attempt);
      }
    };
  }
}
