package org.datenraum.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.store.InMemorySiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored Medication that many records of a later load name is asked of the store once, and
 * every record gets its codes; one the store does not hold is asked again each time.
 */
class StoredMedicationLookupTest {

  @TempDir Path dir;

  private static String administration(String id, String medication) {
    return "{\"resourceType\":\"MedicationAdministration\",\"id\":\"" + id + "\",\"status\":"
        + "\"completed\",\"subject\":{\"reference\":\"Patient/p1\"},\"medicationReference\":"
        + "{\"reference\":\"Medication/" + medication + "\"},\"effectiveDateTime\":\"2022-01-01\"}";
  }

  @Test
  void aStoredMedicationIsLookedUpOncePerLoad() throws Exception {
    InMemorySiteStore store = Loads.fresh();
    Path first = dir.resolve("a.ndjson");
    Files.writeString(first, Fhir.patient("p1", "1970") + "\n"
        + "{\"resourceType\":\"Medication\",\"id\":\"m1\",\"code\":{\"coding\":[{\"system\":"
        + "\"http://fhir.de/CodeSystem/bfarm/atc\",\"code\":\"B01AC06\"}]}}\n");
    Loads.load(store, first);

    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      lines.add(administration("ma" + i, "m1"));
    }
    lines.add(administration("unknown1", "m9"));
    lines.add(administration("unknown2", "m9"));
    Path day = dir.resolve("b.ndjson");
    Files.write(day, lines);
    AtomicInteger asked = new AtomicInteger();
    AtomicInteger askedUnknown = new AtomicInteger();
    IngestReport r = FhirIngest.of(Loads.pseudonymizer()).load(List.of(day), new Loads.StoreView(store) {
      @Override
      public List<Coding> medicationCodes(String medicationId) {
        List<Coding> codes = super.medicationCodes(medicationId);
        (codes.isEmpty() ? askedUnknown : asked).incrementAndGet();
        return codes;
      }
    }, store::write, IngestProgress.none());

    assertThat(asked.get()).isEqualTo(1);
    assertThat(askedUnknown.get()).isGreaterThanOrEqualTo(2);
    assertThat(r.quarantinedTotal()).isEqualTo(2);
    List<Fact> administered = store.facts()
        .filter(f -> f.resourceType().equals("MedicationAdministration")).toList();
    assertThat(administered).hasSize(50)
        .allMatch(f -> f.code().equals(new Coding("http://fhir.de/CodeSystem/bfarm/atc", "B01AC06")));
  }
}
