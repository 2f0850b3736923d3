package org.datenraum.federation;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter for reconnecting to the broker: the n-th consecutive failure
 * waits between half and all of {@code min(max, initial * 2^n)}. Immutable.
 */
public record Backoff(Duration initial, Duration max) {

  public Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max + ".");
    }
  }

  /** 250 ms doubling to 30 s. */
  public static Backoff defaults() {
    return new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30));
  }

  /** The wait after {@code failures} consecutive failures (1 for the first). */
  public Duration delay(int failures, RandomGenerator random) {
    long cap = max.toMillis();
    long base = initial.toMillis();
    int shift = Math.min(Math.max(failures - 1, 0), 30);
    long ceiling = Math.min(cap, base << shift);
    long half = ceiling / 2;
    return Duration.ofMillis(half + (long) (random.nextDouble() * (ceiling - half + 1)));
  }
}
