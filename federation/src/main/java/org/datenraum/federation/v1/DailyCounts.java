package org.datenraum.federation.v1;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A site's released daily counts of consecutive days, as uploaded for a surveillance round (a
 * round may be sent in several parts). Cells from 1 to {@code minimumCell - 1} are withheld
 * ({@code null}) at the site. Immutable.
 *
 * @param first       the first day
 * @param last        the last day (inclusive)
 * @param minimumCell the site's minimum cell size
 * @param series      every series, each with one value per day
 */
public record DailyCounts(LocalDate first, LocalDate last, int minimumCell, List<DailySeries> series) {

  /** The most days one upload may carry (keeps a body well below the broker's size limit). */
  public static final int MAX_DAYS = 92;

  public DailyCounts {
    Fields.required(first, "first");
    Fields.required(last, "last");
    if (last.isBefore(first)) {
      throw Fields.invalid("last", "`last` " + last + " lies before `first` " + first + ".");
    }
    if (minimumCell < 1) {
      throw Fields.invalid("minimumCell", "`minimumCell` must be at least 1, got " + minimumCell + ".");
    }
    series = Fields.list(series);
    int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
    if (days > MAX_DAYS) {
      throw Fields.invalid("last", "one upload carries at most " + MAX_DAYS + " days, not " + days + ": split it.");
    }
    for (int i = 0; i < series.size(); i++) {
      if (series.get(i).counts().size() != days) {
        throw Fields.invalid("series[" + i + "].counts", "`series[" + i + "].counts` must have " + days
            + " values (one per day " + first + ".." + last + "), not " + series.get(i).counts().size() + ".");
      }
    }
    if (series.stream().map(DailySeries::key).distinct().count() != series.size()) {
      throw Fields.invalid("series", "`series` holds a kind, indicator and age group twice.");
    }
  }

  public int days() {
    return (int) ChronoUnit.DAYS.between(first, last) + 1;
  }
}
