package org.datenraum.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.CodeSystems;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.Sex;
import org.datenraum.core.WriteBatch;
import org.datenraum.surveillance.syndromic.EdVisit;
import org.datenraum.surveillance.syndromic.LabResult;
import org.datenraum.surveillance.syndromic.PathogenDefinition;
import org.datenraum.surveillance.syndromic.PathogenDefinitions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ED visits, admissions and microbiology results as the DuckDB store reads them for surveillance. */
class DuckDbSyndromicRecordsIT {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String ACT = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  private static final String ADMIT = "http://fhir.de/CodeSystem/dgkev/Aufnahmeanlass";
  private static final String CEDIS = "http://fhir.de/CodeSystem/CEDIS";

  @TempDir Path dir;

  private final List<ResourceRecord> records = new ArrayList<>();
  private DuckDbSiteStore opened;

  @AfterEach
  void close() {
    if (opened != null) {
      opened.close();
    }
  }

  private void patient(String p) {
    records.add(new ResourceRecord(new ResourceKey("Patient", p), p, null, List.of(), "{}",
        new PatientRecord(p, YearMonth.of(1990, 6), Sex.FEMALE, false), List.of()));
  }

  private void encounter(String p, String id, String cls, String start, String end,
      List<Attribute> attributes) {
    Fact f = new Fact(p, id, "Encounter", id, new Coding(ACT, cls), Instant.parse(start),
        Instant.parse(end), null, "finished", attributes);
    records.add(new ResourceRecord(new ResourceKey("Encounter", id), p, id, List.of(f), "{}", null,
        List.of()));
  }

  /** An ED visit of {@code p} on 10 March 2025 and an inpatient stay starting 3 hours after it. */
  private void edThenInpatient(String p, List<Attribute> inpatient) {
    patient(p);
    encounter(p, p + "-ed", "EMER", "2025-03-10T08:00:00Z", "2025-03-10T12:00:00Z",
        List.of(new Attribute("reasonCode", new Coding(CEDIS, "254"))));
    encounter(p, p + "-imp", "IMP", "2025-03-10T15:00:00Z", "2025-03-14T10:00:00Z", inpatient);
  }

  private static Attribute admitSource(String code) {
    return new Attribute("hospitalization.admitSource", new Coding(ADMIT, code));
  }

  private DuckDbSyndromicRecords store() {
    opened = DuckDbSiteStore.open(dir.resolve("site.duckdb"), CLOCK);
    opened.write(new WriteBatch(records, List.of(), Map.of(), List.of()));
    return DuckDbSyndromicRecords.of(opened, BERLIN);
  }

  @Test
  void onlyTheAdmissionSourceNCountsAsAdmittedFromTheEd() {
    edThenInpatient("a-emergency", List.of(admitSource("N")));
    edThenInpatient("b-referral-then-n-attribute", List.of(admitSource("E"),
        new Attribute("hospitalization.dischargeDisposition", new Coding(ADMIT, "NH"))));
    edThenInpatient("c-code-starting-with-n", List.of(admitSource("NX")));
    edThenInpatient("d-n-in-another-attribute", List.of(
        new Attribute("serviceType", new Coding(ADMIT, "N"))));
    edThenInpatient("e-n-then-more", List.of(admitSource("N"),
        new Attribute("serviceType", new Coding("http://x", "1500"))));

    List<EdVisit> visits = store().visits();

    assertThat(visits).hasSize(5);
    assertThat(visits).allSatisfy(v -> {
      assertThat(v.day()).isEqualTo(LocalDate.of(2025, 3, 10));
      assertThat(v.complaints()).containsExactly("254");
      assertThat(v.age()).isEqualTo(OptionalInt.of(34));
    });
    assertThat(visits.stream().filter(EdVisit::admitted)).hasSize(2);
  }

  @Test
  void anAdmissionMoreThanADayAfterTheDepartureIsNotFromTheEd() {
    patient("p");
    encounter("p", "ed", "EMER", "2025-03-10T08:00:00Z", "2025-03-10T12:00:00Z", List.of());
    encounter("p", "imp", "IMP", "2025-03-11T12:00:01Z", "2025-03-12T10:00:00Z",
        List.of(admitSource("N")));

    assertThat(store().visits()).singleElement().satisfies(v -> assertThat(v.admitted()).isFalse());
  }

  @Test
  void diagnosesResultsAndBerlinDaysComeFromTheFacts() {
    patient("p");
    encounter("p", "ed", "EMER", "2025-03-09T23:30:00Z", "2025-03-10T02:00:00Z", List.of());
    records.add(new ResourceRecord(new ResourceKey("Condition", "c"), "p", "ed", List.of(
        new Fact("p", "ed", "Condition", "c", new Coding(CodeSystems.ICD10_GM, "A08.1"), null, null,
            null, "active", List.of())), "{}", null, List.of()));
    records.add(new ResourceRecord(new ResourceKey("Observation", "o"), "p", null, List.of(
        new Fact("p", null, "Observation", "o", new Coding(CodeSystems.LOINC, "54906-3"),
            Instant.parse("2025-03-11T09:00:00Z"), null,
            new FactValue.Coded(new Coding("http://snomed.info/sct", "10828004")), "final",
            List.of(new Attribute("interpretation", new Coding("http://x", "POS"))))),
        "{}", null, List.of()));
    DuckDbSyndromicRecords store = store();

    EdVisit visit = store.visits().get(0);
    assertThat(visit.day()).isEqualTo(LocalDate.of(2025, 3, 10));
    assertThat(visit.diagnoses()).containsExactly("A08.1");
    List<PathogenDefinition> norovirus = PathogenDefinitions.builtIn().stream()
        .filter(d -> d.id().equals("NOROVIRUS")).toList();
    LabResult result = store.results(norovirus).get(0);
    assertThat(result.day()).isEqualTo(LocalDate.of(2025, 3, 11));
    assertThat(result.value()).isEqualTo("http://snomed.info/sct|10828004");
    assertThat(result.interpretations()).isEqualTo(Set.of("POS"));
    assertThat(store.results(List.of(new PathogenDefinition("X", "x", Set.of("1-8"))))).isEmpty();
    assertThat(store.zone()).isEqualTo(BERLIN);
    assertThat(store.visits().stream().map(EdVisit::day).max(Comparator.naturalOrder()))
        .contains(LocalDate.of(2025, 3, 10));
  }
}
