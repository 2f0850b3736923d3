package org.datenraum.app.emergency;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.node.ReportCells;
import org.datenraum.node.SiteReport;
import org.datenraum.privacy.BroadConsent;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.registry.emergency.EmergencyVisits;
import org.datenraum.registry.emergency.NetworkCells;
import org.datenraum.store.SiteStore;
import org.datenraum.store.duckdb.DuckDbEmergencyVisits;
import org.datenraum.store.duckdb.DuckDbSiteStore;

/**
 * The report {@code emergency} through the network: the monthly report's cells for the month the
 * researcher names ({@code month=YYYY-MM}). Population: the month's emergency visits of patients the
 * consent policy lets count; records: encounter pseudonyms. Reads from the store only the facts of
 * the visits admitted in the month, those visits' patients and their research-use consent facts.
 */
public final class EmergencySiteReport implements SiteReport {

  private final SiteStore store;

  public EmergencySiteReport(SiteStore store) {
    this.store = requireNonNull(store, "store");
  }

  @Override
  public String name() {
    return "emergency";
  }

  @Override
  public Result<ReportCells> cells(Map<String, String> parameters, LocalDate today, ConsentPolicy consent) {
    if (!parameters.keySet().equals(Set.of("month"))) {
      return Result.fail(Problem.invalid("DR-7230", "the report `emergency` takes the parameter `month` (YYYY-MM)"
          + " and no other, not " + parameters.keySet() + "."));
    }
    YearMonth month;
    try {
      month = YearMonth.parse(parameters.get("month"));
    } catch (DateTimeParseException e) {
      return Result.fail(Problem.invalid("DR-7231", "the month `" + parameters.get("month")
          + "` is not a month: write YYYY-MM, e.g. 2026-11."));
    }
    Map<String, EmergencyVisits.Keyed> visits = new HashMap<>(visits(month));
    Set<String> counted = counted(visits.values().stream().map(EmergencyVisits.Keyed::patient)
        .filter(java.util.Objects::nonNull).collect(Collectors.toSet()), consent);
    visits.values().removeIf(k -> !counted.contains(k.patient()));
    return Result.ok(new ReportCells(visits.keySet(), NetworkCells.of(visits)));
  }

  /**
   * The month's visits by encounter pseudonym: from a DuckDB store one row per visit, from another
   * store the facts of the month's visits and their patients.
   */
  private Map<String, EmergencyVisits.Keyed> visits(YearMonth month) {
    if (store instanceof DuckDbSiteStore duckDb) {
      return DuckDbEmergencyVisits.of(duckDb).keyedAdmittedIn(month);
    }
    List<Fact> facts;
    try (var read = store.factsOfEncountersStarting("Encounter", EmergencyVisits.VISIT, EmergencyVisits.start(month),
        EmergencyVisits.start(month.plusMonths(1)))) {
      facts = read.toList();
    }
    Set<String> pseudonyms = facts.stream().map(Fact::patient).collect(Collectors.toSet());
    Map<String, PatientRecord> patients;
    try (var read = store.patients(pseudonyms)) {
      patients = read.collect(Collectors.toMap(PatientRecord::pseudonym, Function.identity(), (a, b) -> a));
    }
    Map<String, EmergencyVisits.Keyed> out = new HashMap<>(EmergencyVisits.keyed(facts.stream(), patients, month));
    out.values().removeIf(k -> !patients.containsKey(k.patient()));
    return out;
  }

  /** The patients among these whom the policy lets count, by their research-use consent facts. */
  private Set<String> counted(Set<String> patients, ConsentPolicy consent) {
    Map<String, List<Fact>> consents = new HashMap<>();
    try (var read = store.facts(BroadConsent.RESEARCH_USE, patients)) {
      read.filter(BroadConsent::isResearchUse)
          .forEach(f -> consents.computeIfAbsent(f.patient(), k -> new ArrayList<>()).add(f));
    }
    Set<String> out = new HashSet<>();
    for (String p : patients) {
      if (BroadConsent.counted(consent, BroadConsent.researchPermitted(consents.getOrDefault(p, List.of()).stream()))) {
        out.add(p);
      }
    }
    return out;
  }
}
