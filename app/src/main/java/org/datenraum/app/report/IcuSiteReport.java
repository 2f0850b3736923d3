package org.datenraum.app.report;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.datenraum.core.Fact;
import org.datenraum.core.Result;
import org.datenraum.node.ReportCells;
import org.datenraum.node.SiteReport;
import org.datenraum.privacy.BroadConsent;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.registry.icu.IcuNetworkCells;
import org.datenraum.registry.icu.IcuReport;
import org.datenraum.store.duckdb.DuckDbIcuFacts;
import org.datenraum.store.duckdb.DuckDbSiteStore;

/**
 * The network report {@code icu} wired to a site store: the ICU stays of the patients the consent
 * policy lets count that began in the period (parameters {@code from}, {@code to}), as the
 * registry's cells.
 */
public final class IcuSiteReport implements SiteReport {

  private final DuckDbSiteStore store;

  public IcuSiteReport(DuckDbSiteStore store) {
    this.store = requireNonNull(store, "store");
  }

  @Override
  public String name() {
    return IcuNetworkCells.NAME;
  }

  @Override
  public Result<ReportCells> cells(Map<String, String> parameters, LocalDate today,
      ConsentPolicy consent) {
    return IcuNetworkCells.period(parameters).map(period -> {
      Map<String, List<Fact>> consents = new HashMap<>();
      try (Stream<Fact> facts = store.factsOfType("Consent")) {
        facts.filter(BroadConsent::isResearchUse)
            .forEach(f -> consents.computeIfAbsent(f.patient(), k -> new ArrayList<>()).add(f));
      }
      IcuNetworkCells cells = new IcuNetworkCells();
      IcuReport.eachStay(DuckDbIcuFacts.of(store), period[0], period[1],
          p -> BroadConsent.counted(consent, BroadConsent.researchPermitted(
              consents.getOrDefault(p.pseudonym(), List.of()).stream())),
          (stay, result) -> cells.add(stay.id(), result));
      return new ReportCells(cells.population(), cells.tables());
    });
  }
}
