package org.datenraum.app.surveillance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.datenraum.core.Result;
import org.datenraum.node.DailyCountsSource;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.DuckDbSyndromicRecords;
import org.datenraum.surveillance.syndromic.DailyRelease;
import org.datenraum.surveillance.syndromic.InMemorySyndromicRecords;
import org.datenraum.surveillance.syndromic.MinimumCellSize;
import org.datenraum.surveillance.syndromic.ReleasedCounts;

/** A node's daily counts: the surveillance release over the site store's syndromic records. */
public final class SiteDailyCounts implements DailyCountsSource {

  private final DailyRelease release;

  private SiteDailyCounts(DailyRelease release) {
    this.release = release;
  }

  public static SiteDailyCounts of(DuckDbSiteStore store, ZoneId zone, int minimumCell) {
    return new SiteDailyCounts(DailyRelease.of(DuckDbSyndromicRecords.of(store, zone),
        new MinimumCellSize(minimumCell)));
  }

  @Override
  public Result<Optional<ReleasedCounts>> released(LocalDate from, LocalDate through) {
    return Result.ok(release.released(from, through));
  }

  @Override
  public String policy() {
    return release.policy();
  }

  /** The release rule in words, as {@link #policy()} states it for these settings, without a store. */
  public static String policy(ZoneId zone, int minimumCell) {
    return DailyRelease.of(new InMemorySyndromicRecords(zone, List.of(), List.of()),
        new MinimumCellSize(minimumCell)).policy();
  }
}
