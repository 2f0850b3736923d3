package org.datenraum.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Sex;
import org.datenraum.core.WriteBatch;
import org.datenraum.store.InMemorySiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing identifying reaches the store; references still resolve. */
class PseudonymisationTest {

  @TempDir Path dir;

  @Test
  void directIdentifiersAreRemovedAndIdsReplaced() throws IOException {
    Path f = Files.writeString(dir.resolve("b.json"), Fhir.transaction(
        Fhir.put(Fhir.patient("4711", "1970-05-12"), "Patient/4711"),
        Fhir.put(Fhir.condition("c-9", "Patient/4711", "E11.9", "2020-02-02"), "Condition/c-9")));
    StringBuilder stored = new StringBuilder();
    InMemorySiteStore store = Loads.fresh();
    FhirIngest.of(Loads.pseudonymizer()).load(java.util.List.of(f), new Loads.StoreView(store),
        (WriteBatch b) -> {
          b.upserts().forEach(r -> stored.append(r.jsonText()).append('\n'));
          store.write(b);
        }, IngestProgress.none());

    assertThat(stored.toString()).doesNotContain("Mustermann", "Erika", "Berlin", "Hauptstr",
        "+49 30", "MRN-4711", "1970-05-12", "4711", "c-9");
    PatientRecord p = store.patients().findFirst().orElseThrow();
    assertThat(p.birth()).isEqualTo(YearMonth.of(1970, 5));
    assertThat(p.sex()).isEqualTo(Sex.FEMALE);
    assertThat(p.pseudonym()).hasSize(22);
    assertThat(p.toString()).doesNotContain(p.pseudonym());

    JsonNode condition = new ObjectMapper().readTree(stored.toString().split("\n")[1]);
    assertThat(condition.path("subject").path("reference").asText())
        .isEqualTo("Patient/" + p.pseudonym());
    assertThat(condition.path("subject").has("display")).isFalse();
    assertThat(store.facts().toList()).singleElement()
        .satisfies(fact -> assertThat(fact.patient()).isEqualTo(p.pseudonym()));
  }

  @Test
  void differentSecretsGiveUnlinkablePseudonyms() throws IOException {
    Path f = Files.writeString(dir.resolve("p.ndjson"), Fhir.patient("4711", "1970"));
    InMemorySiteStore a = Loads.fresh();
    Loads.load(a, f);
    InMemorySiteStore b = Loads.fresh();
    byte[] other = new byte[32];
    FhirIngest.of(org.datenraum.privacy.KeyedPseudonymizer.of(other)).load(java.util.List.of(f),
        Lookups.none(), b::write, IngestProgress.none());
    assertThat(a.patients().findFirst().orElseThrow().pseudonym())
        .isNotEqualTo(b.patients().findFirst().orElseThrow().pseudonym());
  }

}
