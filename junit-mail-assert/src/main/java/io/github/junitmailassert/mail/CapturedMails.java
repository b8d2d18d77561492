package io.github.junitmailassert.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The mails captured during the current test, in the order the server accepted them.
 *
 * <p>Mail sent asynchronously arrives while the test runs; {@link #await(int)} and {@link #single()}
 * wait for it on a condition, never by sleeping. Thread-safe.
 */
public final class CapturedMails {

  /** How long {@link #single()} and {@link #await(int)} wait unless told otherwise. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final List<CapturedMail> mails = new ArrayList<>();
  private final Duration defaultWait;

  public CapturedMails() {
    this(DEFAULT_WAIT);
  }

  public CapturedMails(Duration defaultWait) {
    this.defaultWait = defaultWait;
  }

  /** Adds a mail; the capture server calls this, and tests of code that consumes captured mails may. */
  public void add(CapturedMail mail) {
    java.util.Objects.requireNonNull(mail, "mail");
    lock.lock();
    try {
      mails.add(mail);
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Forgets every mail captured so far. */
  public void clear() {
    lock.lock();
    try {
      mails.clear();
    } finally {
      lock.unlock();
    }
  }

  /** The mails captured so far, without waiting. */
  public List<CapturedMail> all() {
    lock.lock();
    try {
      return List.copyOf(mails);
    } finally {
      lock.unlock();
    }
  }

  /** How many mails were captured so far. */
  public int count() {
    lock.lock();
    try {
      return mails.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until at least {@code count} mails were captured, at most the default wait.
   *
   * @throws AssertionError saying how many arrived, and from whom, when the time is up
   */
  public List<CapturedMail> await(int count) {
    return await(count, defaultWait);
  }

  /**
   * Waits until at least {@code count} mails were captured, at most {@code timeout}.
   *
   * @throws AssertionError saying how many arrived, and from whom, when the time is up
   */
  public List<CapturedMail> await(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (mails.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(String.format(
              "Expecting %d mail(s) within %s but %d arrived%s", count, describe(timeout), mails.size(), listing(mails)));
        }
        arrived.awaitNanos(left);
      }
      return List.copyOf(mails);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + count + " mail(s)", e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The one mail of this test: waits for it, and fails if more than one arrived.
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

  /** The mails with {@code recipient} among their {@code RCPT TO} addresses (case-insensitive). */
  public List<CapturedMail> to(String recipient) {
    String wanted = recipient.toLowerCase(Locale.ROOT);
    return matching(m -> m.recipients().stream().anyMatch(r -> r.toLowerCase(Locale.ROOT).equals(wanted)));
  }

  /** The mails whose envelope sender is {@code envelopeSender} (case-insensitive; "" for the null sender). */
  public List<CapturedMail> from(String envelopeSender) {
    return matching(m -> m.envelopeSender().equalsIgnoreCase(envelopeSender));
  }

  /** The mails that match. */
  public List<CapturedMail> matching(Predicate<CapturedMail> predicate) {
    return all().stream().filter(predicate).collect(Collectors.toList());
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

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

}
