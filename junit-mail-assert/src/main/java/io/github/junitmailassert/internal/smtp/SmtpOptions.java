package io.github.junitmailassert.internal.smtp;

import io.github.junitmailassert.internal.mail.FaultPlan;
import io.github.junitmailassert.mail.SmtpFaults;
import org.apiguardian.api.API;

/**
 * How a capture server answers, beyond accepting everything. Internal.
 *
 * @param maxMessageBytes the largest message accepted, advertised as {@code SIZE}
 * @param requireTls whether {@code MAIL} in the clear gets {@code 530 5.7.0 Must issue a STARTTLS command first}
 * @param implicitTls whether TLS starts with the connection (SMTPS) instead of with STARTTLS
 * @param faults the refusals, delays and drops to apply, null for none
 */
@API(status = API.Status.INTERNAL)
public record SmtpOptions(int maxMessageBytes, boolean requireTls, boolean implicitTls, FaultPlan faults) {

  /** Accepts everything, up to 64 MiB a message, with STARTTLS offered. */
  public static final SmtpOptions DEFAULT = new SmtpOptions(SmtpSession.MAX_MESSAGE_BYTES, false, false, null);

  /** These options with the faults a test sets. */
  public SmtpOptions withFaults(SmtpFaults faults) {
    return new SmtpOptions(maxMessageBytes, requireTls, implicitTls, FaultPlan.of(faults));
  }
}
