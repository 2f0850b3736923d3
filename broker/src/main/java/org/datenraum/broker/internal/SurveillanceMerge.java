package org.datenraum.broker.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.datenraum.broker.internal.SurveillanceCells.Label;
import org.datenraum.broker.internal.SurveillanceCells.SeriesKey;
import org.datenraum.federation.v1.ShownSeries;
import org.datenraum.federation.v1.StandingSurveillance;
import org.datenraum.federation.v1.SurveillanceView;

/**
 * The surveillance disclosure policy at the broker, applied while the sites' cells of a period are
 * merged. A site's value is shown when it is 0 or at least the network's minimum cell size;
 * otherwise (withheld at the site, or below the network's minimum) it is hidden. A network value
 * is the sum of the shown site values plus 1 for each hidden site cell (its smallest possible
 * value), with the number of hidden cells beside it: it is a lower bound where that number is
 * positive, and it is computed from what is shown, so no hidden value can be recovered from it.
 * Not thread-safe: one merge per view.
 */
final class SurveillanceMerge implements SurveillanceCells.CellSink {

  static final List<String> AGE_ORDER = List.of("0-4", "5-14", "15-34", "35-59", "60+", "all");
  private static final int ABSENT = -2;
  private static final int WITHHELD = -1;

  private final LocalDate first;
  private final int days;
  private final int minimum;
  private final Map<String, Map<SeriesKey, int[][]>> bySite = new TreeMap<>();

  SurveillanceMerge(LocalDate first, LocalDate last, int minimum) {
    this.first = first;
    this.days = Math.max(0, (int) (last.toEpochDay() - first.toEpochDay()) + 1);
    this.minimum = minimum;
  }

  @Override
  public void accept(String site, SeriesKey key, long day, Integer count, Integer denominator) {
    int[][] values = bySite.computeIfAbsent(site, s -> new HashMap<>()).computeIfAbsent(key, k -> absent());
    int d = (int) (day - first.toEpochDay());
    values[0][d] = count == null ? WITHHELD : count;
    values[1][d] = denominator == null ? WITHHELD : denominator;
  }

  private int[][] absent() {
    int[][] out = new int[2][days];
    Arrays.fill(out[0], ABSENT);
    Arrays.fill(out[1], ABSENT);
    return out;
  }

  /** The merged view: the network series first, then each site's, in the order of {@code labels}. */
  SurveillanceView view(StandingSurveillance standing, List<Label> labels, Map<String, Integer> siteMinimum) {
    List<SeriesKey> keys = ordered(labels);
    Map<SeriesKey, String> names = new HashMap<>();
    labels.forEach(l -> AGE_ORDER.forEach(a -> names.put(new SeriesKey(l.kind(), l.indicator(), a), l.label())));
    List<ShownSeries> series = new ArrayList<>();
    for (SeriesKey k : keys) {
      series.add(network(k, names.getOrDefault(k, k.indicator())));
    }
    List<SurveillanceView.Coverage> coverage = new ArrayList<>();
    for (Map.Entry<String, Map<SeriesKey, int[][]>> site : bySite.entrySet()) {
      for (SeriesKey k : keys) {
        int[][] values = site.getValue().get(k);
        if (values != null) {
          series.add(site(site.getKey(), k, names.getOrDefault(k, k.indicator()), values));
        }
      }
      coverage(site.getKey(), site.getValue(), siteMinimum.getOrDefault(site.getKey(), 1)).ifPresent(coverage::add);
    }
    return new SurveillanceView(standing, first, first.plusDays(days - 1L), coverage, reporting(), series);
  }

  private List<SeriesKey> ordered(List<Label> labels) {
    Set<SeriesKey> present = new LinkedHashSet<>();
    bySite.values().forEach(m -> present.addAll(m.keySet()));
    Map<String, Integer> position = new HashMap<>();
    labels.forEach(l -> position.put(l.kind() + "/" + l.indicator(), position.size()));
    List<SeriesKey> out = new ArrayList<>(present);
    out.sort(Comparator.<SeriesKey>comparingInt(k -> position.getOrDefault(k.kind() + "/" + k.indicator(), 1 << 20))
        .thenComparing(SeriesKey::indicator)
        .thenComparingInt(k -> AGE_ORDER.contains(k.ageGroup()) ? AGE_ORDER.indexOf(k.ageGroup()) : AGE_ORDER.size())
        .thenComparing(SeriesKey::ageGroup));
    return out;
  }

  private ShownSeries network(SeriesKey k, String label) {
    List<Integer> counts = new ArrayList<>(days);
    List<Integer> denominators = new ArrayList<>(days);
    List<Integer> hidden = new ArrayList<>(days);
    for (int d = 0; d < days; d++) {
      int[] count = {0, 0, 0};
      int[] denominator = {0, 0, 0};
      for (Map<SeriesKey, int[][]> site : bySite.values()) {
        int[][] v = site.get(k);
        if (v != null) {
          add(count, v[0][d]);
          add(denominator, v[1][d]);
        }
      }
      boolean reported = count[2] > 0;
      counts.add(reported ? count[0] + count[1] : null);
      denominators.add(reported ? denominator[0] + denominator[1] : null);
      hidden.add(count[1]);
    }
    return new ShownSeries(null, k.kind(), k.indicator(), label, k.ageGroup(), counts, denominators, hidden);
  }

  /** Adds one site value to {shown sum, hidden cells, sites reporting}. */
  private void add(int[] sum, int value) {
    if (value == ABSENT) {
      return;
    }
    sum[2]++;
    if (shown(value)) {
      sum[0] += value;
    } else {
      sum[1]++;
    }
  }

  private boolean shown(int value) {
    return value == 0 || value >= minimum;
  }

  private ShownSeries site(String site, SeriesKey k, String label, int[][] values) {
    List<Integer> counts = new ArrayList<>(days);
    List<Integer> denominators = new ArrayList<>(days);
    List<Integer> hidden = new ArrayList<>(days);
    for (int d = 0; d < days; d++) {
      int c = values[0][d];
      int n = values[1][d];
      counts.add(c >= 0 && shown(c) ? c : null);
      denominators.add(n >= 0 && shown(n) ? n : null);
      hidden.add(c == ABSENT || (c >= 0 && shown(c)) ? 0 : 1);
    }
    return new ShownSeries(site, k.kind(), k.indicator(), label, k.ageGroup(), counts, denominators, hidden);
  }

  private Optional<SurveillanceView.Coverage> coverage(String site, Map<SeriesKey, int[][]> series,
      int minimumCell) {
    int from = -1;
    int to = -1;
    for (int d = 0; d < days; d++) {
      if (reported(series, d)) {
        from = from < 0 ? d : from;
        to = d;
      }
    }
    return from < 0 ? Optional.empty() : Optional.of(new SurveillanceView.Coverage(site,
        first.plusDays(from), first.plusDays(to), minimumCell));
  }

  private static boolean reported(Map<SeriesKey, int[][]> series, int day) {
    for (int[][] v : series.values()) {
      if (v[0][day] != ABSENT) {
        return true;
      }
    }
    return false;
  }

  private List<Integer> reporting() {
    List<Integer> out = new ArrayList<>(days);
    for (int d = 0; d < days; d++) {
      int n = 0;
      for (Map<SeriesKey, int[][]> site : bySite.values()) {
        n += reported(site, d) ? 1 : 0;
      }
      out.add(n);
    }
    return out;
  }
}
