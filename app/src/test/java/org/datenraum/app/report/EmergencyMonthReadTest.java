package org.datenraum.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.datenraum.app.emergency.EdVisitFiles;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.registry.emergency.EmergencyVisits;
import org.datenraum.registry.emergency.MonthlyReports;
import org.datenraum.registry.emergency.ReportJson;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report reads only the month's visits from the store, and gives the same report as over every
 * fact of a site that holds visits of other months too.
 */
class EmergencyMonthReadTest {

  private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

  @TempDir Path dir;

  @Test
  void theMonthsVisitsAloneGiveTheReportOfEveryFact() throws IOException {
    List<Path> files = new ArrayList<>();
    EdVisitFiles.write(dir, OCTOBER, 0, 30, files);
    EdVisitFiles.write(dir, NOVEMBER, 100, 40, files);
    EdVisitFiles.write(dir, DECEMBER, 200, 25, files);
    SiteDirectory site = new SiteDirectory(dir.resolve("site")).create();
    try (DuckDbSiteStore store = site.openStore(Clock.systemUTC())) {
      EdVisitFiles.load(site, files, store);
      List<Fact> all = store.facts().toList();
      Map<String, PatientRecord> patients = store.patients()
          .collect(Collectors.toMap(PatientRecord::pseudonym, p -> p));
      Map<YearMonth, Integer> visits = Map.of(OCTOBER, 30, NOVEMBER, 40, DECEMBER, 25, YearMonth.of(2027, 1), 0);
      for (Map.Entry<YearMonth, Integer> e : visits.entrySet()) {
        YearMonth m = e.getKey();
        List<Fact> read = store.factsOfEncountersStarting("Encounter", EmergencyVisits.VISIT,
            EmergencyVisits.start(m), EmergencyVisits.start(m.plusMonths(1))).toList();
        assertThat(read.stream().map(Fact::encounter).distinct()).as("encounters read for %s", m)
            .hasSize(e.getValue());
        assertThat(read.size()).as("facts read for %s", m).isLessThan(all.size());
        var limited = EmergencyReportCommand.report(store, m);
        assertThat(limited.population().visits()).as(m.toString()).isEqualTo(e.getValue().longValue());
        assertThat(ReportJson.of(limited, "site")).as(m.toString())
            .isEqualTo(ReportJson.of(MonthlyReports.of(m, all.stream(), patients), "site"));
      }
    }
  }
}
