package org.datenraum.federation.v1;

import java.util.List;

/**
 * A daily series as the broker shows it under the surveillance disclosure policy. For a site, a
 * value is shown when it is 0 or at least the network's minimum cell size, else it is hidden
 * ({@code null}, with {@code hidden} 1 that day). For the network ({@code site} null), each day's
 * value is the sum of the sites' shown values plus one for every hidden site cell (its smallest
 * possible value), and {@code hidden} counts those cells: where it is positive the value is a lower
 * bound. Immutable.
 *
 * @param site         the site's name, or null for the network
 * @param kind         {@code syndrome} or {@code pathogen}
 * @param indicator    the definition's id
 * @param label        the definition's label
 * @param ageGroup     the age group
 * @param counts       one value per day of the view
 * @param denominators one value per day (hidden site denominators likewise count as 1 in the network)
 * @param hidden       per day, the number of hidden site cells in the value
 */
public record ShownSeries(String site, String kind, String indicator, String label, String ageGroup,
    List<Integer> counts, List<Integer> denominators, List<Integer> hidden) {

  public ShownSeries {
    Fields.text(kind, "kind");
    Fields.text(indicator, "indicator");
    Fields.text(label, "label");
    Fields.text(ageGroup, "ageGroup");
    counts = DailySeries.values(counts, "counts");
    denominators = DailySeries.values(denominators, "denominators");
    hidden = DailySeries.values(hidden, "hidden");
    if (counts.size() != denominators.size() || counts.size() != hidden.size()) {
      throw Fields.invalid("counts", "`counts`, `denominators` and `hidden` must have one value per day.");
    }
  }

  public boolean network() {
    return site == null;
  }
}
