package org.datenraum.registry.biosamples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.junit.jupiter.api.Test;

class SpecimenCatalogTest {

  private static final String SCT = "http://snomed.info/sct";
  private static final String KIND = "https://fhir.bbmri.de/CodeSystem/SampleMaterialType";

  private final List<Fact> facts = new ArrayList<>();

  private void specimen(String patient, String id, Coding... types) {
    for (Coding t : types) {
      facts.add(new Fact(patient, null, "Specimen", id, t, null, null, null, "available", List.of()));
    }
  }

  @Test
  void countsPatientsAndSpecimensPerTypeEachSpecimenOnceAndAliquotsOnTheirOwn() {
    Coding serum = new Coding(SCT, "119364003");
    Coding edta = new Coding(SCT, "445295009");
    specimen("a", "s1", serum, new Coding(KIND, "serum"));
    specimen("a", "s2", serum);            // an aliquot of s1: a specimen of its own
    specimen("a", "s3", edta);
    specimen("b", "s4", serum);
    specimen("c", "s5", edta);             // not in the cohort
    facts.add(new Fact("a", null, "Condition", "c1", new Coding("icd", "E11"), null, null, null, null, List.of()));

    SpecimenCatalog catalog = SpecimenCatalog.of(SpecimenFacts.of(facts));
    Availability a = catalog.availability(Set.of("a", "b", "d"));

    assertThat(catalog.size()).isEqualTo(5);
    assertThat(a.patients()).isEqualTo(3);
    assertThat(a.sampleTypes()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "119364003", new Availability.TypeCount(2, 3),
        "445295009", new Availability.TypeCount(1, 1),
        KIND + "|serum", new Availability.TypeCount(1, 1)));
    assertThat(a.toJson()).isEqualTo("{\"patients\": 3, \"sampleTypes\": {"
        + "\"119364003\": {\"patients\": 2, \"specimens\": 3}, \"445295009\": {\"patients\": 1, \"specimens\": 1}, "
        + "\"" + KIND + "|serum\": {\"patients\": 1, \"specimens\": 1}}}");
  }

  @Test
  void aSpecimenCodedOnlyWithASampleKindCountsAsItsSnomedTypeAndAnswersGroupByKind() {
    specimen("a", "s1", new Coding(SCT, "119364003"), new Coding(KIND, "blood-serum"));
    specimen("a", "s2", new Coding(KIND, "blood-serum"));        // counts as serum 119364003
    specimen("a", "s3", new Coding(SCT, "122555007"));           // venous blood: kind whole-blood
    specimen("a", "s4", new Coding(KIND, "plasma-edta"));        // counts as 708049000
    specimen("b", "s5", new Coding(SCT, "119361006"));           // plasma: kind blood-plasma
    specimen("b", "s6", new Coding(KIND, "plasma-cell-free"));   // counts as plasma 119361006
    specimen("b", "s7", new Coding(KIND, "derivative-other"));   // a kind without a SNOMED CT type
    specimen("b", "s8", new Coding(SCT, "123038009"));           // a type under no kind
    SpecimenCatalog catalog = SpecimenCatalog.of(SpecimenFacts.of(facts));
    Set<String> cohort = Set.of("a", "b");

    assertThat(catalog.availability(cohort).sampleTypes()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "119364003", new Availability.TypeCount(1, 2),
        "122555007", new Availability.TypeCount(1, 1),
        "708049000", new Availability.TypeCount(1, 1),
        "119361006", new Availability.TypeCount(1, 2),
        KIND + "|derivative-other", new Availability.TypeCount(1, 1),
        "123038009", new Availability.TypeCount(1, 1)));
    Availability byKind = catalog.availability(cohort, SpecimenCatalog.Grouping.SAMPLE_KIND);
    assertThat(byKind.sampleTypes()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "blood-serum", new Availability.TypeCount(1, 2),
        "whole-blood", new Availability.TypeCount(1, 1),
        "plasma-edta", new Availability.TypeCount(1, 1),
        "blood-plasma", new Availability.TypeCount(1, 1),
        "plasma-cell-free", new Availability.TypeCount(1, 1),
        "derivative-other", new Availability.TypeCount(1, 1),
        "123038009", new Availability.TypeCount(1, 1)));
    assertThat(byKind.toJson("sampleKinds")).startsWith("{\"patients\": 2, \"sampleKinds\": {\"123038009\"");

    Map<String, Map<String, Set<String>>> cells = catalog.cells(cohort,
        AvailabilityReport.cells(SpecimenCatalog.Grouping.SAMPLE_KIND), SpecimenCatalog.Grouping.SAMPLE_KIND);
    assertThat(cells.get("patients").keySet()).startsWith("whole-blood", "bone-marrow").endsWith("derivative-other", "other");
    assertThat(cells.get("patients").get("blood-serum")).containsExactly("a");
    assertThat(cells.get("specimens").get("blood-serum")).containsExactlyInAnyOrder("s1", "s2");
    assertThat(cells.get("specimens").get("blood-plasma")).containsExactly("s5");
    assertThat(cells.get("patients").get("other")).containsExactly("b");
    assertThat(cells.get("specimens").get("other")).containsExactly("s8");
    assertThat(cells.get("specimens").get("tissue-ffpe")).isEmpty();
  }

  @Test
  void anEmptyCohortHasNoSampleTypes() {
    specimen("a", "s1", new Coding(SCT, "119364003"));
    Availability a = SpecimenCatalog.of(SpecimenFacts.of(facts)).availability(Set.of());
    assertThat(a.patients()).isZero();
    assertThat(a.sampleTypes()).isEmpty();
    assertThat(a.toJson()).isEqualTo("{\"patients\": 0, \"sampleTypes\": {}}");
  }
}
