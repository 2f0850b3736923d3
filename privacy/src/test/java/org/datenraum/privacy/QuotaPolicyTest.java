package org.datenraum.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaPolicyTest {

  private final QuotaPolicy quota = QuotaPolicy.defaults();
  private final Instant now = Instant.parse("2025-03-01T12:00:00Z");

  @Test
  void threePerMinuteThenWaitUntilTheOldestLeavesTheWindow() {
    List<Instant> earlier = List.of(now.minusSeconds(50), now.minusSeconds(20), now.minusSeconds(5));
    assertThat(quota.waitBefore(earlier.subList(0, 2), now)).isEmpty();
    Duration wait = quota.waitBefore(earlier, now).orElseThrow();
    assertThat(wait).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(10).plusMillis(1));
    assertThat(quota.waitBefore(earlier, now.plus(wait))).isEmpty();
  }

  @Test
  void fiftyPerWeek() {
    List<Instant> earlier = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      earlier.add(now.minus(Duration.ofHours(3 * i + 1)));
    }
    Duration wait = quota.waitBefore(earlier, now).orElseThrow();
    assertThat(wait).isBetween(Duration.ofDays(7).minusHours(148), Duration.ofDays(7).minusHours(147));
    assertThat(quota.waitBefore(earlier.subList(1, 50), now)).isEmpty();
  }
}
