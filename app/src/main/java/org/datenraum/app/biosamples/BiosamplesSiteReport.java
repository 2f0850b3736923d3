package org.datenraum.app.biosamples;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Result;
import org.datenraum.node.Cohorts;
import org.datenraum.node.ReportCells;
import org.datenraum.node.SiteReport;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.query.CcdlCompiler;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.registry.biosamples.AvailabilityReport;
import org.datenraum.registry.biosamples.SampleTypes;
import org.datenraum.registry.biosamples.SpecimenCatalog;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.feasibility.DuckDbFeasibilityExecutor;

/**
 * The network report {@code biosamples} wired to a site store: the cohort the parameters select
 * (indexed executor, then the consent policy), and the registry's cells of its specimens.
 */
public final class BiosamplesSiteReport implements SiteReport {

  private final DuckDbSiteStore store;

  public BiosamplesSiteReport(DuckDbSiteStore store) {
    this.store = requireNonNull(store, "store");
  }

  @Override
  public String name() {
    return AvailabilityReport.NAME;
  }

  @Override
  public Result<ReportCells> cells(Map<String, String> parameters, LocalDate today, ConsentPolicy consent) {
    return AvailabilityReport.cohortQuery(parameters)
        .flatMap(CcdlParser::parse)
        .flatMap(CcdlCompiler.of(Mappings.builtIn())::compile)
        .map(plan -> {
          Set<String> cohort = new HashSet<>();
          for (PatientRecord p : Cohorts.indexed(DuckDbFeasibilityExecutor.of(store), store)
              .select(plan, today, consent)) {
            cohort.add(p.pseudonym());
          }
          SpecimenCatalog catalog = SpecimenCatalog.of(() -> store.factsOfType(SampleTypes.SPECIMEN));
          SpecimenCatalog.Grouping grouping = AvailabilityReport.grouping(parameters);
          return new ReportCells(cohort,
              catalog.cells(cohort, AvailabilityReport.cells(grouping), grouping));
        });
  }
}
