package org.datenraum.node;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datenraum.federation.v1.DailyCounts;
import org.datenraum.federation.v1.DailySeries;
import org.datenraum.surveillance.syndromic.ReleasedCell;
import org.datenraum.surveillance.syndromic.ReleasedCounts;

/** A site's released counts as wire uploads of at most {@link DailyCounts#MAX_DAYS} days each. */
final class DailyCountsParts {

  private DailyCountsParts() {}

  static List<DailyCounts> of(ReleasedCounts released) {
    int days = (int) ChronoUnit.DAYS.between(released.first(), released.last()) + 1;
    Map<String, Integer[][]> values = new LinkedHashMap<>();
    Map<String, ReleasedCell> firstCell = new LinkedHashMap<>();
    for (ReleasedCell c : released.cells()) {
      String key = c.indicator().kind().label() + "/" + c.indicator().id() + "/" + c.ageGroup().label();
      firstCell.putIfAbsent(key, c);
      Integer[][] v = values.computeIfAbsent(key, k -> new Integer[2][days]);
      int d = (int) ChronoUnit.DAYS.between(released.first(), c.day());
      v[0][d] = c.count().isPresent() ? c.count().getAsInt() : null;
      v[1][d] = c.denominator().isPresent() ? c.denominator().getAsInt() : null;
    }
    List<DailyCounts> out = new ArrayList<>();
    for (int from = 0; from < days; from += DailyCounts.MAX_DAYS) {
      int to = Math.min(days, from + DailyCounts.MAX_DAYS);
      List<DailySeries> series = new ArrayList<>();
      for (Map.Entry<String, Integer[][]> e : values.entrySet()) {
        ReleasedCell c = firstCell.get(e.getKey());
        series.add(new DailySeries(c.indicator().kind().label(), c.indicator().id(), c.indicator().label(),
            c.ageGroup().label(), slice(e.getValue()[0], from, to), slice(e.getValue()[1], from, to)));
      }
      LocalDate first = released.first().plusDays(from);
      out.add(new DailyCounts(first, released.first().plusDays(to - 1L), released.minimumCellSize().minimum(),
          series));
    }
    return out;
  }

  private static List<Integer> slice(Integer[] values, int from, int to) {
    return java.util.Arrays.asList(values).subList(from, to);
  }
}
