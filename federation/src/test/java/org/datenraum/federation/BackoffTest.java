package org.datenraum.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesWithJitterUpToTheMaximum() {
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 100; i++) {
      assertThat(b.delay(1, r).toMillis()).isBetween(50L, 100L);
      assertThat(b.delay(3, r).toMillis()).isBetween(200L, 400L);
      assertThat(b.delay(40, r).toMillis()).isBetween(1000L, 2000L);
    }
  }
}
