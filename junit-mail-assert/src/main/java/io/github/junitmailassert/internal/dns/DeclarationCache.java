package io.github.junitmailassert.internal.dns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A small LRU memo of parsed declarations, JVM-wide. Values are immutable, so sharing them is safe;
 * the key is the whole declaration, so different declarations never share. The first caller of a
 * key parses it while the others (tests of one class starting in parallel) wait for its result; a
 * failure is not kept, so every test that declares a broken zone reports it. Internal.
 */
final class DeclarationCache<K, V> {

  private final Map<K, CompletableFuture<V>> entries;

  DeclarationCache(int capacity) {
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, CompletableFuture<V>> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The value for {@code key}: cached while {@code fresh} says so, else made by {@code parse}. */
  V get(K key, Predicate<V> fresh, Supplier<V> parse) {
    CompletableFuture<V> future;
    boolean mine = false;
    synchronized (entries) {
      future = entries.get(key);
      if (future != null && future.isDone() && !future.isCompletedExceptionally() && !fresh.test(future.join())) {
        entries.remove(key);
        future = null;
      }
      if (future == null) {
        future = new CompletableFuture<>();
        entries.put(key, future);
        mine = true;
      }
    }
    if (mine) {
      try {
        V value = parse.get();
        future.complete(value);
        return value;
      } catch (RuntimeException | Error e) {
        synchronized (entries) {
          entries.remove(key, future);
        }
        future.completeExceptionally(e);
        throw e;
      }
    }
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r; // the same IllegalArgumentException the parsing test got
      }
      throw e;
    }
  }
}
