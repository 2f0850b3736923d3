package org.datenraum.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.store.InMemorySiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading is idempotent; a resource with the same id replaces; DELETE entries remove. */
class ReloadTest {

  @TempDir Path dir;

  @Test
  void loadingTheSameDataTwiceChangesNothing() {
    InMemorySiteStore store = Loads.fresh();
    Loads.load(store, TestData.of("mii-kds"));
    var before = store.stats();
    List<Fact> factsBefore = store.facts().toList();

    Loads.load(store, TestData.of("mii-kds"));

    assertThat(store.stats()).isEqualTo(before);
    assertThat(store.facts().toList()).containsExactlyInAnyOrderElementsOf(factsBefore);
  }

  @Test
  void sameIdReplacesTheEarlierVersion() throws IOException {
    InMemorySiteStore store = Loads.fresh();
    Loads.load(store, ndjson("a.ndjson", Fhir.patient("p1", "1970"),
        Fhir.observation("o1", "Patient/p1", "718-7", "13.1")));
    Loads.load(store, ndjson("b.ndjson", Fhir.observation("o1", "Patient/p1", "718-7", "9.5")));

    List<Fact> facts = store.facts().toList();
    assertThat(facts).hasSize(1);
    assertThat(((FactValue.Quantity) facts.get(0).value()).number()).isEqualTo(9.5);
    assertThat(store.stats().resources()).containsEntry("Observation", 1L);
  }

  @Test
  void bundleDeleteEntriesRemove() throws IOException {
    InMemorySiteStore store = Loads.fresh();
    Loads.load(store, ndjson("a.ndjson", Fhir.patient("p1", "1970"), Fhir.patient("p2", "1971"),
        Fhir.condition("c1", "Patient/p1", "I10", "2020"),
        Fhir.condition("c2", "Patient/p2", "I10", "2020")));

    IngestReport r = Loads.load(store, file("del.json",
        Fhir.transaction(Fhir.delete("Condition/c1"), Fhir.delete("Patient/p2"))));

    assertThat(r.deleted()).isEqualTo(2);
    assertThat(store.stats().patients()).isEqualTo(1);
    assertThat(store.stats().resources()).doesNotContainKey("Condition");
    assertThat(store.facts().toList()).isEmpty();
  }

  @Test
  void conditionalPatientReferencesResolveByIdentifier() throws IOException {
    String bundle = Fhir.transaction(
        Fhir.post("urn:uuid:aaa", Fhir.patient("p1", "1960-04-04"), "Patient"),
        Fhir.post("urn:uuid:bbb", Fhir.condition("c1", "urn:uuid:aaa", "E11.9", "2021"), "Condition"));
    InMemorySiteStore store = Loads.fresh();
    Loads.load(store, file("one.json", bundle));

    Loads.load(store, file("two.json", Fhir.transaction(Fhir.post("urn:uuid:ccc",
        Fhir.condition("c2", "Patient?identifier=urn:mrn|MRN-p1", "I10", "2022"), "Condition"),
        Fhir.post("urn:uuid:ddd",
            Fhir.condition("c3", "Patient?identifier=urn:mrn|unknown", "I10", "2022"),
            "Condition"))));

    assertThat(store.facts().map(f -> f.code().code()).toList()).containsExactlyInAnyOrder(
        "E11.9", "I10");
    assertThat(store.facts().map(Fact::patient).distinct().toList()).hasSize(1);
    assertThat(store.quarantine()).singleElement()
        .satisfies(q -> assertThat(q.problem().code()).isEqualTo("DR-1016"));
  }

  private Path ndjson(String name, String... lines) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("\n", lines));
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
