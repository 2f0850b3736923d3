package org.datenraum.app.federation;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.app.surveillance.SiteDailyCounts;
import org.datenraum.node.Cohorts;
import org.datenraum.node.DailyCountsSource;
import org.datenraum.node.SiteOpener;
import org.datenraum.node.SiteReports;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.feasibility.DuckDbFeasibilityExecutor;

/**
 * Opens a site's DuckDB store for one task of the node: the indexed cohorts (the feasibility index
 * is loaded from the store, where the executor keeps it at the store's version) and the daily
 * counts, and the registry reports. Immutable.
 */
record NodeSiteData(SiteDirectory site, Clock clock, ZoneId zone, int minimumCell) implements SiteOpener {

  NodeSiteData {
    requireNonNull(site, "site");
    requireNonNull(clock, "clock");
    requireNonNull(zone, "zone");
  }

  /** The release rule of the daily counts, without opening the store. */
  String dailyPolicy() {
    return SiteDailyCounts.policy(zone, minimumCell);
  }

  @Override
  public Optional<SiteData> open() {
    return site.tryOpenStore(clock).map(this::over);
  }

  private SiteData over(DuckDbSiteStore store) {
    return over(store, Cohorts.indexed(DuckDbFeasibilityExecutor.of(store), store), true);
  }

  /**
   * The site's data read from {@code store} with these cohorts; closing it closes the store only
   * if {@code closes}.
   */
  SiteData over(DuckDbSiteStore store, Cohorts cohorts, boolean closes) {
    DailyCountsSource daily = SiteDailyCounts.of(store, zone, minimumCell);
    SiteReports reports = SiteReportCatalog.over(store, clock);
    return new SiteData() {
      @Override
      public Cohorts cohorts() {
        return cohorts;
      }

      @Override
      public DailyCountsSource daily() {
        return daily;
      }

      @Override
      public SiteReports reports() {
        return reports;
      }

      @Override
      public void close() {
        if (closes) {
          store.close();
        }
      }
    };
  }
}
