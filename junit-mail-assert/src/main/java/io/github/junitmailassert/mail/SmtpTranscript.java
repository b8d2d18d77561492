package io.github.junitmailassert.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What client and server said in one SMTP transaction, line by line with times: the session's
 * lines before it (greeting, {@code EHLO}, {@code STARTTLS}, {@code AUTH}) and the transaction's
 * own, from {@code MAIL FROM} to the reply after the final dot. Earlier transactions of the same
 * connection are not repeated. The message itself is one note ({@code [message: N octets]}), AUTH
 * credentials are never kept, and control characters are shown as {@code ?}.
 *
 * <p>Bounded for hostile clients: a line keeps at most {@value #MAX_LINE_LENGTH} characters, and
 * the session part and the transaction part keep at most {@value #MAX_LINES} lines each (the first
 * and the last ones; a note says how many were left out between).
 *
 * <p>Immutable and safe to share between threads.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class SmtpTranscript {

  /** The most characters a line keeps; the rest is cut and its length noted. */
  public static final int MAX_LINE_LENGTH = 512;
  /** The most lines each part (session, transaction) keeps. */
  public static final int MAX_LINES = 60;

  private static final SmtpTranscript EMPTY = new SmtpTranscript(Instant.EPOCH, List.of());

  private final Instant connectedAt;
  private final List<Line> lines;

  private SmtpTranscript(Instant connectedAt, List<Line> lines) {
    this.connectedAt = Objects.requireNonNull(connectedAt, "connectedAt");
    this.lines = List.copyOf(lines);
  }

  /** Who said a line. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public enum Direction {
    /** The SMTP client (the application). */
    CLIENT("C: "),
    /** The capture server. */
    SERVER("S: "),
    /** Not said on the wire: the message's size, TLS starting, lines left out, the connection closing. */
    NOTE("-- ");

    private final String prefix;

    Direction(String prefix) {
      this.prefix = prefix;
    }
  }

  /**
   * One line of the transcript.
   *
   * @param sinceConnect when it was said, from the moment the connection was accepted
   * @param direction who said it
   * @param text the line without its line end
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record Line(Duration sinceConnect, Direction direction, String text) {

    /**
     * Checks that nothing is null.
     *
     * @param sinceConnect when it was said, from the moment the connection was accepted
     * @param direction who said it
     * @param text the line without its line end
     */
    public Line {
      Objects.requireNonNull(sinceConnect, "sinceConnect");
      Objects.requireNonNull(direction, "direction");
      Objects.requireNonNull(text, "text");
    }

    /** {@code C: MAIL FROM:<a@b.example>}, {@code S: 250 2.1.0 OK}, {@code -- [message: 120 octets]}. */
    @Override
    public String toString() {
      return direction.prefix + text;
    }
  }

  /**
   * A transcript of the given lines, for mails and attempts built by hand.
   *
   * @param connectedAt when the connection was accepted
   * @param lines the lines, in the order said
   * @return the transcript
   */
  public static SmtpTranscript of(Instant connectedAt, List<Line> lines) {
    return new SmtpTranscript(connectedAt, lines);
  }

  /** {@return the transcript of a mail built by hand without one} */
  public static SmtpTranscript empty() {
    return EMPTY;
  }

  /** {@return when the capture server accepted the connection} */
  public Instant connectedAt() {
    return connectedAt;
  }

  /** {@return every line kept, in the order said} */
  public List<Line> lines() {
    return lines;
  }

  /** {@return whether no line was recorded (a mail built by hand)} */
  public boolean isEmpty() {
    return lines.isEmpty();
  }

  /**
   * The first command the client sent with this verb ({@code "MAIL"}, {@code "RCPT"}, case-insensitive).
   *
   * @param verb the command's verb
   * @return the command's line, or empty when the client never sent it
   */
  public Optional<Line> command(String verb) {
    String wanted = verb.toUpperCase(Locale.ROOT);
    return lines.stream()
        .filter(l -> l.direction() == Direction.CLIENT && l.text().toUpperCase(Locale.ROOT).startsWith(wanted))
        .findFirst();
  }

  /** {@return the server's last reply line} */
  public Optional<Line> lastReply() {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).direction() == Direction.SERVER) {
        return Optional.of(lines.get(i));
      }
    }
    return Optional.empty();
  }

  /** One line per line said, each with its time since the connection: {@code "  +3 ms C: EHLO app.example"}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Line l : lines) {
      if (sb.length() > 0) {
        sb.append(System.lineSeparator());
      }
      sb.append(String.format("%6s ", "+" + l.sinceConnect().toMillis() + " ms")).append(l);
    }
    return sb.toString();
  }
}
