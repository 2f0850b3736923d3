package org.datenraum.surveillance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CusumAndEarsTest {

  @Test
  void standardCusumAccumulatesStandardisedExcesses() {
    // m = mean(4, 4, 4, 4) = 4; z_t = (x - 4)/2; S_t = max(0, S_{t-1} + z_t - 1.04).
    CountSeries series = CountSeries.of("s", 52, 4, 4, 4, 4, 8, 9, 2, 4);
    List<WeekResult> weeks = Detectors.fromSettings("cusum", Map.of("range", "5:8")).value()
        .detect(series).value().weeks();
    assertThat(weeks).extracting(WeekResult::alarm)
        .containsExactly(Alarm.NONE, Alarm.RAISED, Alarm.NONE, Alarm.NONE);
    // Upper bound: ceil(sqrt(m)(h + k - S_{t-1}) + m) with S_4 = 0, S_5 = 0.96, S_6 = 2.42.
    assertThat(weeks.get(0).upperBound()).isEqualTo(Math.ceil(2 * (2.26 + 1.04) + 4));
    assertThat(weeks.get(1).upperBound()).isEqualTo(Math.ceil(2 * (2.26 + 1.04 - 0.96) + 4));
    assertThat(weeks.get(2).upperBound()).isEqualTo(Math.ceil(2 * (2.26 + 1.04 - 2.42) + 4));
  }

  @Test
  void earsC1IsMeanPlusZTimesSd() {
    CountSeries series = CountSeries.of("s", 52, 1, 2, 3, 4, 5, 6, 7, 30);
    WeekResult week = Detectors.fromSettings("ears-c1", Map.of()).value().detect(series).value()
        .weeks().get(0);
    double sd = Math.sqrt(28.0 / 6);
    assertThat(week.epoch()).isEqualTo(8);
    assertThat(week.upperBound()).isCloseTo(4 + 3.090232306167813 * sd, within(1e-12));
    assertThat(week.alarm()).isEqualTo(Alarm.RAISED);
  }

  @Test
  void earsC3WithAConstantBaselineHasNoUpperBound() {
    double[] counts = new double[14];
    java.util.Arrays.fill(counts, 3);
    WeekResult week = Detectors.fromSettings("ears-c3", Map.of()).value()
        .detect(CountSeries.of("flat", 52, counts)).value().weeks().get(0);
    assertThat(week.upperBound()).isNaN();
    assertThat(week.alarm()).isEqualTo(Alarm.UNDETERMINED);
  }
}
