package org.datenraum.app.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.WriteBatch;
import org.datenraum.node.ReportCells;
import org.datenraum.privacy.BroadConsent;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.registry.emergency.EmergencyVisits;
import org.datenraum.registry.emergency.NetworkCells;
import org.datenraum.store.SiteStats;
import org.datenraum.store.SiteStore;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network report reads only the month's visits, their patients and their consents, and answers
 * as the same report over every fact and patient of a site with visits of several months: through
 * the store's generic reads and through DuckDB's rows per visit.
 */
class EmergencySiteReportTest {

  private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
  private static final LocalDate TODAY = LocalDate.of(2027, 2, 1);

  @TempDir Path dir;

  @Test
  void theMonthsVisitsAndConsentsGiveTheAnswerOfEveryFact() throws IOException {
    List<Path> files = new ArrayList<>();
    EdVisitFiles.write(dir, OCTOBER, 0, 30, files);
    EdVisitFiles.write(dir, NOVEMBER, 100, 40, files);
    EdVisitFiles.write(dir, DECEMBER, 200, 25, files);
    SiteDirectory site = new SiteDirectory(dir.resolve("site")).create();
    try (DuckDbSiteStore store = site.openStore(Clock.systemUTC())) {
      EdVisitFiles.load(site, files, store);
      consents(store);
      EmergencySiteReport report = new EmergencySiteReport(new NoFullRead(store));
      List<Fact> facts = store.facts().toList();
      Map<String, PatientRecord> patients = store.patients()
          .collect(Collectors.toMap(PatientRecord::pseudonym, p -> p));
      Map<YearMonth, Integer> visits = Map.of(OCTOBER, 30, NOVEMBER, 40, DECEMBER, 25, YearMonth.of(2027, 1), 0);
      for (Map.Entry<YearMonth, Integer> e : visits.entrySet()) {
        Map<ConsentPolicy, Integer> sizes = new HashMap<>();
        for (ConsentPolicy policy : ConsentPolicy.values()) {
          ReportCells expected = overEveryFact(facts, patients, e.getKey(), policy);
          ReportCells got = report.cells(Map.of("month", e.getKey().toString()), TODAY, policy).value();
          assertThat(got).as("%s under %s", e.getKey(), policy).isEqualTo(expected);
          assertThat(new EmergencySiteReport(store).cells(Map.of("month", e.getKey().toString()), TODAY, policy)
              .value()).as("%s under %s, one row per visit from DuckDB", e.getKey(), policy).isEqualTo(expected);
          sizes.put(policy, got.population().size());
        }
        if (e.getValue() > 0) {
          int permitted = sizes.get(ConsentPolicy.REQUIRE_PERMIT);
          int notDenied = sizes.get(ConsentPolicy.EXCLUDE_DENIED);
          assertThat(permitted).as("visits of permitting patients in %s", e.getKey()).isPositive()
              .isLessThan(notDenied);
          assertThat(notDenied).as("visits of patients not denying in %s", e.getKey()).isLessThan(e.getValue());
        }
      }
    }
  }

  /** The answer as computed over every fact and patient of the store. */
  private static ReportCells overEveryFact(List<Fact> facts, Map<String, PatientRecord> patients, YearMonth month,
      ConsentPolicy policy) {
    Map<String, List<Fact>> consents = new HashMap<>();
    facts.stream().filter(BroadConsent::isResearchUse)
        .forEach(f -> consents.computeIfAbsent(f.patient(), k -> new ArrayList<>()).add(f));
    Set<String> counted = new HashSet<>();
    for (String p : patients.keySet()) {
      if (BroadConsent.counted(policy, BroadConsent.researchPermitted(consents.getOrDefault(p, List.of()).stream()))) {
        counted.add(p);
      }
    }
    Map<String, EmergencyVisits.Keyed> visits = new HashMap<>(EmergencyVisits.keyed(facts.stream(), patients, month));
    visits.values().removeIf(k -> !counted.contains(k.patient()));
    return new ReportCells(visits.keySet(), NetworkCells.of(visits));
  }

  /** A third of the patients deny research use, a third permit it (one after an earlier denial). */
  private static void consents(SiteStore store) {
    List<String> pseudonyms = store.patients().map(PatientRecord::pseudonym).sorted().toList();
    assertThat(pseudonyms).hasSizeGreaterThan(30);
    List<ResourceRecord> records = new ArrayList<>();
    for (int i = 0; i < pseudonyms.size(); i++) {
      String p = pseudonyms.get(i);
      if (i % 3 == 0) {
        records.add(consent(p, "c" + i, "deny", "2025-03-01T00:00:00Z"));
      } else if (i % 3 == 1) {
        records.add(consent(p, "c" + i, "permit", "2025-03-01T00:00:00Z"));
        if (i % 2 == 0) {
          records.add(consent(p, "d" + i, "deny", "2024-03-01T00:00:00Z"));
        }
      }
    }
    store.write(new WriteBatch(records, List.of(), Map.of(), List.of()));
  }

  private static ResourceRecord consent(String patient, String id, String type, String signed) {
    Fact f = new Fact(patient, null, "Consent", id, BroadConsent.RESEARCH_USE, Instant.parse(signed), null,
        new FactValue.Coded(new Coding("http://hl7.org/fhir/consent-provision-type", type)), "active", List.of());
    return new ResourceRecord(new ResourceKey("Consent", id), patient, null, List.of(f), "{}", null, List.of());
  }

  /** A store that refuses to read every fact or every patient: the report must ask for less. */
  private record NoFullRead(SiteStore store) implements SiteStore {
    @Override
    public Stream<Fact> facts() {
      throw new AssertionError("the report read every fact");
    }

    @Override
    public Stream<PatientRecord> patients() {
      throw new AssertionError("the report read every patient");
    }

    @Override
    public Stream<PatientRecord> patients(Set<String> pseudonyms) {
      return store.patients(pseudonyms);
    }

    @Override
    public Stream<Fact> facts(Coding code, Set<String> patients) {
      return store.facts(code, patients);
    }

    @Override
    public Stream<Fact> factsOfEncountersStarting(String resourceType, Coding code, Instant from, Instant to) {
      return store.factsOfEncountersStarting(resourceType, code, from, to);
    }

    @Override
    public void write(WriteBatch batch) {
      store.write(batch);
    }

    @Override
    public boolean hasPatient(String pseudonym) {
      return store.hasPatient(pseudonym);
    }

    @Override
    public Optional<String> patientByIdentifier(String identifierPseudonym) {
      return store.patientByIdentifier(identifierPseudonym);
    }

    @Override
    public List<Coding> medicationCodes(String medicationId) {
      return store.medicationCodes(medicationId);
    }

    @Override
    public SiteStats stats() {
      return store.stats();
    }

    @Override
    public Optional<String> resourceJson(ResourceKey key) {
      return store.resourceJson(key);
    }

    @Override
    public List<QuarantineEntry> quarantine() {
      return store.quarantine();
    }

    @Override
    public void close() {
      store.close();
    }
  }
}
