package org.datenraum.surveillance.syndromic;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * A site's daily counts in the form a broker can merge: every day × indicator × age group, small
 * cells suppressed. Cells of several sites with the same day, indicator and age group add up;
 * a suppressed cell adds nothing and makes the merged value a lower bound. Immutable.
 *
 * @param site site name
 * @param first first day of the period
 * @param last last day of the period (inclusive)
 * @param minimumCellSize the rule that was applied
 * @param cells the cells, ordered by day, indicator, age group
 */
public record ReleasedCounts(String site, LocalDate first, LocalDate last,
    MinimumCellSize minimumCellSize, List<ReleasedCell> cells) {

  public ReleasedCounts {
    requireNonNull(site, "site");
    requireNonNull(first, "first");
    requireNonNull(last, "last");
    requireNonNull(minimumCellSize, "minimumCellSize");
    cells = List.copyOf(cells);
  }

  /** Number of suppressed counts. */
  public long suppressedCounts() {
    return cells.stream().filter(c -> c.count().isEmpty()).count();
  }
}
