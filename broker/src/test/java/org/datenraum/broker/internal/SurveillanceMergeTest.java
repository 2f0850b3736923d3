package org.datenraum.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.datenraum.broker.internal.SurveillanceCells.Label;
import org.datenraum.broker.internal.SurveillanceCells.SeriesKey;
import org.datenraum.federation.v1.ShownSeries;
import org.datenraum.federation.v1.StandingSurveillance;
import org.datenraum.federation.v1.SurveillanceView;
import org.junit.jupiter.api.Test;

class SurveillanceMergeTest {

  private static final LocalDate DAY = LocalDate.of(2025, 10, 6);
  private static final SeriesKey GI = new SeriesKey("syndrome", "GI", "all");
  private static final List<Label> LABELS = List.of(new Label("syndrome", "GI", "gastrointestinal"));

  private static SurveillanceView merge(int minimum, Object[][] cells) {
    SurveillanceMerge m = new SurveillanceMerge(DAY, DAY.plusDays(2), minimum);
    for (Object[] c : cells) {
      m.accept((String) c[0], GI, DAY.plusDays((Integer) c[1]).toEpochDay(), (Integer) c[2], (Integer) c[3]);
    }
    return m.view(StandingSurveillance.from(DAY).withMinimum(minimum), LABELS, Map.of("a", 5, "b", 5));
  }

  private static ShownSeries series(SurveillanceView v, String site) {
    return v.series().stream().filter(s -> java.util.Objects.equals(s.site(), site)).findFirst().orElseThrow();
  }

  @Test
  void hiddenSiteCellsCountAsOneInTheNetworkAndAreCounted() {
    SurveillanceView v = merge(5, new Object[][] {
        {"a", 0, 7, 100}, {"b", 0, null, 80},
        {"a", 1, 0, 90}, {"b", 1, 0, null},
        {"a", 2, null, 95}});
    ShownSeries network = series(v, null);
    assertThat(network.counts()).containsExactly(8, 0, 1);
    assertThat(network.hidden()).containsExactly(1, 0, 1);
    assertThat(network.denominators()).containsExactly(180, 91, 95);
    assertThat(v.sitesReporting()).containsExactly(2, 2, 1);
    assertThat(series(v, "b").counts()).containsExactly(null, 0, null);
    assertThat(series(v, "b").hidden()).containsExactly(1, 0, 0);
    assertThat(v.sites()).extracting(SurveillanceView.Coverage::last).containsExactly(DAY.plusDays(2), DAY.plusDays(1));
  }

  @Test
  void aNetworkMinimumAboveTheSitesHidesTheirSmallValuesEverywhere() {
    SurveillanceView v = merge(10, new Object[][] {{"a", 0, 7, 100}, {"b", 0, 12, 9}});
    assertThat(series(v, "a").counts().get(0)).isNull();
    assertThat(series(v, "b").counts().get(0)).isEqualTo(12);
    assertThat(series(v, "b").denominators().get(0)).isNull();
    ShownSeries network = series(v, null);
    assertThat(network.counts().get(0)).as("12 shown + 1 for the hidden 7").isEqualTo(13);
    assertThat(network.hidden().get(0)).isEqualTo(1);
    assertThat(network.denominators().get(0)).isEqualTo(101);
  }

  @Test
  void aDayNoSiteSentIsMissingInTheNetwork() {
    SurveillanceView v = merge(5, new Object[][] {{"a", 0, 5, 10}, {"a", 2, 6, 10}});
    assertThat(series(v, null).counts()).containsExactly(5, null, 6);
    assertThat(v.sitesReporting()).containsExactly(1, 0, 1);
    assertThat(Arrays.asList(series(v, "a").hidden().toArray())).containsExactly(0, 0, 0);
  }
}
