package io.github.junitmailassert.testing;

import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.dns.DnsZone;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Captured mails as the extension hands them over: with a receiver on a given zone. */
public final class Received {

  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

  private Received() {}

  /** A view on {@code zone} with client IP {@code ip} declared, receiver mx.receiver.test. */
  public static Receiver view(DnsZone zone, String ip) {
    try {
      return Receiver.builder(zone.resolver()).clientIp(InetAddress.getByName(ip)).clock(CLOCK).build();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A mail from {@code envelopeSender} with EHLO {@code helo} and the given message, seen through {@code view}. */
  public static CapturedMail mail(Receiver view, String envelopeSender, String helo, byte[] message) {
    return CapturedMail.builder().sequence(1).helo("EHLO", helo).envelopeSender(envelopeSender)
        .recipient("user@example.com").rawMessage(message).receiver(view).build();
  }
}
