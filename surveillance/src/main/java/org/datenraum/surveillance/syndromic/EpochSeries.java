package org.datenraum.surveillance.syndromic;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** Daily counts turned into epochs: days as they are, or complete ISO weeks. Immutable. */
record EpochSeries(List<LocalDate> starts, double[] observed, double[] denominators) {

  EpochSeries {
    starts = List.copyOf(starts);
    if (observed.length != starts.size() || denominators.length != starts.size()) {
      throw new IllegalArgumentException("epochs, counts and denominators differ in length");
    }
  }

  static EpochSeries of(SiteCounts counts, Indicator indicator, AgeGroup group,
      Aggregation aggregation) {
    int[] c = counts.counts(indicator, group);
    int[] n = counts.denominators(indicator, group);
    if (aggregation == Aggregation.DAILY) {
      List<LocalDate> starts = new ArrayList<>();
      double[] o = new double[c.length];
      double[] d = new double[c.length];
      for (int i = 0; i < c.length; i++) {
        starts.add(counts.first().plusDays(i));
        o[i] = c[i];
        d[i] = n[i];
      }
      return new EpochSeries(starts, o, d);
    }
    LocalDate monday = counts.first().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    int offset = (int) ChronoUnit.DAYS.between(counts.first(), monday);
    int weeks = Math.max(0, (c.length - offset) / 7);
    List<LocalDate> starts = new ArrayList<>();
    double[] o = new double[weeks];
    double[] d = new double[weeks];
    for (int w = 0; w < weeks; w++) {
      starts.add(monday.plusWeeks(w));
      for (int k = 0; k < 7; k++) {
        o[w] += c[offset + 7 * w + k];
        d[w] += n[offset + 7 * w + k];
      }
    }
    return new EpochSeries(starts, o, d);
  }

  int length() {
    return observed.length;
  }
}
