package org.datenraum.broker.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Long-polling callers waiting for something that may change: a site's queue or a request's
 * statuses. A waiter holds no thread: it is a future that is completed when a check on a signal
 * of its key, a periodic re-check or its deadline finds an answer. Checks of one waiter never run
 * at once. Thread-safe; {@link #close()} ends every wait with a 503 refusal.
 */
final class Signals implements AutoCloseable {

  /** Conditions that change with time alone (redelivery, expiry) are re-checked this often. */
  private static final long RECHECK_MILLIS = 1000;

  private final Map<String, Set<Waiter<?>>> waiting = new ConcurrentHashMap<>();
  private final ScheduledThreadPoolExecutor checks;
  private volatile boolean closed;

  Signals() {
    checks = new ScheduledThreadPoolExecutor(2, r -> {
      Thread t = new Thread(r, "broker-long-poll");
      t.setDaemon(true);
      return t;
    });
    checks.setRemoveOnCancelPolicy(true);
  }

  /** Re-checks every waiter on {@code key}, on the checking threads. */
  void fire(String key) {
    Set<Waiter<?>> ws = waiting.get(key);
    if (ws != null && !closed) {
      try {
        ws.forEach(w -> checks.execute(w::check));
      } catch (RejectedExecutionException stopping) {
        // close() ends every wait
      }
    }
  }

  /**
   * The first present value of {@code check}, evaluated now, after every signal on {@code key} and
   * at least every second; the value of {@code onTimeout} once {@code wait} has passed.
   */
  <T> CompletableFuture<T> await(String key, Duration wait, Supplier<Optional<T>> check, Supplier<T> onTimeout) {
    Waiter<T> w = new Waiter<>(key, System.nanoTime() + wait.toNanos(), check, onTimeout);
    if (closed) {
      w.future.completeExceptionally(stopping());
      return w.future;
    }
    waiting.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(w);
    w.future.whenComplete((v, e) -> forget(w));
    w.check();
    return w.future;
  }

  private void forget(Waiter<?> w) {
    waiting.computeIfPresent(w.key, (k, ws) -> {
      ws.remove(w);
      return ws.isEmpty() ? null : ws;
    });
  }

  /** How many callers wait now. */
  int waiting() {
    return waiting.values().stream().mapToInt(Set::size).sum();
  }

  @Override
  public void close() {
    closed = true;
    checks.shutdownNow();
    waiting.values().forEach(ws -> ws.forEach(w -> w.future.completeExceptionally(stopping())));
  }

  private static ApiProblem stopping() {
    return new ApiProblem(503, "Unavailable", "DR-5503", "The broker is stopping; poll again shortly.", null,
        Duration.ofSeconds(1));
  }

  private final class Waiter<T> {
    final String key;
    final long deadline;
    final Supplier<Optional<T>> condition;
    final Supplier<T> onTimeout;
    final CompletableFuture<T> future = new CompletableFuture<>();
    private ScheduledFuture<?> next;

    Waiter(String key, long deadline, Supplier<Optional<T>> condition, Supplier<T> onTimeout) {
      this.key = key;
      this.deadline = deadline;
      this.condition = condition;
      this.onTimeout = onTimeout;
    }

    synchronized void check() {
      if (future.isDone()) {
        return;
      }
      try {
        Optional<T> value = condition.get();
        long left = deadline - System.nanoTime();
        if (value.isPresent() || left <= 0) {
          future.complete(value.isPresent() ? value.get() : onTimeout.get());
          return;
        }
        if (next != null) {
          next.cancel(false);
        }
        if (!closed) {
          next = checks.schedule(this::check, Math.min(TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS), left),
              TimeUnit.NANOSECONDS);
        }
      } catch (RuntimeException e) {
        future.completeExceptionally(e);
      }
    }
  }
}
