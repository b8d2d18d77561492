package io.github.junitmailassert.internal.smtp;

import io.github.junitmailassert.internal.mail.ShownText;
import io.github.junitmailassert.mail.SmtpTranscript;
import io.github.junitmailassert.mail.SmtpTranscript.Direction;
import io.github.junitmailassert.mail.SmtpTranscript.Line;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Records one connection's transcript in two bounded parts: the session's lines outside
 * transactions, and the open transaction's (dropped when it ends, so a mail's transcript does not
 * repeat the connection's earlier mails). Each part keeps its first and its last lines. One
 * session's thread uses it. Internal.
 */
final class TranscriptRecorder {

  private static final int TAIL = 20;
  private static final int HEAD = SmtpTranscript.MAX_LINES - TAIL;

  private final Instant connectedAt = Instant.now();
  private final long start = System.nanoTime();
  private final Part session = new Part();
  private Part transaction;

  void client(String text) {
    add(Direction.CLIENT, text);
  }

  void server(String text) {
    add(Direction.SERVER, text);
  }

  void note(String text) {
    add(Direction.NOTE, text);
  }

  void beginTransaction() {
    transaction = new Part();
  }

  void endTransaction() {
    transaction = null;
  }

  /** The session's lines and the open transaction's, as they stand. */
  SmtpTranscript snapshot() {
    List<Line> lines = new ArrayList<>();
    session.appendTo(lines);
    if (transaction != null) {
      transaction.appendTo(lines);
    }
    return SmtpTranscript.of(connectedAt, lines);
  }

  private void add(Direction direction, String text) {
    Duration since = Duration.ofNanos(System.nanoTime() - start);
    Line line = new Line(since, direction, ShownText.of(text, SmtpTranscript.MAX_LINE_LENGTH));
    (transaction != null ? transaction : session).add(line);
  }

  private static final class Part {
    private final List<Line> head = new ArrayList<>();
    private final ArrayDeque<Line> tail = new ArrayDeque<>();
    private int omitted;
    private Duration lastOmitted;

    void add(Line line) {
      if (head.size() < HEAD) {
        head.add(line);
        return;
      }
      tail.addLast(line);
      if (tail.size() > TAIL) {
        lastOmitted = tail.removeFirst().sinceConnect();
        omitted++;
      }
    }

    void appendTo(List<Line> lines) {
      lines.addAll(head);
      if (omitted > 0) {
        lines.add(new Line(lastOmitted, Direction.NOTE, "[" + omitted + " lines not kept]"));
      }
      lines.addAll(tail);
    }
  }
}
