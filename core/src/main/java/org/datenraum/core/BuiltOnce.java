package org.datenraum.core;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The values built last, kept by key, each built once: a reader of a key that is being built
 * waits for that build instead of starting another. At most {@code capacity} keys are kept; the
 * least recently read goes first. A build that fails, or whose value is not to be kept, is
 * forgotten, so the next reader builds again. Thread-safe.
 *
 * @param <K> the key: everything the value depends on, with value equality
 * @param <V> the value
 */
public final class BuiltOnce<K, V> {

  private final int capacity;
  private final Map<K, CompletableFuture<V>> kept = new LinkedHashMap<>(16, 0.75f, true);

  public BuiltOnce(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity `" + capacity + "` keeps nothing: give at least 1.");
    }
    this.capacity = capacity;
  }

  /** The value of this key, kept for any value. */
  public V get(K key, Supplier<V> build) {
    return get(key, build, v -> true);
  }

  /**
   * The value of this key, taken from those kept or built now (or by a reader who asked first);
   * a value that {@code keep} refuses is returned but not kept. A build's exception reaches
   * every reader waiting for it.
   */
  public V get(K key, Supplier<V> build, Predicate<? super V> keep) {
    requireNonNull(key, "key");
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> found;
    synchronized (kept) {
      found = kept.get(key);
      if (found == null) {
        kept.put(key, mine);
        if (kept.size() > capacity) {
          kept.remove(kept.keySet().iterator().next());
        }
      }
    }
    if (found != null) {
      return await(found);
    }
    V value;
    try {
      value = build.get();
    } catch (RuntimeException | Error e) {
      forget(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
    if (!keep.test(value)) {
      forget(key, mine);
    }
    mine.complete(value);
    return value;
  }

  private void forget(K key, CompletableFuture<V> entry) {
    synchronized (kept) {
      kept.remove(key, entry);
    }
  }

  private static <V> V await(CompletableFuture<V> building) {
    try {
      return building.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
