package org.datenraum.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.ResourceRecord;
import org.datenraum.store.InMemorySiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Encounter's {@code location} entries that reference a Location become facts coded with the
 * reference, timed by the entry's period; a Location keeps its type codings as its codes.
 */
class EncounterLocationTest {

  private static final String REFERENCE = "urn:datenraum:reference";
  private static final String ROLE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
  private static final String PATIENT =
      "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"female\"}";
  private static final String LOCATION = "{\"resourceType\":\"Location\",\"id\":\"icu-a\","
      + "\"name\":\"ITS 3\",\"type\":[{\"coding\":[{\"system\":\"" + ROLE + "\",\"code\":\"ICU\"}]}],"
      + "\"physicalType\":{\"coding\":[{\"system\":"
      + "\"http://terminology.hl7.org/CodeSystem/location-physical-type\",\"code\":\"wa\"}]}}";
  private static final String ENCOUNTER = "{\"resourceType\":\"Encounter\",\"id\":\"e1\","
      + "\"status\":\"finished\",\"class\":{\"system\":"
      + "\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"IMP\"},"
      + "\"subject\":{\"reference\":\"Patient/p1\"},\"period\":{\"start\":\"2024-03-01T08:00:00Z\","
      + "\"end\":\"2024-03-10T12:00:00Z\"},\"location\":["
      + "{\"location\":{\"reference\":\"Location/icu-a\"},\"period\":{\"start\":"
      + "\"2024-03-02T10:00:00Z\",\"end\":\"2024-03-05T16:00:00Z\"}},"
      + "{\"location\":{\"reference\":\"https://kh.example/fhir/Location/ward-b\"}},"
      + "{\"location\":{\"identifier\":{\"system\":\"https://kh.example/sid/station\","
      + "\"value\":\"S-06\"}}}]}";

  @Test
  void locationEntriesBecomeFactsTimedByTheirPeriod(@TempDir Path dir) throws Exception {
    List<ResourceRecord> written = new ArrayList<>();
    InMemorySiteStore store = Loads.fresh();
    load(store, written, file(dir, "a.ndjson", PATIENT, ENCOUNTER, LOCATION));

    List<Fact> located = store.facts().filter(f -> f.code().system().equals(REFERENCE)).toList();
    assertThat(located).hasSize(2);
    Fact icu = located.stream().filter(f -> f.start().equals(Instant.parse("2024-03-02T10:00:00Z")))
        .findFirst().orElseThrow();
    assertThat(icu.resourceType()).isEqualTo("Encounter");
    assertThat(icu.end()).isAfter(Instant.parse("2024-03-05T15:59:59Z"))
        .isBefore(Instant.parse("2024-03-05T16:00:01Z"));
    assertThat(icu.status()).isEqualTo("finished");
    Fact ward = located.stream().filter(f -> f != icu).findFirst().orElseThrow();
    assertThat(ward.start()).as("no period: the encounter's")
        .isEqualTo(Instant.parse("2024-03-01T08:00:00Z"));
    assertThat(ward.code().code()).startsWith("Location/").doesNotContain("ward-b");

    String locationId = icu.code().code().substring("Location/".length());
    assertThat(locationId).isNotEqualTo("icu-a");
    ResourceRecord location = written.stream()
        .filter(r -> r.key().type().equals("Location")).findFirst().orElseThrow();
    assertThat(location.key().id()).isEqualTo(locationId);
    assertThat(location.codes()).containsExactly(new Coding(ROLE, "ICU"));
    assertThat(location.facts()).isEmpty();
    assertThat(store.resourceJson(location.key()).orElseThrow()).doesNotContain("ITS 3");
  }

  @Test
  void theLocationMayArriveBeforeOrAfterTheEncounter(@TempDir Path dir) throws Exception {
    List<ResourceRecord> first = new ArrayList<>();
    InMemorySiteStore before = Loads.fresh();
    load(before, first, file(dir, "1.ndjson", LOCATION));
    load(before, first, file(dir, "2.ndjson", PATIENT, ENCOUNTER));
    List<ResourceRecord> second = new ArrayList<>();
    InMemorySiteStore after = Loads.fresh();
    load(after, second, file(dir, "3.ndjson", PATIENT, ENCOUNTER));
    load(after, second, file(dir, "4.ndjson", LOCATION));

    assertThat(before.facts().toList()).containsExactlyInAnyOrderElementsOf(after.facts().toList());
    assertThat(before.quarantine()).isEmpty();
    assertThat(after.quarantine()).isEmpty();
    assertThat(codesOfLocations(first)).isEqualTo(codesOfLocations(second))
        .containsExactly(new Coding(ROLE, "ICU"));
  }

  private static List<Coding> codesOfLocations(List<ResourceRecord> records) {
    return records.stream().filter(r -> r.key().type().equals("Location"))
        .flatMap(r -> r.codes().stream()).toList();
  }

  private static Path file(Path dir, String name, String... lines) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, String.join("\n", lines) + "\n");
    return f;
  }

  private static void load(InMemorySiteStore store, List<ResourceRecord> written, Path file) {
    IngestReport report = FhirIngest.of(Loads.pseudonymizer()).load(List.of(file),
        new Loads.StoreView(store), batch -> {
          written.addAll(batch.upserts());
          store.write(batch);
        }, IngestProgress.none());
    assertThat(report.quarantinedTotal()).isZero();
  }
}
