package io.github.junitmailassert.internal.filter;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.xbill.DNS.Resolver;

/**
 * What the receiving MTA hands a filter: the message and the SMTP connection it came on. Internal.
 *
 * @param message the message as received (CRLF or LF line ends)
 * @param clientIp the client IP receivers see (the declared one)
 * @param clientName the client IP's forward-confirmed reverse DNS name, or "" when it has none
 * @param heloName the HELO or EHLO name as sent, or ""
 * @param envelopeSender MAIL FROM, "" for the null sender
 * @param recipients every RCPT TO
 * @param receivingHost the receiver's own host name
 * @param receivedAt when the mail was received
 * @param dns the resolver whose answers the filter's DNS queries get while it scores this mail
 */
@API(status = API.Status.INTERNAL)
public record FilterRequest(byte[] message, InetAddress clientIp, String clientName, String heloName,
    String envelopeSender, List<String> recipients, String receivingHost, Instant receivedAt, Resolver dns) {

  public FilterRequest {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(clientIp, "clientIp");
    clientName = Objects.requireNonNullElse(clientName, "");
    heloName = Objects.requireNonNullElse(heloName, "");
    envelopeSender = Objects.requireNonNullElse(envelopeSender, "");
    recipients = List.copyOf(recipients);
    Objects.requireNonNull(receivingHost, "receivingHost");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(dns, "dns");
  }
}
