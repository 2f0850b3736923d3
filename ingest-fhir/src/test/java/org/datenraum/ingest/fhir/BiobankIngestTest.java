package org.datenraum.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.store.InMemorySiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specimens as the MII biobank module sends them, questionnaire answers, and what is refused. */
class BiobankIngestTest {

  private static final String SCT = "http://snomed.info/sct";
  private static final String TEMPERATURE = "https://fhir.bbmri.de/CodeSystem/StorageTemperature";

  @TempDir Path dir;

  @Test
  void miiBiobankBundleLoadsEverySpecimenWithTypeQuantityBodySiteFastingAndDiagnosis() throws IOException {
    Path bundle = TestData.of("mii-kds/Bundle-mii-exa-test-data-bundle-biobank-1.json");
    InMemorySiteStore store = Loads.fresh();

    Loads.load(store, bundle);

    assertThat(store.quarantine()).isEmpty();
    List<Fact> specimens = store.facts().filter(f -> f.resourceType().equals("Specimen")).toList();
    String text = Files.readString(bundle);
    long inFile = text.split("\"resourceType\": \"Specimen\"", -1).length - 1;
    assertThat(specimens.stream().map(Fact::resourceId).distinct().count()).isEqualTo(inFile).isEqualTo(20);
    Map<String, Long> byType = specimens.stream().collect(Collectors.groupingBy(
        f -> f.code().code(), Collectors.counting()));
    assertThat(byType.get("119364003")).isEqualTo(text.split("\"code\": \"119364003\"", -1).length - 1);
    // every serum specimen of the bundle holds 7 ml, every EDTA blood specimen 5 ml
    assertThat(specimens).filteredOn(f -> f.code().code().equals("119364003"))
        .allSatisfy(f -> assertThat(f.value()).isEqualTo(new FactValue.Quantity(7, "ml", null)));
    assertThat(specimens).filteredOn(f -> f.code().code().equals("445295009"))
        .allSatisfy(f -> assertThat(f.value()).isEqualTo(new FactValue.Quantity(5, "ml", null)));
    Fact first = specimens.stream().filter(f -> f.code().code().equals("122555007")).findFirst().orElseThrow();
    assertThat(first.attributes()).contains(
        new Attribute("collection.bodySite", new Coding(SCT, "789218009")),
        new Attribute("collection.fastingStatusCodeableConcept",
            new Coding("http://terminology.hl7.org/CodeSystem/v2-0916", "F")));
    assertThat(first.attributes()).anySatisfy(a -> {
      assertThat(a.key()).endsWith("StructureDefinition/Diagnose)");
      assertThat(a.value().code()).startsWith("Condition/");
    });
    assertThat(first.start()).isEqualTo(java.time.Instant.parse("2024-02-15T10:05:00Z"));
  }

  @Test
  void storageTemperatureAndParentsAreKeptAndAnAliquotIsASpecimenOfItsOwn() throws IOException {
    Path f = write("Specimen.ndjson",
        specimen("parent", "p1", "{\"coding\":[{\"system\":\"" + SCT + "\",\"code\":\"119364003\"}]}",
            ",\"processing\":[{\"extension\":[{\"url\":\"https://www.medizininformatik-initiative.de/fhir/ext/"
                + "modul-biobank/StructureDefinition/Temperaturbedingungen\",\"valueRange\":{\"low\":{\"value\":-85,"
                + "\"unit\":\"Cel\"},\"high\":{\"value\":-60,\"unit\":\"Cel\"}}}]}]"),
        specimen("aliquot", "p1", "{\"coding\":[{\"system\":\"" + SCT + "\",\"code\":\"119364003\"}]}",
            ",\"parent\":[{\"reference\":\"Specimen/parent\"}],\"container\":[{\"specimenQuantity\":"
                + "{\"value\":500,\"system\":\"http://unitsofmeasure.org\",\"code\":\"uL\"}},{\"specimenQuantity\":"
                + "{\"value\":250,\"system\":\"http://unitsofmeasure.org\",\"code\":\"uL\"}}]"));
    InMemorySiteStore store = Loads.fresh();

    Loads.load(store, write("Patient.ndjson", Fhir.patient("p1", "1960-01-01")), f);

    assertThat(store.quarantine()).isEmpty();
    List<Fact> facts = store.facts().filter(x -> x.resourceType().equals("Specimen")).toList();
    assertThat(facts).hasSize(2);
    Fact parent = facts.stream().filter(x -> x.value() == null).findFirst().orElseThrow();
    Fact aliquot = facts.stream().filter(x -> x.value() != null).findFirst().orElseThrow();
    assertThat(parent.attributes()).contains(
        new Attribute("storageTemperature", new Coding(TEMPERATURE, "temperature-60to-85")));
    assertThat(aliquot.value()).isEqualTo(new FactValue.Quantity(750, "uL", null));
    assertThat(aliquot.attributes()).contains(
        new Attribute("parent", new Coding("urn:datenraum:reference", "Specimen/" + parent.resourceId())));
  }

  @Test
  void aSpecimenCodedOnlyWithASampleLocatorKindAlsoHasTheKindsSnomedType() throws IOException {
    String kinds = "https://fhir.bbmri.de/CodeSystem/SampleMaterialType";
    Path f = write("Specimen.ndjson",
        specimen("kind-only", "p1", "{\"coding\":[{\"system\":\"" + kinds + "\",\"code\":\"blood-serum\"}]}", ""),
        specimen("both", "p1", "{\"coding\":[{\"system\":\"" + kinds + "\",\"code\":\"blood-serum\"},{\"system\":\""
            + SCT + "\",\"code\":\"119364003\"}]}", ""),
        specimen("no-snomed-kind", "p1", "{\"coding\":[{\"system\":\"" + kinds + "\",\"code\":\"derivative-other\"}]}", ""),
        specimen("ffpe-tumour", "p1", "{\"coding\":[{\"system\":\"" + kinds + "\",\"code\":\"tumor-tissue-ffpe\"}]}", ""));
    InMemorySiteStore store = Loads.fresh();

    Loads.load(store, write("Patient.ndjson", Fhir.patient("p1", "1960-01-01")), f);

    Map<String, List<Coding>> codes = store.facts().filter(x -> x.resourceType().equals("Specimen"))
        .collect(Collectors.groupingBy(Fact::resourceId, Collectors.mapping(Fact::code, Collectors.toList())));
    Coding serum = new Coding(SCT, "119364003");
    assertThat(codes.get(pseudo("kind-only"))).containsExactlyInAnyOrder(new Coding(kinds, "blood-serum"), serum);
    assertThat(codes.get(pseudo("both"))).containsExactlyInAnyOrder(new Coding(kinds, "blood-serum"), serum);
    assertThat(codes.get(pseudo("no-snomed-kind"))).containsExactly(new Coding(kinds, "derivative-other"));
    // 441652008: formalin-fixed paraffin-embedded tissue specimen
    assertThat(codes.get(pseudo("ffpe-tumour"))).containsExactlyInAnyOrder(
        new Coding(kinds, "tumor-tissue-ffpe"), new Coding(SCT, "441652008"));
  }

  private static String pseudo(String specimen) {
    return Loads.pseudonymizer().pseudonym(org.datenraum.privacy.PseudonymDomain.RESOURCE, "Specimen/" + specimen);
  }

  @Test
  void badSpecimensAndAnswersAreQuarantinedWithReasonAndTheRestLoads() throws IOException {
    String serum = "{\"coding\":[{\"system\":\"" + SCT + "\",\"code\":\"119364003\"}]}";
    Path f = write("Specimen.ndjson",
        specimen("untyped", "p1", "{\"text\":\"Serum\"}", ""),
        specimen("unitless", "p1", serum, ",\"container\":[{\"specimenQuantity\":{\"value\":2}}]"),
        specimen("orphan", "p1", serum, ",\"parent\":[{\"reference\":\"Specimen/never-sent\"}]"),
        "{\"resourceType\":\"Specimen\",\"id\":\"nobody\",\"type\":" + serum + "}",
        specimen("good", "p1", serum, ""));
    Path qr = write("QuestionnaireResponse.ndjson",
        "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"q0\",\"status\":\"completed\","
            + "\"subject\":{\"reference\":\"Patient/p1\"},\"item\":[{\"linkId\":\"a\",\"answer\":[{\"valueInteger\":3}]}]}",
        "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"q1\",\"status\":\"completed\","
            + "\"questionnaire\":\"https://example.org/Questionnaire/visit|1.0\",\"authored\":\"2025-03-01\","
            + "\"subject\":{\"reference\":\"Patient/p1\"},\"item\":[{\"linkId\":\"smoker\",\"answer\":[{\"valueCoding\":"
            + "{\"system\":\"http://loinc.org\",\"code\":\"LA33-6\"}}]},{\"linkId\":\"group\",\"item\":[{\"linkId\":"
            + "\"packYears\",\"answer\":[{\"valueDecimal\":12.5}]}]}]}");
    InMemorySiteStore store = Loads.fresh();

    IngestReport report = Loads.load(store, write("Patient.ndjson", Fhir.patient("p1", "1960-01-01")), f, qr);

    Map<String, String> reasons = store.quarantine().stream()
        .collect(Collectors.toMap(QuarantineEntry::resourceId, q -> q.problem().code()));
    assertThat(reasons).containsOnly(Map.entry("untyped", "DR-7400"), Map.entry("unitless", "DR-7401"),
        Map.entry("orphan", "DR-7402"), Map.entry("nobody", "DR-1014"), Map.entry("q0", "DR-7403"));
    assertThat(store.quarantine()).allSatisfy(q -> assertThat(q.problem().message()).contains("`"));
    assertThat(store.facts().filter(x -> x.resourceType().equals("Specimen")).count()).isEqualTo(1);
    List<Fact> answers = store.facts().filter(x -> x.resourceType().equals("QuestionnaireResponse")).toList();
    assertThat(answers).extracting(Fact::code).containsExactlyInAnyOrder(
        new Coding("https://example.org/Questionnaire/visit", "smoker"),
        new Coding("https://example.org/Questionnaire/visit", "packYears"));
    assertThat(answers).extracting(Fact::value).containsExactlyInAnyOrder(
        new FactValue.Coded(new Coding("http://loinc.org", "LA33-6")), new FactValue.Quantity(12.5, null, null));
    assertThat(report.failed()).isFalse();
  }

  @Test
  void researchSubjectsCarryTheirStudysIdentifierAndArmAndNeedTheirStudy() throws IOException {
    Path f = write("Research.ndjson",
        "{\"resourceType\":\"ResearchSubject\",\"id\":\"rs1\",\"status\":\"on-study\",\"individual\":"
            + "{\"reference\":\"Patient/p1\"},\"study\":{\"reference\":\"ResearchStudy/napkon\"},\"period\":{\"start\":"
            + "\"2024-03-01\"},\"assignedArm\":\"hospitalised\"}",
        "{\"resourceType\":\"ResearchStudy\",\"id\":\"napkon\",\"status\":\"active\",\"identifier\":[{\"system\":"
            + "\"https://example.org/studies\",\"value\":\"NAPKON-HAP\"}]}",
        "{\"resourceType\":\"ResearchSubject\",\"id\":\"rs2\",\"status\":\"on-study\",\"individual\":"
            + "{\"reference\":\"Patient/p1\"},\"study\":{\"reference\":\"ResearchStudy/unknown\"}}");
    InMemorySiteStore store = Loads.fresh();

    Loads.load(store, write("Patient.ndjson", Fhir.patient("p1", "1960-01-01")), f);

    assertThat(store.quarantine()).extracting(QuarantineEntry::resourceId, q -> q.problem().code())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("rs2", "DR-7404"));
    Fact member = store.facts().filter(x -> x.resourceType().equals("ResearchSubject")).findFirst().orElseThrow();
    assertThat(member.code()).isEqualTo(new Coding("https://example.org/studies", "NAPKON-HAP"));
    assertThat(member.start()).isEqualTo(java.time.Instant.parse("2024-03-01T00:00:00Z"));
    assertThat(member.attributes()).contains(
        new Attribute("assignedArm", new Coding("urn:datenraum:study-arm", "hospitalised")));
  }

  private static String specimen(String id, String patient, String type, String more) {
    return "{\"resourceType\":\"Specimen\",\"id\":\"" + id + "\",\"status\":\"available\",\"type\":" + type
        + ",\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"collection\":{\"collectedDateTime\":"
        + "\"2025-01-10T08:00:00Z\"}" + more + "}";
  }

  private Path write(String name, String... lines) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
  }
}
