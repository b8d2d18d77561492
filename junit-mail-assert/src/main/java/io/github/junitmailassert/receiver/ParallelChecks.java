package io.github.junitmailassert.receiver;

import io.github.junitmailassert.check.MailCheck;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The checks of many mails on all cores. Helper threads and the caller take mails from one counter;
 * then the caller reads every outcome in order, waiting for any a helper is still making. Each part
 * of a result is made once (unless it throws), under its own lock, by whichever thread asks first,
 * so the outcomes are those of checking one mail after another. A part that threw on a helper is
 * made again by the caller in its turn, which throws what one mail after another would.
 *
 * <p>Not JUnit's or the common fork-join pool: a thread that joins a fork-join task may run another
 * test's task while it waits, inside this test's {@code afterEach}.
 */
final class ParallelChecks {

  /** Below this many mails a thread, handing them over costs more than it saves (a mail's checks take tens of µs). */
  static final int MAILS_PER_THREAD = 8;

  private ParallelChecks() {}

  /**
   * Makes {@code checks}' outcomes of every result, with up to {@code helperCount} tasks on {@code helpers}.
   *
   * @return how many results the calling thread made itself, for tests
   */
  static int run(List<ReceiverResult> results, Set<MailCheck> checks, Executor helpers, int helperCount) {
    int n = results.size();
    int wanted = checks.isEmpty() ? 0 : Math.min(helperCount, n / MAILS_PER_THREAD - 1);
    AtomicInteger next = new AtomicInteger();
    for (int h = 0; h < wanted; h++) {
      try {
        helpers.execute(() -> take(results, checks, next, true));
      } catch (RejectedExecutionException e) {
        break; // the caller does the rest
      }
    }
    int mine = take(results, checks, next, wanted > 0);
    for (ReceiverResult result : results) {
      make(result, checks); // in order: waits on parts still being made, throws what one at a time would
    }
    return mine;
  }

  /** {@return how many helper threads this machine gives the checks: one core is the caller's} */
  static int helperCount() {
    return Runtime.getRuntime().availableProcessors() - 1;
  }

  /** {@return the helper threads, started on first use; idle ones end after a few seconds} */
  static Executor helpers() {
    return Helpers.POOL;
  }

  private static int take(List<ReceiverResult> results, Set<MailCheck> checks, AtomicInteger next, boolean quietly) {
    int taken = 0;
    for (int i = next.getAndIncrement(); i < results.size(); i = next.getAndIncrement()) {
      taken++;
      try {
        make(results.get(i), checks);
      } catch (Throwable e) { // also what a user's resolver or launcher throws undeclared: it must not end a helper
        if (!quietly) {
          throw e;
        }
        // The caller's pass in order meets it again, on its own thread.
      }
    }
    return taken;
  }

  private static void make(ReceiverResult result, Set<MailCheck> checks) {
    for (MailCheck check : MailCheck.values()) {
      if (checks.contains(check)) {
        result.outcome(check);
      }
    }
  }

  private static final class Helpers {
    static final ThreadPoolExecutor POOL = pool();

    private static ThreadPoolExecutor pool() {
      int size = Math.max(1, helperCount());
      AtomicInteger counter = new AtomicInteger();
      ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 2, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
          task -> {
            // No inheritable thread locals: the first caller's test context is not this thread's.
            Thread t = new Thread(null, task, "junit-mail-assert-checks-" + counter.incrementAndGet(), 0, false);
            t.setDaemon(true);
            // Not the first caller's loader, which the thread would otherwise keep while it lives.
            t.setContextClassLoader(ParallelChecks.class.getClassLoader());
            return t;
          });
      pool.allowCoreThreadTimeOut(true);
      return pool;
    }
  }
}
