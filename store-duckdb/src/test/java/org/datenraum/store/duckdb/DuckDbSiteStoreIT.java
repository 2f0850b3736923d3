package org.datenraum.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Problem;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.Sex;
import org.datenraum.core.WriteBatch;
import org.datenraum.store.InMemorySiteStore;
import org.datenraum.store.SiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DuckDB store behaves as the in-memory store does, survives reopening, and rolls back. */
class DuckDbSiteStoreIT {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  static ResourceRecord patient(String p) {
    return new ResourceRecord(new ResourceKey("Patient", p), p, null, List.of(), "{}",
        new PatientRecord(p, YearMonth.of(1970, 3), Sex.FEMALE, false), List.of());
  }

  static ResourceRecord observation(String id, String p, double value) {
    Fact f = new Fact(p, "enc-1", "Observation", id, new Coding("http://loinc.org", "718-7"),
        Instant.parse("2024-01-01T10:00:00Z"), Instant.parse("2024-01-01T10:00:00Z"),
        new FactValue.Quantity(value, "g/dL", null), "final",
        List.of(new Attribute("interpretation", new Coding("http://x", "H")),
            new Attribute("extension(http://e/x=y)", new Coding("", "z"))));
    Fact coded = new Fact(p, null, "Observation", id, new Coding("http://loinc.org", "94500-6"),
        null, null, new FactValue.Coded(new Coding("http://snomed.info/sct", "260373001")), null,
        List.of());
    return new ResourceRecord(new ResourceKey("Observation", id), p, "enc-1", List.of(f, coded),
        "{\"resourceType\":\"Observation\"}", null, List.of());
  }

  static WriteBatch upserts(ResourceRecord... records) {
    return new WriteBatch(List.of(records), List.of(), Map.of(), List.of());
  }

  private static void sameContent(SiteStore a, SiteStore b) {
    assertThat(a.stats()).isEqualTo(b.stats());
    assertThat(a.facts().toList()).containsExactlyInAnyOrderElementsOf(b.facts().toList());
    assertThat(a.patients().toList()).containsExactlyInAnyOrderElementsOf(b.patients().toList());
  }

  @Test
  void behavesAsTheInMemoryStoreAndSurvivesReopening() {
    Path file = dir.resolve("site.duckdb");
    InMemorySiteStore expected = new InMemorySiteStore();
    List<WriteBatch> batches = List.of(
        upserts(patient("p1"), patient("p2"), observation("o1", "p1", 13.0),
            observation("o2", "p2", 7.0)),
        upserts(observation("o1", "p1", 9.0)),
        new WriteBatch(List.of(), List.of(new ResourceKey("Patient", "p2")),
            Map.of("id-1", "p1"), List.of(new QuarantineEntry("f.ndjson", "line 3", null, null,
                Problem.invalid("DR-1001", "line is not valid JSON")))));
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      for (WriteBatch b : batches) {
        store.write(b);
        expected.write(b);
      }
      sameContent(store, expected);
    }
    try (DuckDbSiteStore reopened = DuckDbSiteStore.open(file, CLOCK)) {
      sameContent(reopened, expected);
      assertThat(reopened.hasPatient("p1")).isTrue();
      assertThat(reopened.hasPatient("p2")).isFalse();
      assertThat(reopened.patientByIdentifier("id-1")).contains("p1");
      assertThat(reopened.quarantine()).singleElement()
          .satisfies(q -> assertThat(q.problem().code()).isEqualTo("DR-1001"));
      assertThat(reopened.stats().facts()).isEqualTo(2);
      assertThat(reopened.resourceJson(new ResourceKey("Observation", "o1")))
          .contains("{\"resourceType\":\"Observation\"}");
      assertThat(reopened.resourceJson(new ResourceKey("Observation", "o2"))).isEmpty();
    }
  }

  @Test
  void readsManyKeysAtOnceAsOneByOne() {
    Path file = dir.resolve("keys.duckdb");
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      List<ResourceRecord> records = new java.util.ArrayList<>(List.of(patient("p1")));
      Map<String, String> links = new java.util.HashMap<>();
      for (int i = 0; i < 1_200; i += 2) {
        records.add(observation("o" + i, "p1", i));
        links.put("id-" + i, "p1");
      }
      store.write(new WriteBatch(records, List.of(), links, List.of()));
    }
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      java.util.Set<ResourceKey> keys = new java.util.HashSet<>(List.of(new ResourceKey("Patient", "p1"),
          new ResourceKey("Patient", "p9")));
      java.util.Set<String> identifiers = new java.util.HashSet<>();
      for (int i = 0; i < 1_200; i++) {
        keys.add(new ResourceKey("Observation", "o" + i));
        identifiers.add("id-" + i);
      }
      Map<ResourceKey, String> json = store.resourceJson(keys);
      assertThat(json).hasSize(601);
      for (String id : List.of("o0", "o1", "o998", "o999", "o1198", "o1199")) {
        ResourceKey k = new ResourceKey("Observation", id);
        assertThat(Optional.ofNullable(json.get(k))).isEqualTo(store.resourceJson(k));
      }
      assertThat(json.get(new ResourceKey("Patient", "p1"))).isEqualTo("{}");
      Map<String, String> patients = store.patientsByIdentifier(identifiers);
      assertThat(patients).hasSize(600);
      for (String i : List.of("id-0", "id-1", "id-1198", "id-1199")) {
        assertThat(Optional.ofNullable(patients.get(i))).isEqualTo(store.patientByIdentifier(i));
      }
    }
  }

  @Test
  void aFailingBatchLeavesTheStoreAsItWas() {
    try (DuckDbSiteStore store = DuckDbSiteStore.open(dir.resolve("s.duckdb"), CLOCK)) {
      store.write(upserts(patient("p1"), observation("o1", "p1", 1.0)));
      var before = store.stats();

      WriteBatch broken = upserts(patient("p9"), observation("o2", "p1", 2.0),
          observation("o3", "nobody", 3.0));
      assertThatThrownBy(() -> store.write(broken)).isInstanceOf(IllegalStateException.class);

      assertThat(store.stats()).isEqualTo(before);
      assertThat(store.hasPatient("p9")).isFalse();
      store.write(upserts(patient("p9")));
      assertThat(store.stats().patients()).isEqualTo(2);
    }
  }

  @Test
  void medicationCodesAreKept() {
    ResourceRecord med = new ResourceRecord(new ResourceKey("Medication", "m1"), null, null,
        List.of(), "{}", null, List.of(new Coding("http://fhir.de/CodeSystem/bfarm/atc", "J01XA04")));
    try (DuckDbSiteStore store = DuckDbSiteStore.open(dir.resolve("m.duckdb"), CLOCK)) {
      store.write(upserts(med));
      assertThat(store.medicationCodes("m1")).containsExactly(
          new Coding("http://fhir.de/CodeSystem/bfarm/atc", "J01XA04"));
      assertThat(store.medicationCodes("m2")).isEmpty();
    }
  }

  @Test
  void schemaVersionIsRecorded() {
    try (DuckDbSiteStore store = DuckDbSiteStore.open(dir.resolve("v.duckdb"), CLOCK)) {
      int version = store.withConnection(c -> {
        try (var s = c.createStatement();
            var rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
          rs.next();
          return rs.getInt(1);
        }
      });
      assertThat(version).isEqualTo(8);
    }
  }
}
