package org.datenraum.app.federation;

import java.time.Clock;
import java.util.List;
import org.datenraum.node.InventoryReport;
import org.datenraum.node.SiteReport;
import org.datenraum.node.SiteReports;
import org.datenraum.store.duckdb.DuckDbSiteStore;

/** The registry reports a node answers through the network, over one opening of the site's store. */
final class SiteReportCatalog {

  private SiteReportCatalog() {}

  static SiteReports over(DuckDbSiteStore store, Clock clock) {
    return SiteReport.all(List.of(new InventoryReport(store),
        new org.datenraum.app.biosamples.BiosamplesSiteReport(store),
        new org.datenraum.app.report.IcuSiteReport(store),
        new org.datenraum.app.emergency.EmergencySiteReport(store)));
  }
}
