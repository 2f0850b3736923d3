package org.datenraum.app.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.datenraum.app.IoErrors;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.registry.emergency.EmergencyVisits;
import org.datenraum.registry.emergency.MonthlyEmergencyReport;
import org.datenraum.registry.emergency.MonthlyReports;
import org.datenraum.registry.emergency.ReportHtml;
import org.datenraum.registry.emergency.ReportJson;
import org.datenraum.registry.emergency.ReportPdf;
import org.datenraum.store.SiteStore;
import org.datenraum.store.duckdb.DuckDbEmergencyVisits;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datenraum report emergency}: AKTIN's monthly report of the site's emergency department. */
@Command(name = "emergency", mixinStandardHelpOptions = true,
    description = "AKTIN's monthly report of the emergency department: visits, arrivals, triage, times to"
        + " triage and physician, discharge, length of stay, diagnoses, complaints, organisms; as PDF, HTML"
        + " or JSON (every number). The file is readable by its owner only.")
public final class EmergencyReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--site", required = true, description = "The site's data directory.")
  Path site;

  @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "The month of admission.")
  String month;

  @Option(names = "--format", defaultValue = "pdf", paramLabel = "pdf|html|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The report file to write (a new file).")
  Path out;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    YearMonth m;
    try {
      m = YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      err.println("datenraum report emergency: DR-7220 --month `" + month + "` is not a month: write YYYY-MM, e.g. 2015-11.");
      return 2;
    }
    SiteDirectory dir = new SiteDirectory(site);
    if (!dir.exists()) {
      err.println(SiteDirectory.noStore("report emergency", site));
      return 1;
    }
    long started = System.nanoTime();
    MonthlyEmergencyReport report = report(dir, m, err);
    String name = dir.root().getFileName().toString();
    byte[] bytes = switch (format) {
      case pdf -> ReportPdf.of(report, name);
      case html -> ReportHtml.of(report, name).getBytes(StandardCharsets.UTF_8);
      case json -> ReportJson.of(report, name).getBytes(StandardCharsets.UTF_8);
    };
    try {
      ReportFiles.write(out, bytes);
    } catch (IOException e) {
      err.println("datenraum report emergency: `" + out + "` cannot be written: " + IoErrors.reason(e) + ".");
      return 2;
    }
    spec.commandLine().getOut().printf("Wrote the emergency report of %s (%,d visits) to %s in %.1f s.%n", m,
        report.population().visits(), out, (System.nanoTime() - started) / 1e9);
    return 0;
  }

  /**
   * The report of a month from the site's store, which reads only the facts of the visits admitted
   * in the month and their patients.
   */
  public static MonthlyEmergencyReport report(SiteDirectory dir, YearMonth month, PrintWriter notices) {
    try (DuckDbSiteStore store = dir.openStore(Clock.systemUTC(), notices)) {
      return report(store, month);
    }
  }

  /** The report of a month from a DuckDB store, which hands over one row per visit of the month. */
  public static MonthlyEmergencyReport report(DuckDbSiteStore store, YearMonth month) {
    return MonthlyReports.of(month, DuckDbEmergencyVisits.of(store).admittedIn(month));
  }

  /** The report of a month from a store, reading only the month's visits. */
  public static MonthlyEmergencyReport report(SiteStore store, YearMonth month) {
    List<Fact> facts = store.factsOfEncountersStarting("Encounter", EmergencyVisits.VISIT,
        EmergencyVisits.start(month), EmergencyVisits.start(month.plusMonths(1))).toList();
    Set<String> pseudonyms = facts.stream().map(Fact::patient).collect(Collectors.toSet());
    Map<String, PatientRecord> patients = store.patients(pseudonyms)
        .collect(Collectors.toMap(PatientRecord::pseudonym, Function.identity(), (a, b) -> a));
    return MonthlyReports.of(month, facts.stream(), patients);
  }
}
