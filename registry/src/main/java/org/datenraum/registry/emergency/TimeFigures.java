package org.datenraum.registry.emergency;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * AKTIN's rules for a time figure: minutes from admission to an event; an absent event, a negative
 * time or one over 24 hours is a missing value; a time over the figure's limit is left out of the
 * statistics and the distribution. Stateless.
 */
final class TimeFigures {

  static final long DAY = 24 * 60;

  private TimeFigures() {}

  /** Whole minutes from admission to the event, or null when missing under AKTIN's rules. */
  static Long minutes(Instant admission, Instant event) {
    if (event == null) {
      return null;
    }
    long m = Duration.between(admission, event).toMinutes();
    return m < 0 || m > DAY ? null : m;
  }

  /**
   * The figure over the visits.
   *
   * @param limit  times over this are left out
   * @param width  the width of a bin in minutes; the last bin includes the limit
   * @param target times up to this count as within the target, or -1
   */
  static TimeFigure of(String title, List<EmergencyVisit> visits, Function<EmergencyVisit, Instant> event,
      long limit, int width, long target) {
    List<Long> kept = new ArrayList<>();
    long missing = 0;
    long leftOut = 0;
    for (EmergencyVisit v : visits) {
      Long m = minutes(v.times().admission(), event.apply(v));
      if (m == null) {
        missing++;
      } else if (m > limit) {
        leftOut++;
      } else {
        kept.add(m);
      }
    }
    int bins = (int) ((limit + width - 1) / width);
    long[] counts = new long[bins];
    for (long m : kept) {
      counts[(int) Math.min(m / width, bins - 1)]++;
    }
    Table table = Tables.numbered(title, counts, i -> (i * width) + "–" + (i == bins - 1 ? limit : (i + 1) * width - 1),
        missing, leftOut);
    long within = target < 0 ? -1 : kept.stream().filter(m -> m <= target).count();
    return new TimeFigure(table, summary(kept), within);
  }

  static TimeFigure.Summary summary(List<Long> values) {
    if (values.isEmpty()) {
      return new TimeFigure.Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    }
    List<Long> s = new ArrayList<>(values);
    Collections.sort(s);
    double mean = s.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
    return new TimeFigure.Summary(s.size(), mean, quantile(s, 0.5), quantile(s, 0.25), quantile(s, 0.75),
        s.get(s.size() - 1));
  }

  /** The quantile by linear interpolation between order statistics (R's default, type 7). */
  static double quantile(List<Long> sorted, double p) {
    double h = (sorted.size() - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.size() - 1);
    return sorted.get(lo) + (h - lo) * (sorted.get(hi) - sorted.get(lo));
  }
}
