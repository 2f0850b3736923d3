package org.datenraum.web;

import java.time.LocalDate;
import java.util.Map;
import org.datenraum.core.Result;
import org.datenraum.node.ReportCells;
import org.datenraum.node.SiteReport;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.registry.icu.IcuNetworkCells;
import org.datenraum.registry.icu.IcuReport;
import org.datenraum.store.duckdb.DuckDbIcuFacts;
import org.datenraum.store.duckdb.DuckDbSiteStore;

/**
 * The registry's {@code icu} report over a test site's store, as the application wires it, with
 * every patient counted (the test sites hold no consent decisions that would leave one out).
 */
final class IcuTestReport implements SiteReport {

  private final DuckDbSiteStore store;

  IcuTestReport(DuckDbSiteStore store) {
    this.store = store;
  }

  @Override
  public String name() {
    return IcuNetworkCells.NAME;
  }

  @Override
  public Result<ReportCells> cells(Map<String, String> parameters, LocalDate today,
      ConsentPolicy consent) {
    return IcuNetworkCells.period(parameters).map(period -> {
      IcuNetworkCells cells = new IcuNetworkCells();
      IcuReport.eachStay(DuckDbIcuFacts.of(store), period[0], period[1], p -> true,
          (stay, result) -> cells.add(stay.id(), result));
      return new ReportCells(cells.population(), cells.tables());
    });
  }
}
