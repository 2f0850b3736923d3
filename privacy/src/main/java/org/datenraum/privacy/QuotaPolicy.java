package org.datenraum.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * How many requests one researcher may submit: at most {@code perMinute} in any 60 seconds and
 * {@code perWeek} in any 7 days. Immutable.
 */
public record QuotaPolicy(int perMinute, int perWeek) {

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration WEEK = Duration.ofDays(7);

  public QuotaPolicy {
    if (perMinute < 1 || perWeek < 1) {
      throw new IllegalArgumentException("quotas must be at least 1 per minute and per week, got "
          + perMinute + " and " + perWeek + ".");
    }
  }

  /** 3 per minute, 50 per week. */
  public static QuotaPolicy defaults() {
    return new QuotaPolicy(3, 50);
  }

  /**
   * How long the researcher must wait before the next request, or empty if it is allowed now.
   *
   * @param earlier the times of the researcher's earlier requests (at least the last week's)
   */
  public Optional<Duration> waitBefore(Collection<Instant> earlier, Instant now) {
    Duration wait = Duration.ZERO;
    wait = max(wait, windowWait(earlier, now, MINUTE, perMinute));
    wait = max(wait, windowWait(earlier, now, WEEK, perWeek));
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  /** With n requests in the window and a limit, the next is allowed once the (n-limit+1)-th oldest leaves. */
  private static Duration windowWait(Collection<Instant> earlier, Instant now, Duration window, int limit) {
    Instant from = now.minus(window);
    var inWindow = earlier.stream().filter(t -> t.isAfter(from) && !t.isAfter(now)).sorted().toList();
    if (inWindow.size() < limit) {
      return Duration.ZERO;
    }
    Instant leaves = inWindow.get(inWindow.size() - limit).plus(window);
    return Duration.between(now, leaves).plusNanos(1);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
