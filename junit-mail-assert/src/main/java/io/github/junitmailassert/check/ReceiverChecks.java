package io.github.junitmailassert.check;

import io.github.junitmailassert.CapturedMail;
import io.github.junitmailassert.ReceiverView;
import io.github.junitmailassert.authresults.AuthenticationResults;
import io.github.junitmailassert.dkim.DkimSignatureResult;
import io.github.junitmailassert.dkim.DkimVerifier;
import io.github.junitmailassert.dmarc.AuthorDomain;
import io.github.junitmailassert.dmarc.DmarcInput;
import io.github.junitmailassert.dmarc.DmarcResult;
import io.github.junitmailassert.dmarc.DmarcVerifier;
import io.github.junitmailassert.host.SendingHostResult;
import io.github.junitmailassert.host.SendingHostVerifier;
import io.github.junitmailassert.spf.SpfResult;
import io.github.junitmailassert.spf.SpfVerifier;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every receiver check of one captured mail, run the way the receiving MTA would run it: against
 * the mail's {@link ReceiverView} (the test's fake zone, the declared client IP, the receiver's
 * clock). Each check runs once, on first use. Not thread-safe; cheap to create.
 */
public final class ReceiverChecks {

  private final CapturedMail mail;
  private final ReceiverView view;
  private final Memo<SpfResult> spf;
  private final Memo<SpfResult> spfHelo;
  private final Memo<List<DkimSignatureResult>> dkim;
  private final Memo<DmarcResult> dmarc;
  private final Memo<SendingHostResult> sendingHost;

  private ReceiverChecks(CapturedMail mail, ReceiverView view) {
    this.mail = mail;
    this.view = view;
    SpfVerifier spfVerifier = SpfVerifier.using(view.resolver()).withReceivingHost(view.receivingHost())
        .withClock(view.clock());
    this.spf = new Memo<>(() -> spfVerifier.checkMailFrom(clientIp(), mail.envelopeSender(), helo()));
    this.spfHelo = new Memo<>(() -> spfVerifier.checkHelo(clientIp(), helo()));
    this.dkim = new Memo<>(() -> DkimVerifier.builder(view.resolver()).clock(view.clock()).build().verify(mail.rawMessage()));
    this.dmarc = new Memo<>(this::evaluateDmarc);
    this.sendingHost = new Memo<>(() -> SendingHostVerifier.using(view.resolver()).check(clientIp(), helo()));
  }

  /**
   * The checks of {@code mail}.
   *
   * @throws IllegalStateException when the mail has no receiver view (it was built by hand without one)
   */
  public static ReceiverChecks of(CapturedMail mail) {
    ReceiverView view = mail.receiverView().orElseThrow(() -> new IllegalStateException(
        "The receiver checks need the DNS and client IP a receiver would see, but " + mail
            + " has none: check mails captured by @MailDeliverability, or build them with receiverView(...)"));
    return new ReceiverChecks(mail, view);
  }

  public CapturedMail mail() {
    return mail;
  }

  public ReceiverView view() {
    return view;
  }

  /** SPF for the MAIL FROM identity (the HELO identity for the null sender, RFC 7208 section 2.4). */
  public SpfResult spf() {
    return spf.get();
  }

  /** SPF for the HELO identity (RFC 7208 section 2.3). */
  public SpfResult spfHelo() {
    return spfHelo.get();
  }

  /** Each DKIM signature's result, top to bottom; empty when the mail is not signed. */
  public List<DkimSignatureResult> dkim() {
    return dkim.get();
  }

  /** DMARC for the From domain, from the SPF and DKIM results above. */
  public DmarcResult dmarc() {
    return dmarc.get();
  }

  /** Forward-confirmed reverse DNS of the client IP and the HELO name's consistency. */
  public SendingHostResult sendingHost() {
    return sendingHost.get();
  }

  /** The {@code Received-SPF} header field the receiver would add. */
  public String receivedSpf() {
    return spf().receivedSpf(view.receivingHost());
  }

  /** The {@code Authentication-Results} header field the receiver would add, for spf, dkim and dmarc. */
  public AuthenticationResults authenticationResults() {
    AuthenticationResults.Builder builder = AuthenticationResults.builder(view.receivingHost());
    builder.add(spf().authenticationResultsPart());
    List<DkimSignatureResult> signatures = dkim();
    if (signatures.isEmpty()) {
      builder.add("dkim=none");
    }
    for (DkimSignatureResult signature : signatures) {
      builder.add(signature.authenticationResultsPart());
    }
    builder.add(dmarc().authenticationResultsPart());
    return builder.build();
  }

  private DmarcResult evaluateDmarc() {
    DmarcInput.Builder input = DmarcInput.builder(AuthorDomain.fromMessage(mail.rawMessage()));
    SpfResult s = spf();
    input.spf(s.domain(), s.isPass());
    for (DkimSignatureResult signature : dkim()) {
      input.dkim(signature.domain(), signature.selector(), signature.isPass());
    }
    return DmarcVerifier.builder(view.resolver()).mode(view.dmarcMode()).build().evaluate(input.build());
  }

  private java.net.InetAddress clientIp() {
    return view.clientIpOf(mail);
  }

  private String helo() {
    return mail.heloName().map(String::trim).orElse("");
  }

  private static final class Memo<T> {
    private final Supplier<T> supplier;
    private T value;

    Memo(Supplier<T> supplier) {
      this.supplier = supplier;
    }

    T get() {
      if (value == null) {
        value = supplier.get();
      }
      return value;
    }
  }
}
