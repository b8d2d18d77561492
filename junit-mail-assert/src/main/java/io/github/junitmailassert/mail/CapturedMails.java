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

  /**
   * The JUnit configuration parameter that sets the default wait for a whole run, such as
   * {@code junit.mail.assert.await.timeout = 2 s} in {@code junit-platform.properties}.
   */
  public static final String AWAIT_TIMEOUT_PARAMETER = "junit.mail.assert.await.timeout";

  private final Store store;
  private final Duration defaultWait;
  private final SmtpEndpoint endpoint; // where the mails were sent, named when none came; null if unknown

  /** An empty list whose {@link #single()} and {@link #await(int)} wait {@link #DEFAULT_WAIT}. */
  public CapturedMails() {
    this(DEFAULT_WAIT);
  }

  /**
   * An empty list whose {@link #single()} and {@link #await(int)} wait {@code defaultWait}.
   *
   * @param defaultWait how long they wait, not negative
   */
  public CapturedMails(Duration defaultWait) {
    this(new Store(), checked(defaultWait), null);
  }

  private CapturedMails(Store store, Duration defaultWait, SmtpEndpoint endpoint) {
    this.store = store;
    this.defaultWait = defaultWait;
    this.endpoint = endpoint;
  }

  /**
   * The same mails (a view: what one captures, the other lists), whose {@link #single()} and
   * {@link #await(int)} wait at most {@code wait}: {@code mails.withDefaultWait(Duration.ofMillis(500)).single()}.
   *
   * @param wait how long the view's waits take, not negative
   * @return a view of the same mails
   */
  public CapturedMails withDefaultWait(Duration wait) {
    return new CapturedMails(store, checked(wait), endpoint);
  }

  /**
   * The same mails (a view), whose timeout messages name {@code endpoint} as the place the
   * application should have sent to. The extension's mails name their capture server.
   *
   * @param endpoint the capture server the application should send to
   * @return a view of the same mails
   */
  public CapturedMails withEndpoint(SmtpEndpoint endpoint) {
    return new CapturedMails(store, defaultWait, Objects.requireNonNull(endpoint, "endpoint"));
  }

  /** {@return how long {@link #single()} and {@link #await(int)} wait} */
  public Duration defaultWait() {
    return defaultWait;
  }

  private static Duration checked(Duration wait) {
    if (Objects.requireNonNull(wait, "wait").isNegative()) {
      throw new IllegalArgumentException("a wait cannot be negative: " + wait);
    }
    return wait;
  }

  /**
   * Adds a mail built by hand, with the sequence it has, for tests of code that consumes captured
   * mails. The capture server uses {@link #add(CapturedMail.Builder)}.
   *
   * @param mail the captured mail
   */
  public void add(CapturedMail mail) {
    Objects.requireNonNull(mail, "mail");
    store.lock.lock();
    try {
      store.append(mail);
    } finally {
      store.lock.unlock();
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
    store.lock.lock();
    try {
      CapturedMail built = mail.sequence(store.sequence + 1).build();
      store.sequence++;
      store.append(built);
      return built;
    } finally {
      store.lock.unlock();
    }
  }

  /** Forgets every mail captured so far; the next captured mail is number 1 again. */
  public void clear() {
    store.lock.lock();
    try {
      store.mails = new CapturedMail[16];
      store.size = 0;
      store.sequence = 0;
      store.attempts.clear();
    } finally {
      store.lock.unlock();
    }
  }

  /** The mails themselves, shared by every view. */
  private static final class Store {
    final ReentrantLock lock = new ReentrantLock();
    final Condition arrived = lock.newCondition();
    // Guarded by lock. Slots below size are never written again: a new array replaces a full one.
    CapturedMail[] mails = new CapturedMail[16];
    int size;
    long sequence;
    final List<SmtpAttempt> attempts = new ArrayList<>();

    void append(CapturedMail mail) {
      if (size == mails.length) {
        mails = Arrays.copyOf(mails, size * 2); // earlier snapshots keep the old array, which stays as it was
      }
      mails[size++] = mail;
      arrived.signalAll();
    }
  }

  /** {@return the mails captured so far, without waiting} */
  public List<CapturedMail> all() {
    store.lock.lock();
    try {
      return snapshot();
    } finally {
      store.lock.unlock();
    }
  }

  private List<CapturedMail> snapshot() {
    return new Snapshot(store.mails, store.size);
  }

  /** {@return how many mails were captured so far} */
  public int count() {
    store.lock.lock();
    try {
      return store.size;
    } finally {
      store.lock.unlock();
    }
  }

  /**
   * Waits until at least {@code count} mails were captured, at most the {@linkplain #defaultWait()
   * default wait}.
   *
   * @param count how many mails to wait for
   * @return the mails captured so far, at least {@code count}
   * @throws AssertionError saying how many arrived (each mail's summary, or "nothing"), and where the
   *     application should have sent, when the time is up
   */
  public List<CapturedMail> await(int count) {
    return await(count, defaultWait);
  }

  /**
   * Waits until at least {@code count} mails were captured, at most {@code timeout}.
   *
   * @param count how many mails to wait for
   * @param timeout how long to wait at most
   * @return the mails captured so far, at least {@code count}
   * @throws AssertionError saying how many arrived (each mail's summary, or "nothing"), and where the
   *     application should have sent, when the time is up
   */
  public List<CapturedMail> await(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    store.lock.lock();
    try {
      while (store.size < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          String refused = undelivered();
          // Refused attempts show the application sent to the right place: say what happened instead.
          throw new AssertionError(refused.isEmpty() ? timedOut(count, timeout, snapshot())
              : String.format("Expecting %d mail(s) within %s%s but %d arrived%s%s", count, describe(timeout),
                  endpoint == null ? "" : " at the capture server " + endpoint.host() + ":" + endpoint.port(), store.size,
                  listing(snapshot()), refused));
        }
        store.arrived.awaitNanos(left);
      }
      return snapshot();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + count + " mail(s)", e);
    } finally {
      store.lock.unlock();
    }
  }

  private String timedOut(int count, Duration timeout, List<CapturedMail> arrived) {
    String at = endpoint == null ? "" : " at the capture server " + endpoint.host() + ":" + endpoint.port();
    if (arrived.isEmpty()) {
      return String.format("Expecting %d mail(s) within %s%s but nothing arrived.%s", count, describe(timeout), at,
          endpoint == null ? "" : String.format("%nSend to that host and port (the test's SmtpEndpoint); wait longer"
              + " with awaitTimeout or the configuration parameter " + AWAIT_TIMEOUT_PARAMETER + "."));
    }
    return String.format("Expecting %d mail(s) within %s%s but %d arrived:%s", count, describe(timeout), at,
        arrived.size(), listing(arrived));
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

  // ---------------------------------------------------------------- attempts

  /**
   * Numbers an attempt with the next attempt sequence (1, 2, ... since this was made or last
   * {@linkplain #clear() cleared}) and records it. The capture server calls this when an attempt
   * ends, and for an accepted one after its mail was added.
   *
   * @param attempt the attempt, without its sequence number
   * @return the attempt as recorded
   */
  public SmtpAttempt addAttempt(SmtpAttempt.Builder attempt) {
    Objects.requireNonNull(attempt, "attempt");
    store.lock.lock();
    try {
      SmtpAttempt built = attempt.build(store.attempts.size() + 1L);
      store.attempts.add(built);
      store.arrived.signalAll();
      return built;
    } finally {
      store.lock.unlock();
    }
  }

  /**
   * Every attempt to deliver, in the order they ended: accepted, refused (by {@link SmtpFaults} or
   * a required TLS), dropped and abandoned ones, and connections that never sent {@code MAIL FROM}.
   *
   * @return a snapshot of the attempts so far
   */
  public List<SmtpAttempt> attempts() {
    store.lock.lock();
    try {
      return List.copyOf(store.attempts);
    } finally {
      store.lock.unlock();
    }
  }

  /**
   * Waits until at least {@code count} attempts ended, at most {@code timeout}: for a test whose
   * application gives up, so that no mail would ever come.
   *
   * @param count how many attempts to wait for
   * @param timeout how long to wait at most
   * @return the attempts so far, at least {@code count}
   * @throws AssertionError listing the attempts so far when the time is up
   */
  public List<SmtpAttempt> awaitAttempts(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    store.lock.lock();
    try {
      while (store.attempts.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          StringBuilder sb = new StringBuilder();
          store.attempts.forEach(a -> sb.append(String.format("%n  - %s", a)));
          throw new AssertionError(String.format("Expecting %d SMTP attempt(s) within %s but %d ended%s", count,
              describe(timeout), store.attempts.size(), sb));
        }
        store.arrived.awaitNanos(left);
      }
      return List.copyOf(store.attempts);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + count + " SMTP attempt(s)", e);
    } finally {
      store.lock.unlock();
    }
  }

  /** The attempts that delivered no mail, for the wait's failure message; "" when there are none. Called under lock. */
  private String undelivered() {
    StringBuilder sb = new StringBuilder();
    for (SmtpAttempt a : store.attempts) {
      if (a.outcome() != SmtpAttempt.Outcome.ACCEPTED) {
        sb.append(String.format("%n  - %s", a));
      }
    }
    return sb.length() == 0 ? "" : String.format("%nAttempts that delivered no mail:%s", sb);
  }

  // ----------------------------------------------------------------

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
