package io.github.junitmailassert.mail;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One try of a client to deliver a mail, and how it ended: a transaction (from {@code MAIL FROM} to
 * the reply after the final dot, or to {@code RSET}, {@code QUIT} or the connection's end), or a
 * connection that never began one (refused at the greeting or at {@code EHLO}, dropped, or left).
 * Every attempt is recorded, accepted or not, so that a test can assert that an application retried
 * after a {@code 451} and then delivered once ({@link CapturedMails#attempts()}).
 *
 * <p>Immutable and safe to share between threads.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class SmtpAttempt {

  /** How an attempt ended. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public enum Outcome {
    /** The server said {@code 250} after the final dot: the mail was captured. */
    ACCEPTED,
    /** The server refused it with a 4xx or 5xx reply ({@link #reply()}); no mail was captured. */
    REFUSED,
    /** The server closed the connection without a reply, as told by {@link SmtpFaults#drop(SmtpStage)}. */
    DROPPED,
    /** The client reset, quit or went away before the end, with nothing refused. */
    ABANDONED
  }

  private final long sequence;
  private final InetSocketAddress clientAddress;
  private final Instant startedAt;
  private final Outcome outcome;
  private final SmtpStage stage;
  private final String reply;
  private final String envelopeSender;
  private final List<String> recipients;
  private final String tlsProtocol;
  private final CapturedMail mail;
  private final SmtpTranscript transcript;
  private final String problem;

  private SmtpAttempt(Builder b, long sequence) {
    this.sequence = sequence;
    this.clientAddress = Objects.requireNonNull(b.clientAddress, "clientAddress");
    this.startedAt = Objects.requireNonNull(b.startedAt, "startedAt");
    this.outcome = Objects.requireNonNull(b.outcome, "outcome");
    this.stage = Objects.requireNonNull(b.stage, "stage");
    this.reply = b.reply;
    this.envelopeSender = b.envelopeSender;
    this.recipients = List.copyOf(b.recipients);
    this.tlsProtocol = b.tlsProtocol;
    this.mail = b.mail;
    this.transcript = Objects.requireNonNull(b.transcript, "transcript");
    this.problem = b.problem;
    if ((outcome == Outcome.ACCEPTED) != (mail != null)) {
      throw new IllegalArgumentException("an accepted attempt has its mail, and only an accepted one");
    }
  }

  /**
   * {@return a builder of an attempt by hand; the capture server uses it, and so can tests of code that reads
   * attempts}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the order in which the attempts ended, from 1 (numbered when the test's captured mails were last
   * cleared)}
   */
  public long sequence() {
    return sequence;
  }

  /** {@return the SMTP client's socket address} */
  public InetSocketAddress clientAddress() {
    return clientAddress;
  }

  /** {@return when the attempt began: at {@code MAIL FROM}, or at the connection for one that never sent it} */
  public Instant startedAt() {
    return startedAt;
  }

  /** {@return how it ended} */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * {@return where it ended: the stage of the refusal or drop, {@link SmtpStage#END_OF_DATA} when accepted, else
   * the last stage reached}
   */
  public SmtpStage stage() {
    return stage;
  }

  /**
   * {@return the reply that decided the outcome (the first refusal, the final {@code 250}), or the last reply
   * before the client left; empty when the server never replied}
   */
  public Optional<String> reply() {
    return Optional.ofNullable(reply);
  }

  /** {@return the code of {@link #reply()}, or 0 when there was none} */
  public int replyCode() {
    if (reply == null || reply.length() < 3) {
      return 0;
    }
    try {
      return Integer.parseInt(reply.substring(0, 3));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** {@return the {@code MAIL FROM} address ("" for the null sender), or empty for an attempt that never sent one} */
  public Optional<String> envelopeSender() {
    return Optional.ofNullable(envelopeSender);
  }

  /** {@return every {@code RCPT TO} address the client sent, accepted or refused, in order} */
  public List<String> recipients() {
    return recipients;
  }

  /** {@return whether the attempt ran over TLS (STARTTLS, or implicit TLS)} */
  public boolean isTls() {
    return tlsProtocol != null;
  }

  /** {@return the mail captured by an accepted attempt} */
  public Optional<CapturedMail> mail() {
    return Optional.ofNullable(mail);
  }

  /** {@return what client and server said, with times} */
  public SmtpTranscript transcript() {
    return transcript;
  }

  /** {@return what went wrong outside the replies, such as a TLS handshake the client broke off} */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  /**
   * {@code attempt #2 <no-reply@sample.co.jp> to [user@example.com]: refused at RCPT: 451 4.7.1 ...},
   * as failure messages list attempts.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("attempt #").append(sequence);
    if (envelopeSender == null) {
      sb.append(" (no MAIL FROM)");
    } else {
      sb.append(" <").append(envelopeSender).append("> to ").append(recipients);
    }
    sb.append(isTls() ? " over TLS" : "");
    switch (outcome) {
      case ACCEPTED:
        sb.append(": accepted as mail #").append(mail.sequence());
        break;
      case REFUSED:
        sb.append(": refused at ").append(stage).append(": ").append(reply);
        break;
      case DROPPED:
        sb.append(": dropped at ").append(stage).append(" (the server closed the connection)");
        break;
      default:
        sb.append(": abandoned by the client after ").append(stage)
            .append(reply == null ? "" : " (last reply: " + reply + ")");
    }
    if (problem != null) {
      sb.append("; ").append(problem);
    }
    return sb.toString();
  }

  /** Builds an {@link SmtpAttempt}; {@link CapturedMails#addAttempt(Builder)} numbers it. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private InetSocketAddress clientAddress = new InetSocketAddress("127.0.0.1", 0);
    private Instant startedAt = Instant.now();
    private Outcome outcome;
    private SmtpStage stage;
    private String reply;
    private String envelopeSender;
    private final List<String> recipients = new ArrayList<>();
    private String tlsProtocol;
    private CapturedMail mail;
    private SmtpTranscript transcript = SmtpTranscript.empty();
    private String problem;

    private Builder() {}

    /**
     * What went wrong outside the replies.
     *
     * @param problem what went wrong, such as a broken-off TLS handshake
     * @return this builder
     */
    public Builder problem(String problem) {
      this.problem = problem;
      return this;
    }

    /**
     * The client's socket address.
     *
     * @param clientAddress the SMTP client's socket address
     * @return this builder
     */
    public Builder clientAddress(InetSocketAddress clientAddress) {
      this.clientAddress = clientAddress;
      return this;
    }

    /**
     * When it began.
     *
     * @param startedAt when the attempt began
     * @return this builder
     */
    public Builder startedAt(Instant startedAt) {
      this.startedAt = startedAt;
      return this;
    }

    /**
     * How and where it ended, and the reply that decided it (null for none).
     *
     * @param outcome how it ended
     * @param stage where it ended
     * @param reply the reply that decided it, or null for none
     * @return this builder
     */
    public Builder ended(Outcome outcome, SmtpStage stage, String reply) {
      this.outcome = outcome;
      this.stage = stage;
      this.reply = reply;
      return this;
    }

    /**
     * The {@code MAIL FROM} address.
     *
     * @param envelopeSender the {@code MAIL FROM} address, "" for the null sender
     * @return this builder
     */
    public Builder envelopeSender(String envelopeSender) {
      this.envelopeSender = envelopeSender;
      return this;
    }

    /**
     * One {@code RCPT TO} address.
     *
     * @param recipient the address the client sent
     * @return this builder
     */
    public Builder recipient(String recipient) {
      this.recipients.add(recipient);
      return this;
    }

    /**
     * The TLS protocol, null for none.
     *
     * @param protocol the TLS protocol, such as {@code TLSv1.3}, or null for none
     * @return this builder
     */
    public Builder tlsProtocol(String protocol) {
      this.tlsProtocol = protocol;
      return this;
    }

    /**
     * The mail an accepted attempt delivered.
     *
     * @param mail the mail it delivered
     * @return this builder
     */
    public Builder mail(CapturedMail mail) {
      this.mail = mail;
      return this;
    }

    /**
     * What was said.
     *
     * @param transcript what client and server said
     * @return this builder
     */
    public Builder transcript(SmtpTranscript transcript) {
      this.transcript = transcript;
      return this;
    }

    /**
     * The attempt with this sequence number.
     *
     * @param sequence the order in which the attempt ended, from 1
     * @return the attempt
     */
    public SmtpAttempt build(long sequence) {
      return new SmtpAttempt(this, sequence);
    }
  }
}
