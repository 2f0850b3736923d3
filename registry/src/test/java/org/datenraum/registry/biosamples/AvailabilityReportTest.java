package org.datenraum.registry.biosamples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Result;
import org.datenraum.core.Sex;
import org.datenraum.query.CcdlCompiler;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.eval.ReferenceEvaluator;
import org.datenraum.query.mapping.Mappings;
import org.junit.jupiter.api.Test;

class AvailabilityReportTest {

  private static final String ICD = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";
  private static final String SCT = "http://snomed.info/sct";

  private final List<PatientRecord> patients = new ArrayList<>();
  private final List<Fact> facts = new ArrayList<>();

  private void fact(String patient, String type, String id, String system, String code, String at, FactValue v) {
    Instant t = Instant.parse(at);
    facts.add(new Fact(patient, null, type, id, new Coding(system, code), t, t, v, null, List.of()));
  }

  private Set<String> cohort(Map<String, String> parameters) {
    String ccdl = AvailabilityReport.cohortQuery(parameters).value();
    return ReferenceEvaluator.of(patients, facts).matching(
        CcdlParser.parse(ccdl).flatMap(CcdlCompiler.of(Mappings.builtIn())::compile).value(), LocalDate.of(2026, 1, 1));
  }

  @Test
  void parametersSelectTheCohortAsTheExampleQueryDoes() {
    for (String p : List.of("a", "b", "c", "d")) {
      patients.add(new PatientRecord(p, YearMonth.of(1950, 1), Sex.MALE, false));
    }
    FactValue twoMl = new FactValue.Quantity(2, "mL", null);
    fact("a", "Condition", "c1", ICD, "E11.90", "2025-01-01T00:00:00Z", null);
    fact("a", "Specimen", "s1", SCT, "119364003", "2025-01-20T00:00:00Z", twoMl);
    fact("b", "Condition", "c2", ICD, "E11.9", "2025-01-01T00:00:00Z", null);
    fact("b", "Specimen", "s2", SCT, "119364003", "2025-06-01T00:00:00Z", twoMl);
    fact("c", "Condition", "c3", ICD, "E11", "2025-01-01T00:00:00Z", null);
    fact("c", "Specimen", "s3", SCT, "119364003", "2025-01-02T00:00:00Z", new FactValue.Quantity(300, "uL", null));
    fact("d", "Specimen", "s4", SCT, "119364003", "2025-01-02T00:00:00Z", twoMl);

    assertThat(cohort(Map.of("diagnosis", "E11"))).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(cohort(Map.of("sample-type", "119364003"))).containsExactlyInAnyOrder("a", "b", "c", "d");
    assertThat(cohort(Map.of("sample-type", "119364003", "min-ml", "1"))).containsExactlyInAnyOrder("a", "b", "d");
    assertThat(cohort(Map.of("diagnosis", "E11", "sample-type", "119364003", "within-days", "30")))
        .containsExactlyInAnyOrder("a", "c");
    assertThat(cohort(Map.of("diagnosis", "E11", "sample-type", "119364003", "within-days", "30", "min-ml", "1")))
        .containsExactly("a");
  }

  @Test
  void badParametersAreRefusedWithTheirName() {
    Map<Map<String, String>, String> cases = Map.of(
        Map.of("colour", "red"), "DR-7420",
        Map.of(), "DR-7421",
        Map.of("within-days", "30", "diagnosis", "E11"), "DR-7422",
        Map.of("min-ml", "1", "diagnosis", "E11"), "DR-7422",
        Map.of("diagnosis", "E11\"}]}"), "DR-7423",
        Map.of("sample-type", "serum"), "DR-7423",
        Map.of("diagnosis", "E11", "group", "tissue"), "DR-7423");
    cases.forEach((parameters, code) -> {
      Result<String> r = AvailabilityReport.cohortQuery(parameters);
      assertThat(r.isOk()).as("%s", parameters).isFalse();
      assertThat(r.problem().code()).as("%s", parameters).isEqualTo(code);
    });
  }

  @Test
  void groupChoosesSampleKindsAsTheCellsAndSelectsTheSameCohort() {
    Map<String, String> byKind = Map.of("diagnosis", "E11", "group", "sample-kind");
    assertThat(AvailabilityReport.cohortQuery(byKind).value())
        .isEqualTo(AvailabilityReport.cohortQuery(Map.of("diagnosis", "E11")).value());
    assertThat(AvailabilityReport.grouping(byKind)).isEqualTo(SpecimenCatalog.Grouping.SAMPLE_KIND);
    assertThat(AvailabilityReport.grouping(Map.of("diagnosis", "E11"))).isEqualTo(SpecimenCatalog.Grouping.SAMPLE_TYPE);
    assertThat(AvailabilityReport.cells(SpecimenCatalog.Grouping.SAMPLE_KIND))
        .contains("whole-blood", "blood-serum", "blood-plasma", "urine", "saliva", "csf-liquor", "tissue-ffpe", "dna")
        .doesNotContain(SpecimenCatalog.OTHER);
  }

  @Test
  void cellsHoldEveryListedTypeAndOtherEvenWhenEmpty() {
    List<Fact> specimens = new ArrayList<>();
    specimens.add(new Fact("a", null, "Specimen", "s1", new Coding(SCT, "119364003"), null, null, null, null, List.of()));
    specimens.add(new Fact("a", null, "Specimen", "s2", new Coding(SCT, "119364003"), null, null, null, null, List.of()));
    specimens.add(new Fact("a", null, "Specimen", "s3", new Coding(SCT, "128159001"), null, null, null, null, List.of()));
    specimens.add(new Fact("b", null, "Specimen", "s4", new Coding(SCT, "119364003"), null, null, null, null, List.of()));
    SpecimenCatalog catalog = SpecimenCatalog.of(SpecimenFacts.of(specimens));

    Map<String, Map<String, Set<String>>> cells = catalog.cells(Set.of("a"), AvailabilityReport.SAMPLE_TYPES);

    assertThat(cells.keySet()).containsExactly("patients", "specimens");
    List<String> all = new ArrayList<>(AvailabilityReport.SAMPLE_TYPES);
    all.add("other");
    assertThat(cells.get("patients").keySet()).containsExactlyElementsOf(all);
    assertThat(cells.get("patients").get("119364003")).containsExactly("a");
    assertThat(cells.get("specimens").get("119364003")).containsExactlyInAnyOrder("s1", "s2");
    assertThat(cells.get("specimens").get("other")).containsExactly("s3");
    assertThat(cells.get("patients").get("119361006")).isEmpty();
  }
}
