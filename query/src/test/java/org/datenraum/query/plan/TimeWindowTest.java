package org.datenraum.query.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeWindowTest {

  private static final TimeWindow DAY = TimeWindow.ofDates(LocalDate.of(2023, 3, 26), LocalDate.of(2023, 3, 26), ZoneId.of("Europe/Berlin"));

  private static Instant at(String s) {
    return Instant.parse(s);
  }

  @Test
  void coversTheWholeLocalDayAcrossDaylightSavingChange() {
    assertThat(DAY).isEqualTo(new TimeWindow(at("2023-03-25T23:00:00Z"), at("2023-03-26T22:00:00Z")));
    assertThat(DAY.overlaps(at("2023-03-25T23:00:00Z"), null)).isTrue();
    assertThat(DAY.overlaps(at("2023-03-26T21:59:59Z"), null)).isTrue();
    assertThat(DAY.overlaps(at("2023-03-26T22:00:00Z"), null)).isFalse();
    assertThat(DAY.overlaps(at("2023-03-25T22:59:59Z"), null)).isFalse();
  }

  @Test
  void periodsOverlapWhenTheyShareAnInstant() {
    assertThat(DAY.overlaps(at("2023-01-01T00:00:00Z"), at("2023-03-25T23:00:00Z"))).isTrue();
    assertThat(DAY.overlaps(at("2023-01-01T00:00:00Z"), at("2023-03-25T22:00:00Z"))).isFalse();
    assertThat(DAY.overlaps(at("2023-01-01T00:00:00Z"), at("2024-01-01T00:00:00Z"))).isTrue();
    assertThat(DAY.overlaps(null, null)).isFalse();
    assertThat(TimeWindow.ALWAYS.overlaps(null, null)).isTrue();
  }
}
