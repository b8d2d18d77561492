package io.github.junitmailassert.mail;

import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * The mails captured during the current test, in the order the server accepted them.
 *
 * <p>Mail sent asynchronously arrives while the test runs; {@link #await(int)} and {@link #single()}
 * wait for it on a condition, never by sleeping. Thread-safe.
 *
 * <p>Every list it returns is an unmodifiable snapshot that costs no copy: mails are only ever
 * appended, so a snapshot is the first {@code n} of them, and waiting or filtering stays linear in
 * the number of mails however often a test calls {@link #await(int)}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class CapturedMails {

  /** How long {@link #single()} and {@link #await(int)} wait unless told otherwise. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final Duration defaultWait;
  // Guarded by lock. Slots below size are never written again: a new array replaces a full one.
  private CapturedMail[] mails = new CapturedMail[16];
  private int size;
  private long sequence;

  /** Mails captured by hand, with the default wait. */
  public CapturedMails() {
    this(DEFAULT_WAIT);
  }

  /**
   * Mails captured by hand, waited for at most {@code defaultWait}.
   *
   * @param defaultWait how long {@link #await(int)} waits
   */
  public CapturedMails(Duration defaultWait) {
    this.defaultWait = defaultWait;
  }

  /**
   * Adds a mail built by hand, with the sequence it has, for tests of code that consumes captured
   * mails. The capture server uses {@link #add(CapturedMail.Builder)}.
   *
   * @param mail the captured mail
   */
  public void add(CapturedMail mail) {
    Objects.requireNonNull(mail, "mail");
    lock.lock();
    try {
      append(mail);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Numbers the mail with the next sequence (1, 2, ... since this was made or last {@linkplain
   * #clear() cleared}), builds it and adds it in one step, so that {@link #all()} is in sequence
   * order however many clients send at once. The capture server calls this.
   *
   * @return the mail as added
   * @param mail the captured mail
   */
  public CapturedMail add(CapturedMail.Builder mail) {
    Objects.requireNonNull(mail, "mail");
    lock.lock();
    try {
      CapturedMail built = mail.sequence(sequence + 1).build();
      sequence++;
      append(built);
      return built;
    } finally {
      lock.unlock();
    }
  }

  private void append(CapturedMail mail) {
    if (size == mails.length) {
      mails = Arrays.copyOf(mails, size * 2); // earlier snapshots keep the old array, which stays as it was
    }
    mails[size++] = mail;
    arrived.signalAll();
  }

  /** Forgets every mail captured so far; the next captured mail is number 1 again. */
  public void clear() {
    lock.lock();
    try {
      mails = new CapturedMail[16];
      size = 0;
      sequence = 0;
    } finally {
      lock.unlock();
    }
  }

  /** {@return the mails captured so far, without waiting} */
  public List<CapturedMail> all() {
    lock.lock();
    try {
      return snapshot();
    } finally {
      lock.unlock();
    }
  }

  private List<CapturedMail> snapshot() {
    return new Snapshot(mails, size);
  }

  /** {@return how many mails were captured so far} */
  public int count() {
    lock.lock();
    try {
      return size;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until at least {@code count} mails were captured, at most the default wait.
   *
   * @throws AssertionError saying how many arrived, and from whom, when the time is up
   * @param count how many mails to wait for
   * @return the mails captured so far, at least {@code count}, in sequence order
   */
  public List<CapturedMail> await(int count) {
    return await(count, defaultWait);
  }

  /**
   * Waits until at least {@code count} mails were captured, at most {@code timeout}.
   *
   * @throws AssertionError saying how many arrived, and from whom, when the time is up
   * @param count how many mails to wait for
   * @param timeout how long to wait at most
   * @return the mails captured so far, at least {@code count}, in sequence order
   */
  public List<CapturedMail> await(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (size < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(String.format(
              "Expecting %d mail(s) within %s but %d arrived%s", count, describe(timeout), size, listing(snapshot())));
        }
        arrived.awaitNanos(left);
      }
      return snapshot();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + count + " mail(s)", e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * {@return the one mail of this test: waits for it, and fails if more than one arrived}
   *
   * @throws AssertionError when none arrived within the default wait, or several did
   */
  public CapturedMail single() {
    List<CapturedMail> got = await(1);
    if (got.size() != 1) {
      throw new AssertionError(String.format("Expecting exactly one mail but %d arrived%s", got.size(), listing(got)));
    }
    return got.get(0);
  }

  /**
   * {@return the mails with {@code recipient} among their {@code RCPT TO} addresses (case-insensitive)}
   *
   * @param recipient the recipient address, without angle brackets
   */
  public List<CapturedMail> to(String recipient) {
    String wanted = recipient.toLowerCase(Locale.ROOT);
    return matching(m -> m.recipients().stream().anyMatch(r -> r.toLowerCase(Locale.ROOT).equals(wanted)));
  }

  /**
   * {@return the mails whose envelope sender is {@code envelopeSender} (case-insensitive; "" for the null sender)}
   *
   * @param envelopeSender the envelope sender ({@code MAIL FROM}), without angle brackets
   */
  public List<CapturedMail> from(String envelopeSender) {
    return matching(m -> m.envelopeSender().equalsIgnoreCase(envelopeSender));
  }

  /**
   * {@return the mails that match}
   *
   * @param predicate which mails to keep
   */
  public List<CapturedMail> matching(Predicate<CapturedMail> predicate) {
    List<CapturedMail> found = new ArrayList<>();
    for (CapturedMail m : all()) {
      if (predicate.test(m)) {
        found.add(m);
      }
    }
    return found;
  }

  @Override
  public String toString() {
    List<CapturedMail> now = all();
    return now.size() + " captured mail(s)" + listing(now);
  }

  static String listing(List<CapturedMail> mails) {
    StringBuilder sb = new StringBuilder();
    for (CapturedMail m : mails) {
      sb.append(String.format("%n  - %s", m));
    }
    return sb.toString();
  }

  /** The first {@code size} mails of an array whose first {@code size} slots never change. */
  private static final class Snapshot extends AbstractList<CapturedMail> implements RandomAccess {
    private final CapturedMail[] mails;
    private final int size;

    Snapshot(CapturedMail[] mails, int size) {
      this.mails = mails;
      this.size = size;
    }

    @Override
    public CapturedMail get(int index) {
      Objects.checkIndex(index, size);
      return mails[index];
    }

    @Override
    public int size() {
      return size;
    }
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

}
