package org.datenraum.app.surveillance;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.datenraum.core.Result;
import org.datenraum.node.DailyCountsSource;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.surveillance.syndromic.EdVisit;
import org.datenraum.surveillance.syndromic.LabResult;
import org.datenraum.surveillance.syndromic.MinimumCellSize;
import org.datenraum.surveillance.syndromic.PathogenDefinitions;
import org.datenraum.surveillance.syndromic.ReleasedCounts;
import org.datenraum.surveillance.syndromic.SyndromeDefinitions;
import org.datenraum.surveillance.syndromic.SyndromicCounter;

/**
 * A node's daily counts from its site store with the built-in definitions: ED visits and
 * microbiology results counted per day and age group, released under the site's minimum cell size.
 * The period ends at the last day with an ED visit, so a day is sent once the store holds it.
 * Immutable; the store serialises its queries.
 */
public final class SiteDailyCounts implements DailyCountsSource {

  private final DuckDbSiteStore store;
  private final ZoneId zone;
  private final MinimumCellSize rule;

  private SiteDailyCounts(DuckDbSiteStore store, ZoneId zone, MinimumCellSize rule) {
    this.store = requireNonNull(store, "store");
    this.zone = requireNonNull(zone, "zone");
    this.rule = requireNonNull(rule, "rule");
  }

  public static SiteDailyCounts of(DuckDbSiteStore store, ZoneId zone, int minimumCell) {
    return new SiteDailyCounts(store, zone, new MinimumCellSize(minimumCell));
  }

  @Override
  public Result<Optional<ReleasedCounts>> released(LocalDate from, LocalDate through) {
    SiteSurveillanceReader reader = new SiteSurveillanceReader(store, zone);
    List<EdVisit> visits = reader.visits();
    Optional<LocalDate> lastVisit = visits.stream().map(EdVisit::day).max(Comparator.naturalOrder());
    if (lastVisit.isEmpty()) {
      return Result.ok(Optional.empty());
    }
    LocalDate last = lastVisit.get().isBefore(through) ? lastVisit.get() : through;
    if (last.isBefore(from)) {
      return Result.ok(Optional.empty());
    }
    List<LabResult> results = reader.results(PathogenDefinitions.builtIn());
    return Result.ok(Optional.of(SyndromicCounter.of(SyndromeDefinitions.builtIn(), PathogenDefinitions.builtIn())
        .count("site", from, last, visits, results).release(rule)));
  }

  @Override
  public String policy() {
    return "surveillance-minimum-cell=" + rule.minimum() + ";zone=" + zone;
  }
}
