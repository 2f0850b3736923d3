package org.datenraum.broker.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Wakes long-polling callers when something they wait for may have changed: a site's queue or a
 * request's statuses. A version per key avoids lost wake-ups between checking and waiting.
 * Thread-safe.
 */
final class Signals {

  private static final class Signal {
    long version;
  }

  /** Conditions that change with time alone (redelivery, expiry) are re-checked this often. */
  private static final long RECHECK_MILLIS = 1000;

  private final Map<String, Signal> signals = new ConcurrentHashMap<>();

  void fire(String key) {
    Signal s = signals.computeIfAbsent(key, k -> new Signal());
    synchronized (s) {
      s.version++;
      s.notifyAll();
    }
  }

  /**
   * The first present value of {@code check}, re-evaluated after every signal on {@code key} and at least every second; the
   * value of {@code onTimeout} once {@code wait} has passed.
   */
  <T> T await(String key, Duration wait, Supplier<Optional<T>> check, Supplier<T> onTimeout) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    Signal s = signals.computeIfAbsent(key, k -> new Signal());
    while (true) {
      long seen;
      synchronized (s) {
        seen = s.version;
      }
      Optional<T> value = check.get();
      if (value.isPresent()) {
        return value.get();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return onTimeout.get();
      }
      synchronized (s) {
        if (s.version == seen) {
          s.wait(Math.max(1, Math.min(RECHECK_MILLIS, left / 1_000_000)));
        }
      }
    }
  }
}
