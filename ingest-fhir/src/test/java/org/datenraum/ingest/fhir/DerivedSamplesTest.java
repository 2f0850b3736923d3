package org.datenraum.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.privacy.PseudonymDomain;
import org.datenraum.store.InMemorySiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Aliquots whose parent arrives later in the load, BiologicallyDerivedProducts and the Substances
 * that specimens and products name as additives.
 */
class DerivedSamplesTest {

  private static final String SCT = "http://snomed.info/sct";
  private static final String TEMPERATURE = "https://fhir.bbmri.de/CodeSystem/StorageTemperature";
  private static final String REF = "urn:datenraum:reference";
  private static final String SERUM = "{\"coding\":[{\"system\":\"" + SCT + "\",\"code\":\"119364003\"}]}";

  @TempDir Path dir;

  @Test
  void anAliquotFindsAParentHeldBackToTheEndOfTheLoadInEitherFileOrder() throws IOException {
    // the parent waits for its patient (the last file), the aliquots for their parents
    Path parents = write("parents.ndjson", specimen("parent", "p1", ""));
    Path aliquots = write("aliquots.ndjson",
        specimen("grandchild", "p1", ",\"parent\":[{\"reference\":\"Specimen/aliquot\"}]"),
        specimen("aliquot", "p1", ",\"parent\":[{\"reference\":\"Specimen/parent\"}]"));
    Path patients = write("patients.ndjson", Fhir.patient("p1", "1960-01-01"));
    for (List<Path> order : List.of(List.of(aliquots, parents, patients), List.of(parents, aliquots, patients))) {
      InMemorySiteStore store = Loads.fresh();

      Loads.load(store, order.toArray(Path[]::new));

      assertThat(store.quarantine()).as("order %s", order).isEmpty();
      Map<String, Fact> byId = store.facts().filter(f -> f.resourceType().equals("Specimen"))
          .collect(Collectors.toMap(Fact::resourceId, f -> f));
      assertThat(byId).containsOnlyKeys(id("parent"), id("aliquot"), id("grandchild"));
      assertThat(byId.get(id("aliquot")).attributes())
          .contains(new Attribute("parent", new Coding(REF, "Specimen/" + id("parent"))));
      assertThat(byId.get(id("grandchild")).attributes())
          .contains(new Attribute("parent", new Coding(REF, "Specimen/" + id("aliquot"))));
    }
  }

  @Test
  void anAliquotIsQuarantinedOnlyWhenItsParentIsMissingAtTheEnd() throws IOException {
    Path aliquots = write("aliquots.ndjson",
        specimen("child-of-nobody", "p1", ",\"parent\":[{\"reference\":\"Specimen/stray\"}]"),
        specimen("child-of-missing", "p1", ",\"parent\":[{\"reference\":\"Specimen/never-sent\"}]"));
    Path parents = write("parents.ndjson", specimen("stray", "p-unknown", ""));
    InMemorySiteStore store = Loads.fresh();

    Loads.load(store, aliquots, parents, write("patients.ndjson", Fhir.patient("p1", "1960-01-01")));

    assertThat(store.quarantine()).extracting(QuarantineEntry::resourceId, q -> q.problem().code())
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("stray", "DR-1015"),
            org.assertj.core.groups.Tuple.tuple("child-of-nobody", "DR-7402"),
            org.assertj.core.groups.Tuple.tuple("child-of-missing", "DR-7402"));
  }

  @Test
  void productsBecomeFactsOfTheirSourcePatientOrOfTheSpecimenTheyCameFrom() throws IOException {
    // the Substance comes last: specimens and products wait for it
    Path specimens = write("specimens.ndjson", specimen("blood", "p2",
        ",\"container\":[{\"additiveReference\":{\"reference\":\"Substance/edta\"}}]"));
    Path products = write("products.ndjson",
        "{\"resourceType\":\"BiologicallyDerivedProduct\",\"id\":\"own\",\"productCategory\":\"fluid\","
            + "\"productCode\":{\"coding\":[{\"system\":\"" + SCT + "\",\"code\":\"119361006\"}]},\"quantity\":3,"
            + "\"collection\":{\"source\":{\"reference\":\"Patient/p1\"},\"collectedDateTime\":\"2025-02-01T09:00:00Z\"},"
            + "\"processing\":[{\"additive\":{\"reference\":\"Substance/edta\"}}],"
            + "\"storage\":[{\"temperature\":-80,\"scale\":\"celsius\"}]}",
        "{\"resourceType\":\"BiologicallyDerivedProduct\",\"id\":\"derived\",\"productCategory\":\"cells\","
            + "\"parent\":[{\"reference\":\"Specimen/blood\"}],\"storage\":[{\"temperature\":77,\"scale\":\"kelvin\"}]}",
        "{\"resourceType\":\"BiologicallyDerivedProduct\",\"id\":\"of-derived\",\"productCategory\":\"cells\","
            + "\"parent\":[{\"reference\":\"BiologicallyDerivedProduct/derived\"}],"
            + "\"storage\":[{\"temperature\":41,\"scale\":\"farenheit\"}]}",
        "{\"resourceType\":\"BiologicallyDerivedProduct\",\"id\":\"nobodys\",\"productCategory\":\"fluid\"}",
        "{\"resourceType\":\"BiologicallyDerivedProduct\",\"id\":\"uncoded\",\"collection\":{\"source\":"
            + "{\"reference\":\"Patient/p1\"}}}",
        "{\"resourceType\":\"BiologicallyDerivedProduct\",\"id\":\"orphan\",\"productCategory\":\"fluid\","
            + "\"parent\":[{\"reference\":\"Specimen/never-sent\"}]}");
    Path substances = write("substances.ndjson", "{\"resourceType\":\"Substance\",\"id\":\"edta\",\"code\":"
        + "{\"coding\":[{\"system\":\"" + SCT + "\",\"code\":\"69519002\"}]}}");
    InMemorySiteStore store = Loads.fresh();

    Loads.load(store, write("patients.ndjson", Fhir.patient("p1", "1960-01-01"), Fhir.patient("p2", "1970-01-01")),
        specimens, products, substances);

    assertThat(store.quarantine()).extracting(QuarantineEntry::resourceId, q -> q.problem().code())
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("nobodys", "DR-7408"),
            org.assertj.core.groups.Tuple.tuple("uncoded", "DR-7405"),
            org.assertj.core.groups.Tuple.tuple("orphan", "DR-7406"));
    Coding edta = new Coding(SCT, "69519002");
    Fact blood = store.facts().filter(f -> f.resourceType().equals("Specimen")).findFirst().orElseThrow();
    assertThat(blood.attributes()).contains(new Attribute("container.additive", edta));
    List<Fact> products2 = store.facts().filter(f -> f.resourceType().equals("BiologicallyDerivedProduct")).toList();
    Map<String, List<Fact>> byId = products2.stream().collect(Collectors.groupingBy(Fact::resourceId));
    assertThat(byId).containsOnlyKeys(product("own"), product("derived"), product("of-derived"));
    List<Fact> own = byId.get(product("own"));
    assertThat(own).extracting(Fact::code).containsExactlyInAnyOrder(new Coding(SCT, "119361006"),
        new Coding("http://hl7.org/fhir/product-category", "fluid"));
    assertThat(own).allSatisfy(f -> {
      assertThat(f.patient()).isEqualTo(patient("p1"));
      assertThat(f.value()).isEqualTo(new FactValue.Quantity(3, "1", null));
      assertThat(f.start()).isEqualTo(Instant.parse("2025-02-01T09:00:00Z"));
      assertThat(f.attributes()).contains(new Attribute("processing.additive", edta),
          new Attribute("storageTemperature", new Coding(TEMPERATURE, "temperature-60to-85")));
    });
    // 77 K is -196 °C (liquid nitrogen); 41 °F is 5 °C
    assertThat(byId.get(product("derived"))).singleElement().satisfies(f -> {
      assertThat(f.patient()).isEqualTo(patient("p2"));
      assertThat(f.attributes()).contains(new Attribute("storageTemperature", new Coding(TEMPERATURE, "temperatureLN")),
          new Attribute("parent", new Coding(REF, "Specimen/" + id("blood"))));
    });
    assertThat(byId.get(product("of-derived"))).singleElement().satisfies(f -> {
      assertThat(f.patient()).isEqualTo(patient("p2"));
      assertThat(f.attributes()).contains(new Attribute("storageTemperature", new Coding(TEMPERATURE, "temperature2to10")));
    });
  }

  @Test
  void anAdditiveThatNeverArrivesHoldsNothingBackAndTheMiiSubstanceCodesTheSpecimen() throws IOException {
    InMemorySiteStore store = Loads.fresh();

    Loads.load(store, write("patients.ndjson", Fhir.patient("p1", "1960-01-01")), write("specimens.ndjson",
        specimen("blood", "p1", ",\"container\":[{\"additiveReference\":{\"reference\":\"Substance/unknown\"}}]")),
        TestData.of("mii-kds/Bundle-mii-exa-test-data-bundle-biobank-1.json"));

    assertThat(store.quarantine()).isEmpty();
    Fact blood = store.facts().filter(f -> f.resourceId().equals(id("blood"))).findFirst().orElseThrow();
    assertThat(blood.attributes()).noneMatch(a -> a.key().equals("container.additive"));
    // the bundle's one specimen with an additiveReference names its EDTA Substance
    List<Fact> withEdta = store.facts().filter(f -> f.attributes().contains(
        new Attribute("container.additive", new Coding(SCT, "69519002")))).toList();
    assertThat(withEdta).extracting(Fact::resourceId).containsExactly(
        pseudo("Specimen", "mii-exa-test-data-patient-1-specimen-1"));
  }

  private static String id(String specimen) {
    return pseudo("Specimen", specimen);
  }

  private static String product(String id) {
    return pseudo("BiologicallyDerivedProduct", id);
  }

  private static String pseudo(String type, String id) {
    return Loads.pseudonymizer().pseudonym(PseudonymDomain.RESOURCE, type + "/" + id);
  }

  private static String patient(String id) {
    return Loads.pseudonymizer().pseudonym(PseudonymDomain.PATIENT, id);
  }

  private static String specimen(String id, String patient, String more) {
    return "{\"resourceType\":\"Specimen\",\"id\":\"" + id + "\",\"status\":\"available\",\"type\":" + SERUM
        + ",\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"collection\":{\"collectedDateTime\":"
        + "\"2025-01-10T08:00:00Z\"}" + more + "}";
  }

  private Path write(String name, String... lines) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
  }
}
