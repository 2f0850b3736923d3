package org.datenraum.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.Attribute;
import org.datenraum.core.CodeSystems;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.Sex;
import org.datenraum.core.WriteBatch;
import org.datenraum.registry.icu.IcuFactSelection;
import org.datenraum.registry.icu.IcuReport;
import org.datenraum.registry.icu.InMemoryIcuFacts;
import org.datenraum.registry.icu.PatientFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DuckDB store hands the ICU indicators the same facts as the in-memory port would. */
class DuckDbIcuFactsIT {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final Instant T0 = Instant.parse("2025-05-01T06:00:00Z");
  private static final String ACT = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  private static final String DEPARTMENT = "http://fhir.de/CodeSystem/dkgev/Fachabteilungsschluessel";

  @TempDir Path dir;

  private final List<PatientRecord> patients = new ArrayList<>();
  private final List<Fact> facts = new ArrayList<>();
  private int ids;

  private void fact(String p, String type, Coding code, double fromHour, Double toHour,
      FactValue value, List<Attribute> attributes) {
    Instant start = T0.plusSeconds(Math.round(fromHour * 3600));
    Instant end = toHour == null ? start : T0.plusSeconds(Math.round(toHour * 3600));
    String id = type.equals("Encounter") ? p + "-enc" : p + "-" + ids++;
    facts.add(new Fact(p, type.equals("Encounter") ? id : null, type, id, code, start, end, value,
        "final", attributes));
  }

  private void icuPatient(String p, Sex sex, YearMonth birth, String department) {
    patients.add(new PatientRecord(p, birth, sex, false));
    fact(p, "Encounter", new Coding(ACT, "IMP"), 0, 72.0, null,
        List.of(new Attribute("serviceType", new Coding(DEPARTMENT, department))));
    fact(p, "Procedure", new Coding(CodeSystems.SNOMED, "243147009"), 1, 30.0, null,
        List.of(new Attribute("category", IcuFactSelection.VENTILATION_CATEGORY)));
    fact(p, "Procedure", new Coding(CodeSystems.OPS, "5-470.0"), 3, null, null, List.of());
    fact(p, "Condition", new Coding(CodeSystems.ICD10_GM, "J80.09"), 2, null, null, List.of());
    fact(p, "Condition", new Coding(CodeSystems.ICD10_GM, "I10.00"), 2, null, null, List.of());
    fact(p, "Observation", new Coding(CodeSystems.LOINC, "8302-2"), 0.5, null,
        new FactValue.Quantity(172, "cm", null), List.of());
    for (int h = 0; h < 72; h++) {
      fact(p, "Observation", new Coding(CodeSystems.LOINC, "76222-9"), h + 0.2, null,
          new FactValue.Quantity(380 + 5 * (h % 7), "mL", null), List.of());
      fact(p, "Observation", new Coding(CodeSystems.LOINC, "8867-4"), h + 0.2, null,
          new FactValue.Quantity(80, "/min", null), List.of());
      fact(p, "Observation", new Coding(CodeSystems.LOINC, "8478-0"), h + 0.3, null,
          new FactValue.Quantity(60 + h % 20, "mm[Hg]", null), List.of());
    }
    fact(p, "MedicationAdministration", new Coding(CodeSystems.ATC, "C01CA03"), 2, 20.0,
        new FactValue.Quantity(0.15, "ug/kg/min", null), List.of());
    fact(p, "MedicationAdministration", new Coding(CodeSystems.ATC, "N01AX10"), 2, 20.0,
        new FactValue.Quantity(3, "mg/kg/h", null), List.of());
  }

  @Test
  void theStoreHandsTheSameFactsAndReportAsTheInMemoryPort() {
    icuPatient("adult", Sex.MALE, YearMonth.of(1950, 3), "3600");
    icuPatient("child", Sex.FEMALE, YearMonth.of(2020, 3), "3610");
    icuPatient("ward", Sex.FEMALE, YearMonth.of(1980, 3), "0100");
    Map<String, List<Fact>> byResource = new LinkedHashMap<>();
    facts.forEach(f -> byResource.computeIfAbsent(f.resourceType() + "/" + f.resourceId(),
        k -> new ArrayList<>()).add(f));
    List<ResourceRecord> records = new ArrayList<>();
    for (PatientRecord p : patients) {
      records.add(new ResourceRecord(new ResourceKey("Patient", p.pseudonym()), p.pseudonym(), null,
          List.of(), "{}", p, List.of()));
    }
    byResource.forEach((key, list) -> records.add(new ResourceRecord(new ResourceKey(
        list.get(0).resourceType(), list.get(0).resourceId()), list.get(0).patient(),
        list.get(0).encounter(), list, "{}", null, List.of())));

    try (DuckDbSiteStore store = DuckDbSiteStore.open(dir.resolve("site.duckdb"), CLOCK)) {
      store.write(new WriteBatch(records, List.of(), Map.of(), List.of()));
      Map<String, Set<Fact>> read = new HashMap<>();
      DuckDbIcuFacts.of(store).forEachPatient(
          p -> read.put(p.patient().pseudonym(), projected(p.facts())));

      InMemoryIcuFacts expected = InMemoryIcuFacts.of(patients, facts);
      Map<String, Set<Fact>> wanted = new HashMap<>();
      expected.forEachPatient(p -> {
        if (!p.patient().pseudonym().equals("ward")) {
          wanted.put(p.patient().pseudonym(), projected(p.facts()));
        }
      });
      assertThat(read.keySet()).containsExactlyInAnyOrder("adult", "child");
      assertThat(read).isEqualTo(wanted);
      // per patient: encounter, ventilation, J80, height, 72 tidal volumes, 72 MAP, norepinephrine
      assertThat(read.get("adult")).hasSize(1 + 1 + 1 + 1 + 72 + 72 + 1);

      LocalDate from = LocalDate.of(2025, 1, 1);
      assertThat(IcuReport.of(DuckDbIcuFacts.of(store), from, null).tree())
          .isEqualTo(IcuReport.of(expected, from, null).tree());
      assertThat(IcuReport.of(DuckDbIcuFacts.of(store), from, null).tree())
          .containsEntry("stays", 2).containsEntry("paediatricStays", 1);
    }
  }

  private static final String ROLE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

  private static ResourceRecord location(String id, String code) {
    return new ResourceRecord(new ResourceKey("Location", id), null, null, List.of(), "{}", null,
        List.of(new Coding(ROLE, code)));
  }

  /** A patient on a general department for 200 h, 60 h of them (20-80 h) on Location/its. */
  private List<ResourceRecord> locatedPatient() {
    PatientRecord p = new PatientRecord("located", YearMonth.of(1960, 1), Sex.MALE, false);
    patients.add(p);
    fact("located", "Encounter", new Coding(ACT, "IMP"), 0, 200.0, null,
        List.of(new Attribute("serviceType", new Coding(DEPARTMENT, "0100"))));
    fact("located", "Encounter", new Coding("urn:datenraum:reference", "Location/its"), 20, 80.0,
        null, List.of(new Attribute("serviceType", new Coding(DEPARTMENT, "0100"))));
    return List.of(new ResourceRecord(new ResourceKey("Patient", "located"), "located", null,
        List.of(), "{}", p, List.of()), new ResourceRecord(new ResourceKey("Encounter",
        "located-enc"), "located", "located-enc", List.copyOf(facts), "{}", null, List.of()));
  }

  private static Object stays(DuckDbSiteStore store) {
    return IcuReport.of(DuckDbIcuFacts.of(store), null, null).tree().get("stays");
  }

  @Test
  void aStayOnAnIcuLocationWhicheverArrivesFirst() {
    List<ResourceRecord> encounter = locatedPatient();
    WriteBatch locationFirst = new WriteBatch(List.of(location("its", "ICU")), List.of(), Map.of(),
        List.of());
    WriteBatch encounterNext = new WriteBatch(encounter, List.of(), Map.of(), List.of());
    try (DuckDbSiteStore before = DuckDbSiteStore.open(dir.resolve("a.duckdb"), CLOCK);
        DuckDbSiteStore after = DuckDbSiteStore.open(dir.resolve("b.duckdb"), CLOCK)) {
      before.write(locationFirst);
      before.write(encounterNext);
      after.write(encounterNext);
      assertThat(stays(after)).as("the Location is not known yet").isEqualTo(0);
      after.write(locationFirst);
      assertThat(stays(before)).isEqualTo(1);
      assertThat(IcuReport.of(DuckDbIcuFacts.of(after), null, null).tree())
          .isEqualTo(IcuReport.of(DuckDbIcuFacts.of(before), null, null).tree())
          .containsEntry("icuHours", 60);
      assertThat(IcuReport.of(InMemoryIcuFacts.of(patients, facts,
          Map.of("Location/its", List.of(new Coding(ROLE, "ICU")))), null, null).tree())
          .isEqualTo(IcuReport.of(DuckDbIcuFacts.of(before), null, null).tree());

      after.write(new WriteBatch(List.of(location("its", "HU")), List.of(), Map.of(), List.of()));
      assertThat(stays(after)).as("the Location was replaced by a ward").isEqualTo(0);
    }
  }

  /**
   * The facts as the store hands them: hourly Observations and MedicationAdministrations by
   * their code, time and value only.
   */
  private static Set<Fact> projected(List<Fact> facts) {
    Set<Fact> out = new HashSet<>();
    for (Fact f : facts) {
      boolean many = f.resourceType().equals("Observation")
          || f.resourceType().equals("MedicationAdministration");
      out.add(many ? new Fact(f.patient(), null, f.resourceType(), "", f.code(), f.start(),
          f.end(), f.value(), null, List.of()) : f);
    }
    return out;
  }

  @Test
  void enteredInErrorAndComparatorsAreLeftOut() {
    icuPatient("adult", Sex.MALE, YearMonth.of(1950, 3), "3600");
    facts.add(new Fact("adult", null, "Observation", "wrong", new Coding(CodeSystems.LOINC,
        "8478-0"), T0, T0, new FactValue.Quantity(20, "mm[Hg]", null), "entered-in-error", List.of()));
    facts.add(new Fact("adult", null, "Observation", "below", new Coding(CodeSystems.LOINC,
        "777-3"), T0, T0, new FactValue.Quantity(20, "10*3/uL", "<"), "final", List.of()));
    List<ResourceRecord> records = new ArrayList<>();
    records.add(new ResourceRecord(new ResourceKey("Patient", "adult"), "adult", null, List.of(),
        "{}", patients.get(0), List.of()));
    for (Fact f : facts) {
      records.add(new ResourceRecord(new ResourceKey(f.resourceType(), f.resourceId() + ids++),
          "adult", f.encounter(), List.of(f), "{}", null, List.of()));
    }
    try (DuckDbSiteStore store = DuckDbSiteStore.open(dir.resolve("status.duckdb"), CLOCK)) {
      store.write(new WriteBatch(records, List.of(), Map.of(), List.of()));
      List<Fact> read = new ArrayList<>();
      DuckDbIcuFacts.of(store).forEachPatient(p -> read.addAll(p.facts()));
      assertThat(read).hasSize(1 + 1 + 1 + 1 + 72 + 72 + 1);
      assertThat(read).noneMatch(f -> f.value() instanceof FactValue.Quantity q
          && q.number() == 20);
    }
  }

  @Test
  void aStoreWithoutIcuStaysHandsNothing() {
    try (DuckDbSiteStore store = DuckDbSiteStore.open(dir.resolve("empty.duckdb"), CLOCK)) {
      List<PatientFacts> seen = new ArrayList<>();
      DuckDbIcuFacts.of(store).forEachPatient(seen::add);
      assertThat(seen).isEmpty();
    }
  }
}
