package org.datenraum.surveillance.syndromic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shown series of a broker become count series: hidden site values count as 1. */
class NetworkSeriesTest {

  private static final LocalDate FIRST = LocalDate.of(2025, 3, 10);
  private static final Indicator GI = new Indicator(Indicator.Kind.SYNDROME, "GI", "Gastro");

  private static NetworkSeries.Shown shown(String site, Integer... counts) {
    List<Integer> values = Arrays.asList(counts);
    List<Integer> hidden = values.stream().map(v -> v == null ? 1 : 0).toList();
    return new NetworkSeries.Shown(site, GI, "all", values, values, hidden);
  }

  @Test
  void hiddenSiteValuesCountAsOneAndMissingNetworkDaysAsZero() {
    NetworkSeries.Shown network = new NetworkSeries.Shown(null, GI, "all",
        Arrays.asList(7, 1, null), Arrays.asList(7, 1, null), List.of(0, 1, 0));
    NetworkSeries series = NetworkSeries.of(FIRST, FIRST.plusDays(2),
        List.of(new NetworkSeries.Coverage("north", FIRST, FIRST.plusDays(1))),
        List.of(network, shown("north", 7, null, null)));

    assertThat(series.all()).extracting(SiteCounts::site).containsExactly("network", "north");
    SiteCounts total = series.all().get(0);
    assertThat(total.counts(GI, AgeGroup.ALL)).containsExactly(7, 1, 0);
    SiteCounts north = series.all().get(1);
    assertThat(north.days()).isEqualTo(2);
    assertThat(north.counts(GI, AgeGroup.ALL)).containsExactly(7, 1);
    assertThat(series.hidden("north/GI/all", FIRST.plusDays(1), Aggregation.DAILY)).isEqualTo(1);
    assertThat(series.hidden("north/GI/all", FIRST, Aggregation.DAILY)).isZero();
    assertThat(series.hidden("north/GI/all", FIRST, Aggregation.WEEKLY)).isEqualTo(2);
    assertThat(series.hidden("network/GI/all", FIRST, Aggregation.WEEKLY)).isEqualTo(1);
  }

  @Test
  void aViewWithoutDaysHasNoSeries() {
    assertThat(NetworkSeries.of(FIRST, FIRST.minusDays(1), List.of(), List.of()).all()).isEmpty();
  }
}
