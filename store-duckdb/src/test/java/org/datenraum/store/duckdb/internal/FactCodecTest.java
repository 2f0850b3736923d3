package org.datenraum.store.duckdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Times appended as microseconds are the ones the driver stores for the same time as a LocalDateTime. */
class FactCodecTest {

  /** What the driver appends for a LocalDateTime: whole microseconds since the epoch, counted towards it. */
  private static long asDriverDoes(Instant i) {
    return LocalDateTime.of(1970, 1, 1, 0, 0).until(LocalDateTime.ofInstant(i, ZoneOffset.UTC), ChronoUnit.MICROS);
  }

  @Test
  void microsecondsAreTheDriversForTimesBeforeAndAfter1970() {
    SplittableRandom random = new SplittableRandom(5);
    for (int n = 0; n < 20_000; n++) {
      Instant i = Instant.ofEpochSecond(random.nextLong(-200L * 365 * 86400, 200L * 365 * 86400),
          random.nextBoolean() ? random.nextInt(1_000_000_000) : random.nextInt(1000) * 1_000_000);
      assertThat(FactCodec.micros(i)).as("%s", i).isEqualTo(asDriverDoes(i));
    }
    for (Instant i : new Instant[] {Instant.EPOCH, Instant.ofEpochSecond(-1, 999_999_500),
        Instant.ofEpochSecond(-1, 500), Instant.ofEpochSecond(0, 999), Instant.parse("1899-12-31T23:59:59.999999999Z")}) {
      assertThat(FactCodec.micros(i)).as("%s", i).isEqualTo(asDriverDoes(i));
    }
    assertThat(FactCodec.micros(Instant.ofEpochSecond(-1, 999_999_500))).isZero();
  }
}
