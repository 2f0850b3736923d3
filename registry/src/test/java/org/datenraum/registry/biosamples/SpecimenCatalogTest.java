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
  void anEmptyCohortHasNoSampleTypes() {
    specimen("a", "s1", new Coding(SCT, "119364003"));
    Availability a = SpecimenCatalog.of(SpecimenFacts.of(facts)).availability(Set.of());
    assertThat(a.patients()).isZero();
    assertThat(a.sampleTypes()).isEmpty();
    assertThat(a.toJson()).isEqualTo("{\"patients\": 0, \"sampleTypes\": {}}");
  }
}
