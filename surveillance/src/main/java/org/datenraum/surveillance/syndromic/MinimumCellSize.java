package org.datenraum.surveillance.syndromic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The minimum cell size rule for counts that leave a site. Primary suppression: a count or
 * denominator from 1 to {@code minimum − 1} is withheld (zero is released). Secondary
 * suppression: when exactly one of the five age bands of a day and indicator is withheld and the
 * all-ages value is released, the smallest other band is withheld too, so that the withheld value
 * cannot be recovered as all ages minus the other bands. Counts and denominators are treated
 * separately. Immutable.
 *
 * @param minimum the smallest count released as it is; 1 releases everything
 */
public record MinimumCellSize(int minimum) {

  /** The default minimum: counts 1 to 4 are withheld. */
  public static final int DEFAULT = 5;

  public MinimumCellSize {
    if (minimum < 1) {
      throw new IllegalArgumentException("the minimum cell size must be at least 1: " + minimum);
    }
  }

  ReleasedCounts apply(SiteCounts counts) {
    List<ReleasedCell> cells = new ArrayList<>();
    for (Indicator indicator : counts.indicators()) {
      int[][] c = new int[AgeGroup.values().length][];
      int[][] n = new int[AgeGroup.values().length][];
      for (AgeGroup g : AgeGroup.values()) {
        c[g.ordinal()] = counts.counts(indicator, g);
        n[g.ordinal()] = counts.denominators(indicator, g);
      }
      for (int d = 0; d < counts.days(); d++) {
        OptionalInt[] count = release(c, d);
        OptionalInt[] denominator = release(n, d);
        LocalDate day = counts.first().plusDays(d);
        for (AgeGroup g : AgeGroup.values()) {
          cells.add(new ReleasedCell(day, indicator, g, count[g.ordinal()],
              denominator[g.ordinal()]));
        }
      }
    }
    cells.sort(java.util.Comparator.comparing(ReleasedCell::day));
    return new ReleasedCounts(counts.site(), counts.first(), counts.last(), this, cells);
  }

  /** The released values of one day, indexed by age group ordinal. */
  OptionalInt[] release(int[][] byGroup, int day) {
    OptionalInt[] out = new OptionalInt[byGroup.length];
    int withheldBands = 0;
    for (AgeGroup g : AgeGroup.values()) {
      int v = byGroup[g.ordinal()][day];
      boolean small = v > 0 && v < minimum;
      out[g.ordinal()] = small ? OptionalInt.empty() : OptionalInt.of(v);
      if (small && g != AgeGroup.ALL) {
        withheldBands++;
      }
    }
    if (withheldBands == 1 && out[AgeGroup.ALL.ordinal()].isPresent()) {
      AgeGroup smallest = null;
      for (AgeGroup g : AgeGroup.BANDS) {
        if (out[g.ordinal()].isPresent() && (smallest == null
            || byGroup[g.ordinal()][day] < byGroup[smallest.ordinal()][day])) {
          smallest = g;
        }
      }
      if (smallest != null) {
        out[smallest.ordinal()] = OptionalInt.empty();
      }
    }
    return out;
  }
}
