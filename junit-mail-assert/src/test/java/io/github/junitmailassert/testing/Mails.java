package io.github.junitmailassert.testing;

import io.github.junitmailassert.mail.CapturedMail;
import java.net.InetSocketAddress;
import java.time.Instant;

/** Captured mails built by hand, as the real senders in the story send them. */
public final class Mails {

  private Mails() {}

  /** What sendmail on a host named localhost.localdomain sends with no masquerading. */
  public static CapturedMail leakySendmail() {
    return CapturedMail.builder()
        .sequence(1)
        .clientAddress(new InetSocketAddress("127.0.0.1", 40000))
        .helo("EHLO", "localhost.localdomain")
        .envelopeSender("root@localhost.localdomain")
        .recipient("user@example.com")
        .receivedAt(Instant.parse("2026-11-27T10:00:00Z"))
        .rawMessage("Received: by localhost.localdomain (8.17.1.9/8.17.1.9/Submit) id 4ARA0A0B000001;"
            + " Fri, 27 Nov 2026 10:00:00 GMT\r\n"
            + "Date: Fri, 27 Nov 2026 10:00:00 GMT\r\n"
            + "From: root <root@localhost.localdomain>\r\n"
            + "Message-Id: <202611271000.4ARA0A0B000001@localhost.localdomain>\r\n"
            + "To: user@example.com\r\n"
            + "Subject: Welcome\r\n\r\nHello\r\n")
        .build();
  }

  /** A correctly configured sender in sample.co.jp. */
  public static CapturedMail clean() {
    return CapturedMail.builder()
        .sequence(2)
        .clientAddress(new InetSocketAddress("127.0.0.1", 40001))
        .helo("EHLO", "mail.sample.co.jp")
        .envelopeSender("no-reply@sample.co.jp")
        .recipient("user@example.com")
        .recipient("other@example.net")
        .rawMessage("Received: from mail.sample.co.jp (mail.sample.co.jp [203.0.113.25]) by mx.sample.co.jp"
            + " with ESMTP id 1234; Fri, 27 Nov 2026 10:00:00 GMT\r\n"
            + "From: \"Sample Shop\" <shop@sample.co.jp>\r\n"
            + "Message-ID: <1.2@sample.co.jp>\r\n"
            + "To: user@example.com, other@example.net\r\n"
            + "Subject: =?UTF-8?B?44GU5rOo5paH?=\r\n\r\nHello\r\n")
        .build();
  }
}
