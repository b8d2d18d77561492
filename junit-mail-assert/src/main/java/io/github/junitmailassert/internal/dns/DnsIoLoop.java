package io.github.junitmailassert.internal.dns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one I/O thread of every loopback DNS server in the JVM: a selector over their channels.
 * Starting a thread (or two) per server cost more than the rest of a test's start together; a
 * server now costs two non-blocking sockets. Servers stay isolated: each has its own channels and
 * ports, and only the thread is shared. Internal.
 */
final class DnsIoLoop {

  /** What a registered channel does when the selector finds it ready. */
  interface Handler {
    void ready(SelectionKey key) throws IOException;

    /** Called about once a second, to drop idle connections. */
    default void tick(long nowNanos) {}
  }

  private static final long TICK_MILLIS = 1_000;
  private static final Object LOCK = new Object();
  private static DnsIoLoop shared;

  private final Selector selector;
  private final Thread thread;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final ByteBuffer datagram = ByteBuffer.allocate(65535);

  private DnsIoLoop() throws IOException {
    selector = Selector.open();
    thread = new Thread(this::run, "mail-assert-dns-io");
    thread.setDaemon(true);
    thread.start();
  }

  /** The JVM's loop, started on first use (and again should its thread ever have died). */
  static DnsIoLoop shared() {
    synchronized (LOCK) {
      if (shared == null || !shared.thread.isAlive()) {
        try {
          shared = new DnsIoLoop();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot open a selector for the loopback DNS server", e);
        }
      }
      return shared;
    }
  }

  Selector selector() {
    return selector;
  }

  /** The receive buffer of every server's UDP socket: only the loop thread reads, one datagram at a time. */
  ByteBuffer datagramBuffer() {
    return datagram;
  }

  boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /** Runs {@code task} on the loop thread; the future completes when it has run. */
  CompletableFuture<Void> submit(Runnable task) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    tasks.add(() -> {
      try {
        task.run();
        done.complete(null);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    });
    selector.wakeup();
    return done;
  }

  /**
   * Waits (at most 5 s) until the loop has deregistered the keys cancelled so far, which releases
   * closed channels' ports.
   */
  void deregisterClosed() {
    beginDeregisterClosed().run();
  }

  /** Asks the loop to deregister the keys cancelled so far; the result waits for it, as {@link #deregisterClosed()}. */
  Runnable beginDeregisterClosed() {
    if (inLoop()) {
      selectNow();
      return () -> {};
    }
    CompletableFuture<Void> done = submit(this::selectNow);
    return () -> {
      try {
        done.get(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        // then the port stays taken, and the caller says so
      }
    };
  }

  private void selectNow() {
    try {
      selector.selectNow(); // keys it selects are handled after the tasks, in this same turn
    } catch (IOException e) {
      // the next select deregisters them
    }
  }

  private void run() {
    long lastTick = System.nanoTime();
    while (true) {
      try {
        selector.select(TICK_MILLIS);
        for (Runnable task; (task = tasks.poll()) != null; ) {
          task.run();
        }
        Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
        while (ready.hasNext()) {
          SelectionKey key = ready.next();
          ready.remove();
          handle(key);
        }
        long now = System.nanoTime();
        if (now - lastTick >= TICK_MILLIS * 1_000_000) {
          lastTick = now;
          for (SelectionKey key : selector.keys()) {
            if (key.isValid() && key.attachment() instanceof Handler h) {
              h.tick(now);
            }
          }
        }
      } catch (ClosedSelectorException e) {
        return;
      } catch (IOException | RuntimeException e) {
        // One bad event must not stop the DNS of every other test: keep selecting.
      }
    }
  }

  private static void handle(SelectionKey key) {
    if (!key.isValid() || !(key.attachment() instanceof Handler h)) {
      return;
    }
    try {
      h.ready(key);
    } catch (IOException | RuntimeException e) {
      // This channel's problem (a reset connection, a failed send): close it, serve the others.
      key.cancel();
      try {
        key.channel().close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
